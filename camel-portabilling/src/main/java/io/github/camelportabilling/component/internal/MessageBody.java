package io.github.camelportabilling.component.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.StreamCache;
import org.apache.camel.TypeConversionException;
import org.apache.camel.WrappedFile;

/**
 * Reads a message body as the plain JSON value the params are made of: {@code null}, a number (an id), or a map of
 * JSON values (maps, lists, strings, numbers, booleans, nulls).
 * <ul>
 * <li>Content (JSON text as {@code String}, {@code byte[]}, {@code InputStream}, {@code Reader}, a file of a
 * {@code file:} route, a stream cache, {@code File}, {@code Path}, any other Camel type) is read through Camel's type
 * converters and parsed. With a declared charset (the {@code CamelCharsetName} property, a file endpoint's
 * {@code charset}) the text is decoded with it; otherwise the bytes go to the JSON parser, which reads UTF-8 (and
 * UTF-16/32), never the platform's default charset.</li>
 * <li>A {@code Map} is copied; values inside it that are not JSON values (POJOs, arrays, enums) are converted like
 * POJO bodies.</li>
 * <li>Anything else is a POJO, converted by {@link PojoParams}. Camel's own types are never serialised.</li>
 * </ul>
 */
public final class MessageBody {

    private final ObjectMapper jsonMapper;
    private final PojoParams pojos;

    public MessageBody(ObjectMapper jsonMapper, PojoParams pojos) {
        this.jsonMapper = jsonMapper;
        this.pojos = pojos;
    }

    /** @return null, a Number, or a {@code Map<String, Object>} of plain JSON values */
    public Object read(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof Map<?, ?> map) {
            return plainMap(map);
        }
        if (body instanceof Number) {
            return body;
        }
        if (body instanceof CharSequence text) {
            return parse(text.toString());
        }
        if (isContent(body)) {
            return parseContent(exchange, body);
        }
        if (body instanceof Collection<?> || body.getClass().isArray() || body instanceof Boolean) {
            throw new IllegalArgumentException("The body must be a JSON object or a map of params, got "
                                               + body.getClass().getSimpleName());
        }
        return pojos.toMap(body);
    }

    /** Bodies that hold JSON text rather than being the record themselves. */
    private static boolean isContent(Object body) {
        return body instanceof byte[] || body instanceof InputStream || body instanceof Reader
               || body instanceof WrappedFile<?> || body instanceof StreamCache || body instanceof File
               || body instanceof Path || body instanceof ByteBuffer
               || body.getClass().getName().startsWith("org.apache.camel.");
    }

    private Object parseContent(Exchange exchange, Object body) {
        // a file endpoint with a charset option sets this property too
        String charset = exchange.getProperty(Exchange.CHARSET_NAME, String.class);
        try {
            if (charset != null || body instanceof Reader) {
                return parse(exchange.getContext().getTypeConverter().mandatoryConvertTo(String.class, exchange, body));
            }
            byte[] bytes = body instanceof byte[] b ? b
                    : exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, body);
            return parse(bytes);
        } catch (TypeConversionException | NoTypeConversionAvailableException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("Cannot read the message body (" + body.getClass().getSimpleName()
                                               + "): " + cause.getMessage(), e);
        }
    }

    private Object parse(byte[] json) {
        int start = 0;
        while (start < json.length && Character.isWhitespace(json[start])) {
            start++;
        }
        if (start == json.length) {
            return null;
        }
        try {
            return checkParsed(jsonMapper.readValue(json, Object.class), () -> snippet(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("The body is not valid JSON: " + snippet(json), e);
        }
    }

    private Object parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return checkParsed(jsonMapper.readValue(trimmed, Object.class), () -> abbreviate(trimmed));
        } catch (IOException e) {
            throw new IllegalArgumentException("The body is not valid JSON: " + abbreviate(trimmed), e);
        }
    }

    private static Object checkParsed(Object parsed, java.util.function.Supplier<String> text) {
        if (parsed instanceof Map || parsed instanceof Number) {
            return parsed;
        }
        throw new IllegalArgumentException("The body must be a JSON object (or a number for an id), got a JSON "
                                           + (parsed instanceof List ? "array" : "value") + ": " + text.get());
    }

    private Map<String, Object> plainMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("Param names must be strings, got "
                                                   + (e.getKey() == null ? "null" : e.getKey().getClass().getSimpleName()));
            }
            copy.put(key, plainValue(e.getValue()));
        }
        return copy;
    }

    private Object plainValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return plainMap(map);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            for (Object v : collection) {
                copy.add(plainValue(v));
            }
            return copy;
        }
        return pojos.toValue(value);
    }

    private static String snippet(byte[] json) {
        return abbreviate(new String(json, 0, Math.min(json.length, 200), java.nio.charset.StandardCharsets.UTF_8).strip());
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
