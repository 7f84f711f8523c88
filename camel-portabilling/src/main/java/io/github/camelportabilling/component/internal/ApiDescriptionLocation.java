package io.github.camelportabilling.component.internal;

import java.util.Locale;

/**
 * The {@code apiDescription} option: {@code auto} (the realm's {@code /doc/api/<Realm>Interface.json} on the
 * configured server), {@code none}, or an explicit {@code http:}/{@code https:}, {@code file:} or {@code classpath:}
 * location.
 */
public record ApiDescriptionLocation(Kind kind, String location) {

    public enum Kind {
        AUTO, NONE, HTTP, FILE, CLASSPATH
    }

    public static final String AUTO = "auto";
    public static final String NONE = "none";

    /** @throws IllegalArgumentException naming the option and quoting the text, with the forms it takes */
    public static ApiDescriptionLocation parse(String text) {
        String t = text == null ? AUTO : text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals(AUTO)) {
            return new ApiDescriptionLocation(Kind.AUTO, null);
        }
        if (lower.equals(NONE)) {
            return new ApiDescriptionLocation(Kind.NONE, null);
        }
        if ((lower.startsWith("http://") || lower.startsWith("https://")) && t.length() > lower.indexOf("//") + 2) {
            return new ApiDescriptionLocation(Kind.HTTP, t);
        }
        if (lower.startsWith("file:") && t.length() > 5) {
            return new ApiDescriptionLocation(Kind.FILE, t.substring(5));
        }
        if (lower.startsWith("classpath:") && t.length() > 10) {
            return new ApiDescriptionLocation(Kind.CLASSPATH, t.substring(10));
        }
        throw new IllegalArgumentException("Invalid value '" + text + "' for option apiDescription: expected auto, none,"
                                           + " or an http:, https:, file: or classpath: location of an OpenAPI 3.0"
                                           + " JSON document");
    }

    /** The file a realm's server publishes its document under: {@code AdminInterface.json}, {@code CustomerInterface.json}. */
    public static String fileName(String realm) {
        String r = realm.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(r.charAt(0)) + r.substring(1) + "Interface.json";
    }

    /** {@code <baseUrl>/doc/api/<Realm>Interface.json}. */
    public static String autoUrl(String baseUrl, String realm) {
        return baseUrl + "/doc/api/" + fileName(realm);
    }

    /** Where the document is read from, as the dev console and the log show it. */
    public String describe(String baseUrl, String realm) {
        return switch (kind) {
            case AUTO -> autoUrl(baseUrl, realm);
            case NONE -> NONE;
            case HTTP -> location;
            case FILE -> "file:" + location;
            case CLASSPATH -> "classpath:" + location;
        };
    }
}
