package io.github.camelportabilling.component;

/**
 * A snapshot of a session's counters, for health checks, the dev console and metrics. Holds no secret.
 *
 * @param loggedIn         whether the session holds a token it believes valid
 * @param logins           successful logins
 * @param loginFailures    logins the server rejected or that failed in transport
 * @param refreshes        successful token refreshes
 * @param refreshFailures  refreshes that failed (each followed by a full login)
 * @param authFaults       calls rejected for authentication (each followed by one re-login and one replay)
 * @param calls            API calls sent, retries and replays included
 * @param failedCalls      calls that ended in an exception for the caller
 * @param retries          calls tried again by the retry policy
 * @param inFlight         calls waiting for an answer now
 * @param tokenIssuedAt    epoch millis of the current token, 0 when none
 * @param tokenExpiresAt   epoch millis when the current token expires, 0 when none or unknown
 * @param lastFault        the last faultcode or error class seen, or null
 */
public record PortaBillingSessionStats(boolean loggedIn, long logins, long loginFailures, long refreshes,
                                       long refreshFailures, long authFaults, long calls, long failedCalls,
                                       long retries, int inFlight, long tokenIssuedAt, long tokenExpiresAt,
                                       String lastFault) {
}
