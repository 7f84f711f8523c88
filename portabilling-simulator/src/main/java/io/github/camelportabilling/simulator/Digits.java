package io.github.camelportabilling.simulator;

/** Zero padding without String.format, which is too slow for seeding a million names. */
final class Digits {

    private Digits() {
    }

    static String pad(long value, int width) {
        String s = Long.toString(value);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }
}
