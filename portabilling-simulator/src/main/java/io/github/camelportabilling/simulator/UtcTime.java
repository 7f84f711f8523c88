package io.github.camelportabilling.simulator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** PortaBilling's UTC formats: date-time {@code YYYY-MM-DD HH:MM:SS} and date {@code YYYY-MM-DD}. */
final class UtcTime {

    private UtcTime() {
    }

    /** Hand-written because list pages format thousands of dates per call and DateTimeFormatter is slow. */
    static String dateTime(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        char[] c = new char[19];
        digits(c, 0, t.getYear(), 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        return new String(c);
    }

    static String date(long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        char[] c = new char[10];
        digits(c, 0, d.getYear(), 4);
        c[4] = '-';
        digits(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, d.getDayOfMonth(), 2);
        return new String(c);
    }

    /** Accepts {@code YYYY-MM-DD HH:MM:SS} or a bare date (midnight). */
    static long parseDateTime(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).toEpochDay() * 86_400L;
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected YYYY-MM-DD HH:MM:SS, got '" + text + "'");
        }
    }

    /** Accepts {@code YYYY-MM-DD} or a date-time (its date part). */
    static long parseDate(String text) {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected YYYY-MM-DD, got '" + text + "'");
        }
    }

    /** The same time of day one calendar month later. */
    static long plusMonth(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).plusMonths(1).toEpochSecond(ZoneOffset.UTC);
    }

    static String nowDateTime() {
        return dateTime(System.currentTimeMillis() / 1000);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
