package io.github.camelportabilling.simulator;

/**
 * SQL LIKE as list filters use it: {@code %} any run of characters, {@code _} one character, {@code \} escapes.
 * Case-insensitive, like MySQL's default collation. A pattern without wildcards is an exact match.
 */
final class LikePattern {

    private static final int ANY_RUN = -1;
    private static final int ANY_ONE = -2;

    private final int[] tokens;
    private final String prefix; // set when the pattern is "literal%" (the common case), for a fast path

    private LikePattern(int[] tokens, String prefix) {
        this.tokens = tokens;
        this.prefix = prefix;
    }

    static LikePattern compile(String pattern) {
        int[] t = new int[pattern.length()];
        int n = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                t[n++] = Character.toLowerCase(pattern.charAt(++i));
            } else if (c == '%') {
                if (n == 0 || t[n - 1] != ANY_RUN) {
                    t[n++] = ANY_RUN;
                }
            } else if (c == '_') {
                t[n++] = ANY_ONE;
            } else {
                t[n++] = Character.toLowerCase(c);
            }
        }
        int[] tokens = java.util.Arrays.copyOf(t, n);
        String prefix = null;
        if (n > 0 && tokens[n - 1] == ANY_RUN) {
            StringBuilder sb = new StringBuilder();
            boolean literal = true;
            for (int i = 0; i < n - 1 && literal; i++) {
                literal = tokens[i] >= 0;
                sb.append((char) tokens[i]);
            }
            if (literal) {
                prefix = sb.toString();
            }
        }
        return new LikePattern(tokens, prefix);
    }

    boolean matches(String s) {
        if (s == null) {
            return false;
        }
        if (prefix != null) {
            return s.regionMatches(true, 0, prefix, 0, prefix.length());
        }
        // classic wildcard matching with one backtrack point: linear for patterns like "%x%"
        int si = 0;
        int pi = 0;
        int starP = -1;
        int starS = 0;
        int n = tokens.length;
        while (si < s.length()) {
            if (pi < n && tokens[pi] != ANY_RUN && (tokens[pi] == ANY_ONE || same(tokens[pi], s.charAt(si)))) {
                si++;
                pi++;
            } else if (pi < n && tokens[pi] == ANY_RUN) {
                starP = pi++;
                starS = si;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < n && tokens[pi] == ANY_RUN) {
            pi++;
        }
        return pi == n;
    }

    private static boolean same(int lowerPatternChar, char c) {
        return lowerPatternChar == c || lowerPatternChar == Character.toLowerCase(c);
    }
}
