package io.github.camelportabilling.component.internal;

import java.util.Collection;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials and tokens in text quoted from a server or the network into an exception message. Two rules,
 * so that a secret is masked whether or not the session knows it: every value the session holds (password, API
 * token, access and refresh token, session id) wherever it appears; and, by name whatever their value, the values of
 * fields called {@code access_token}, {@code refresh_token}, {@code session_id}, {@code password}, {@code token} (and
 * any {@code *_token} or {@code *_password}), as JSON fields (also cut off at the end of a snippet), as
 * {@code name=value} form or query fields, and after {@code Bearer}. A login answer being read holds tokens the
 * session does not know yet: the second rule covers them.
 */
public final class Redactor implements UnaryOperator<String> {

    static final String MASK = "***";
    private static final String NAMES = "(?:[A-Za-z0-9_]*(?:token|password)|session_id|sessionid)";
    /** A JSON field: string (maybe unterminated, when the snippet ends inside it), number, literal or nested value. */
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(\\\\?\"" + NAMES + "\\\\?\"\\s*:\\s*)(\\\\?\"[^\"]*\"?|[^,}\\]\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM_FIELD = Pattern.compile("((?:^|[?&\\s;,(])" + NAMES + "=)([^&\\s\",;)]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER = Pattern.compile("(Bearer\\s+)[A-Za-z0-9._~+/=-]+", Pattern.CASE_INSENSITIVE);
    /** Shorter values are not masked by value: "1" or "ok" would mask half a message. */
    private static final int MIN_SECRET_LENGTH = 4;

    private final Supplier<Collection<String>> knownSecrets;

    /** @param knownSecrets the secrets the session holds now (may contain nulls) */
    public Redactor(Supplier<Collection<String>> knownSecrets) {
        this.knownSecrets = knownSecrets;
    }

    @Override
    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : knownSecrets.get()) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH && result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        result = replaceValues(JSON_FIELD, result);
        result = replaceValues(FORM_FIELD, result);
        return replaceValues(BEARER, result);
    }

    private static String replaceValues(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + MASK));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
