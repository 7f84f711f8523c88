package io.github.camelportabilling.component.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.camelportabilling.component.PortaBillingConsumerMode;
import io.github.camelportabilling.component.PortaBillingOperation;
import io.github.camelportabilling.component.PortaBillingRealm;

/**
 * Checks the text of numeric, duration and enum options as the user wrote it in an endpoint URI, before Camel binds
 * it: Camel's converters turn some bad text into 0 ({@code pageSize=abc}, {@code connectTimeout=abc}, a duration
 * {@code 10S}) or fail without listing the valid values. Each refusal quotes the text and says what is expected.
 * One table of options; new options add a row.
 */
public final class OptionChecks {

    private enum Kind {
        POSITIVE_INT("a whole number > 0"),
        NON_NEGATIVE_INT("a whole number >= 0"),
        PORT("a port number from 0 to 65535 (0: the realm's port)"),
        POSITIVE_DURATION("a duration > 0: milliseconds (10000) or e.g. 10s, 500ms, 1m30s, 2h, PT10S"),
        NON_NEGATIVE_DURATION("a duration >= 0: milliseconds (200) or e.g. 200ms, 1s, 1m, PT1S");

        final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    private static final Map<String, Kind> NUMBERS = new LinkedHashMap<>();
    private static final Map<String, Enum<?>[]> ENUMS = new LinkedHashMap<>();

    static {
        NUMBERS.put("pageSize", Kind.POSITIVE_INT);
        NUMBERS.put("parallelPages", Kind.POSITIVE_INT);
        NUMBERS.put("maxConnections", Kind.POSITIVE_INT);
        NUMBERS.put("maxRetries", Kind.NON_NEGATIVE_INT);
        NUMBERS.put("port", Kind.PORT);
        NUMBERS.put("connectTimeout", Kind.POSITIVE_DURATION);
        NUMBERS.put("responseTimeout", Kind.POSITIVE_DURATION);
        NUMBERS.put("retryBackoff", Kind.NON_NEGATIVE_DURATION);
        NUMBERS.put("maxRetryAfter", Kind.NON_NEGATIVE_DURATION);
        NUMBERS.put("callTimeout", Kind.POSITIVE_DURATION);
        ENUMS.put("operation", PortaBillingOperation.values());
        ENUMS.put("realm", PortaBillingRealm.values());
        ENUMS.put("mode", PortaBillingConsumerMode.values());
        ENUMS.put("validation", io.github.camelportabilling.component.PortaBillingValidation.values());
        ENUMS.put("poisonRecordAction", io.github.camelportabilling.component.PortaBillingPoisonRecordAction.values());
    }

    /** Camel's duration text that it also converts correctly: units in this order, lower case. */
    private static final Pattern UNITS = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

    private OptionChecks() {
    }

    /**
     * Checks the options given as text among an endpoint's URI parameters (names as Camel accepts them, in any case);
     * values that are not plain text (bean references, objects) are left to Camel's binding.
     */
    public static void check(Map<String, Object> parameters) {
        for (Map.Entry<String, Object> p : parameters.entrySet()) {
            if (!(p.getValue() instanceof String text) || text.startsWith("#") || text.startsWith("RAW(")) {
                continue;
            }
            String name = canonical(p.getKey());
            Kind kind = NUMBERS.get(name);
            if (kind != null) {
                checkNumber(name, text, kind);
            }
            Enum<?>[] values = ENUMS.get(name);
            if (values != null) {
                checkEnum(name, text, values);
            }
        }
    }

    /** Milliseconds of a duration as Camel reads it, or -1 when the text is not one Camel reads correctly. */
    public static long durationMillis(String text) {
        String t = text.strip();
        if (t.matches("-?\\d+")) {
            return parseLong(t);
        }
        if (t.startsWith("P") || t.startsWith("-P")) {
            try {
                Duration d = Duration.parse(t);
                return d.isNegative() ? -1 : d.toMillis();
            } catch (DateTimeParseException | ArithmeticException e) {
                return -1;
            }
        }
        Matcher m = UNITS.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            return -1;
        }
        long[] factors = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        long millis = 0;
        for (int i = 0; i < factors.length; i++) {
            if (m.group(i + 1) != null) {
                long n = parseLong(m.group(i + 1));
                if (n < 0 || n > Long.MAX_VALUE / factors[i] - millis / factors[i]) {
                    return -1;
                }
                millis += n * factors[i];
            }
        }
        return millis;
    }

    private static void checkNumber(String name, String text, Kind kind) {
        String t = text.strip();
        long value;
        switch (kind) {
            case POSITIVE_DURATION, NON_NEGATIVE_DURATION -> value = t.startsWith("-") ? -1 : durationMillis(t);
            default -> value = t.matches("-?\\d{1,10}") ? parseLong(t) : Long.MIN_VALUE;
        }
        boolean ok = switch (kind) {
            case POSITIVE_INT -> value > 0 && value <= Integer.MAX_VALUE;
            case NON_NEGATIVE_INT -> value >= 0 && value <= Integer.MAX_VALUE;
            case PORT -> value >= 0 && value <= 65535;
            case POSITIVE_DURATION -> value > 0;
            case NON_NEGATIVE_DURATION -> value >= 0;
        };
        if (!ok) {
            throw new IllegalArgumentException("Invalid value '" + text + "' for option " + name + ": expected "
                                               + kind.expected);
        }
    }

    private static void checkEnum(String name, String text, Enum<?>[] values) {
        for (Enum<?> v : values) {
            // Camel's enum conversion ignores case
            if (v.name().equalsIgnoreCase(text.strip())) {
                return;
            }
        }
        throw new IllegalArgumentException("Invalid value '" + text + "' for option " + name + ": expected one of "
                                           + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static String canonical(String key) {
        for (String name : NUMBERS.keySet()) {
            if (name.equalsIgnoreCase(key)) {
                return name;
            }
        }
        for (String name : ENUMS.keySet()) {
            if (name.equalsIgnoreCase(key)) {
                return name;
            }
        }
        return key.toLowerCase(Locale.ROOT);
    }

    private static long parseLong(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
