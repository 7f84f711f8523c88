package io.github.camelportabilling.component.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelportabilling.component.PortaBillingException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * How calls look on the wire: the JSON request {@code {"params": ...}}, the legacy form request ({@code auth_info} and
 * {@code params} as JSON text), and the reading of answers into maps or {@link PortaBillingException}s.
 */
public final class WireFormat {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final int SNIPPET_LENGTH = 200;
    /** Quoted text is masked before it is cut, so that a cut never splits a secret from its field name. */
    private static final int REDACTED_WINDOW = 4_000;

    private final ObjectMapper mapper;

    public WireFormat() {
        // BigDecimal keeps money exactly as the server wrote it; everything else keeps its JSON type. Written plain:
        // a stripTrailingZeros() 100 goes as 100, not 1E+2
        this.mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public HttpEntity jsonRequest(Map<String, Object> params) {
        try {
            return new ByteArrayEntity(mapper.writeValueAsBytes(Map.of("params", params)), ContentType.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The params cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @param authInfo null for calls that need none (login) */
    public HttpEntity legacyRequest(Map<String, Object> authInfo, Map<String, Object> params) {
        try {
            List<BasicNameValuePair> fields = authInfo != null
                    ? List.of(new BasicNameValuePair("auth_info", mapper.writeValueAsString(authInfo)),
                            new BasicNameValuePair("params", mapper.writeValueAsString(params)))
                    : List.of(new BasicNameValuePair("params", mapper.writeValueAsString(params)));
            return new UrlEncodedFormEntity(fields, StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The params cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads an answer: 200 with a JSON object is the result; 500 with faultcode/faultstring is a fault; anything else
     * is an error that quotes the start of the body.
     *
     * @param redactor masks secrets in any server text quoted into an exception message
     */
    public Map<String, Object> decode(String service, String method, ApiResponse response,
                                      UnaryOperator<String> redactor) {
        int status = response.status();
        if (status == 200) {
            return readObject(service, method, response, redactor);
        }
        if (status == 500) {
            Map<String, Object> fault = tryReadObject(response.body());
            if (fault != null && fault.get("faultcode") != null) {
                String code = String.valueOf(fault.get("faultcode"));
                Object text = fault.get("faultstring");
                throw PortaBillingException.fault(service, method, code,
                        text != null ? redactor.apply(String.valueOf(text)) : null);
            }
        }
        throw error(service, method, response,
                "answered HTTP " + status + statusText(response) + describeBody(response, redactor), null);
    }

    private Map<String, Object> readObject(String service, String method, ApiResponse response,
                                           UnaryOperator<String> redactor) {
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            throw error(service, method, response, "answered HTTP 200 with an empty body instead of a JSON object", null);
        }
        try {
            Object value = mapper.readValue(body, Object.class);
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> result = (Map<String, Object>) map;
                return result;
            }
            throw error(service, method, response, "answered HTTP 200 with a "
                                                   + AnswerTypes.describe(value) + " instead of a JSON object: "
                                                   + quote(response, redactor),
                    null);
        } catch (IOException e) {
            throw error(service, method, response, "answered HTTP 200 with a body that is not valid JSON"
                                                   + contentTypeText(response) + ": "
                                                   + quote(response, redactor),
                    e);
        }
    }

    private Map<String, Object> tryReadObject(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return mapper.readValue(body, MAP);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String statusText(ApiResponse response) {
        String reason = response.reasonPhrase();
        return reason != null && !reason.isBlank() ? " " + reason : "";
    }

    private static String contentTypeText(ApiResponse response) {
        return response.contentType() != null ? " (" + response.contentType() + ")" : "";
    }

    private static String describeBody(ApiResponse response, UnaryOperator<String> redactor) {
        String snippet = quote(response, redactor);
        if (snippet.isEmpty()) {
            return " with an empty body";
        }
        return contentTypeText(response) + ": " + snippet;
    }

    /** The start of the body for an exception message, every credential and token in it masked. */
    private static String quote(ApiResponse response, UnaryOperator<String> redactor) {
        String text = redactor.apply(response.snippet(REDACTED_WINDOW));
        return text.length() > SNIPPET_LENGTH ? text.substring(0, SNIPPET_LENGTH) + "..." : text;
    }

    private static PortaBillingException error(String service, String method, ApiResponse response, String what,
                                               Throwable cause) {
        PortaBillingException e = new PortaBillingException(
                "PortaBilling " + service + "/" + method + " " + what, service, method, null, null, response.status(),
                cause);
        e.setHttpResponseStatus(response.reasonPhrase());
        return e;
    }
}
