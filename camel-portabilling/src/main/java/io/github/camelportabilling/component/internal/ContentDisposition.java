package io.github.camelportabilling.component.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code Content-Disposition} header (RFC 6266): whether it says attachment, and the file name, with
 * {@code filename*} (RFC 5987, e.g. {@code UTF-8''r%C3%A9sum%C3%A9.pdf}) preferred over {@code filename}. The name is
 * reduced to its last path segment without control characters, so that a route writing it to disk can never be
 * sent outside its folder by the server.
 */
public record ContentDisposition(boolean attachment, String fileName) {

    private static final ContentDisposition NONE = new ContentDisposition(false, null);

    public static ContentDisposition parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        String[] parts = splitParameters(header);
        boolean attachment = parts[0].strip().equalsIgnoreCase("attachment");
        String plain = null;
        String extended = null;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            if (name.equals("filename")) {
                plain = unquote(value);
            } else if (name.equals("filename*")) {
                extended = decodeExtended(value);
            }
        }
        return new ContentDisposition(attachment, safeName(extended != null ? extended : plain));
    }

    /** Splits at semicolons outside quotes. */
    private static String[] splitParameters(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"' && (i == 0 || header.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts.toArray(new String[0]);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }

    /** {@code charset'language'percent-encoded}; null when it cannot be read. */
    private static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first >= 0 ? value.indexOf('\'', first + 1) : -1;
        if (second < 0) {
            return null;
        }
        Charset charset;
        try {
            charset = Charset.forName(value.substring(0, first).strip());
        } catch (RuntimeException e) {
            charset = StandardCharsets.UTF_8;
        }
        String encoded = value.substring(second + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                try {
                    bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            bytes.write(c);
        }
        return bytes.toString(charset);
    }

    private static String safeName(String name) {
        if (name == null) {
            return null;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(last.length());
        last.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7f).forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        return result.isEmpty() || result.equals(".") || result.equals("..") ? null : result;
    }
}
