package io.github.camelportabilling.component.internal;

/**
 * The tokens of one login, with the times the session uses to decide when to refresh. {@link #toString()} never shows
 * a token.
 *
 * @param refreshAtMillis when a caller should start a refresh ahead of expiry
 * @param staleAtMillis   from when the token is not sent any more (a little before expiry, for clock skew and
 *                        latency)
 */
public record AccessToken(String accessToken, String refreshToken, String sessionId, long issuedAtMillis,
                          long expiresAtMillis, long refreshAtMillis, long staleAtMillis) {

    /** No expiry known (old servers): the token is used until the server rejects it. */
    public static final long NO_EXPIRY = Long.MAX_VALUE;

    /** Longest head start for a refresh; shorter lifetimes refresh a third of the lifetime before expiry. */
    private static final long MAX_REFRESH_AHEAD_MILLIS = 60_000;
    /**
     * Longest safety margin before expiry; shorter lifetimes stop using a token a fifth of the lifetime before
     * expiry, so that a call still in a queue does not reach the server with an expired token.
     */
    private static final long MAX_STALE_AHEAD_MILLIS = 5_000;

    public static AccessToken of(String accessToken, String refreshToken, String sessionId, long issuedAtMillis,
                                 long expiresAtMillis) {
        if (expiresAtMillis == NO_EXPIRY) {
            return new AccessToken(accessToken, refreshToken, sessionId, issuedAtMillis, NO_EXPIRY, NO_EXPIRY, NO_EXPIRY);
        }
        long lifetime = Math.max(0, expiresAtMillis - issuedAtMillis);
        long refreshAt = expiresAtMillis - Math.min(lifetime / 3, MAX_REFRESH_AHEAD_MILLIS);
        long staleAt = expiresAtMillis - Math.min(lifetime / 5, MAX_STALE_AHEAD_MILLIS);
        return new AccessToken(accessToken, refreshToken, sessionId, issuedAtMillis, expiresAtMillis, refreshAt, staleAt);
    }

    public boolean isStale(long nowMillis) {
        return nowMillis >= staleAtMillis;
    }

    public boolean needsRefresh(long nowMillis) {
        return nowMillis >= refreshAtMillis;
    }

    @Override
    public String toString() {
        return "AccessToken[issuedAt=" + issuedAtMillis + ", expiresAt=" + expiresAtMillis + "]";
    }
}
