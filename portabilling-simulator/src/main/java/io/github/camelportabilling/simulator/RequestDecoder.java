package io.github.camelportabilling.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes both request encodings PortaBilling accepts: modern JSON ({@code {"params": {...}}}, optionally with
 * {@code auth_info}) and legacy {@code application/x-www-form-urlencoded} whose {@code auth_info} and
 * {@code params} fields hold JSON text. Missing or empty params mean {@code {}}.
 */
final class RequestDecoder {

    private RequestDecoder() {
    }

    /** The bearer token of an {@code Authorization: Bearer ...} header, or null for no header or another scheme. */
    static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        if (a.length() >= 6 && a.regionMatches(true, 0, "Bearer", 0, 6) && (a.length() == 6 || a.charAt(6) == ' ')) {
            return a.substring(6).trim();
        }
        return null;
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** Returns {params, authInfo-or-null}; throws an {@code invalid_request} fault for an undecodable body. */
    static Object[] decode(String contentType, byte[] body) {
        String media = mediaType(contentType);
        boolean empty = isBlank(body);
        if (media.equals("application/x-www-form-urlencoded")) {
            return decodeForm(new String(body, StandardCharsets.UTF_8));
        }
        if (media.equals("application/json") || media.endsWith("+json") || (media.isEmpty() && (empty || body[firstNonBlank(body)] == '{'))) {
            return empty ? new Object[] {new LinkedHashMap<String, Object>(), null} : decodeJson(body);
        }
        if (media.isEmpty()) {
            return decodeForm(new String(body, StandardCharsets.UTF_8));
        }
        throw invalid("Unsupported Content-Type '" + contentType
                + "': send application/json or application/x-www-form-urlencoded");
    }

    private static Object[] decodeJson(byte[] body) {
        Object root;
        try {
            root = Json.parse(body);
        } catch (Exception e) {
            throw invalid("The request body is not valid JSON");
        }
        if (!(root instanceof Map)) {
            throw invalid("The request body must be a JSON object like {\"params\": {...}}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> envelope = (Map<String, Object>) root;
        return new Object[] {object("params", envelope.get("params")), authInfo(envelope.get("auth_info"))};
    }

    private static Object[] decodeForm(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw invalid("The form body is not valid URL encoding");
            }
        }
        return new Object[] {object("params", fields.get("params")), authInfo(fields.get("auth_info"))};
    }

    private static Map<String, Object> authInfo(Object value) {
        if (value == null || (value instanceof String && ((String) value).isBlank())) {
            return null;
        }
        return object("auth_info", value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String name, Object value) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (value instanceof Map) {
            return new LinkedHashMap<>((Map<String, Object>) value);
        }
        if (value instanceof String) {
            String text = ((String) value).trim();
            if (text.isEmpty()) {
                return new LinkedHashMap<>();
            }
            try {
                return Json.parseObject(text);
            } catch (IllegalArgumentException e) {
                throw invalid("'" + name + "' must be a JSON object, got: " + abbreviate(text));
            }
        }
        throw invalid("'" + name + "' must be a JSON object");
    }

    private static boolean isBlank(byte[] body) {
        return firstNonBlank(body) == body.length;
    }

    private static int firstNonBlank(byte[] body) {
        int i = 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    private static ApiFault invalid(String message) {
        return new ApiFault(FaultCodes.INVALID_REQUEST, message);
    }
}
