package io.github.camelportabilling.component.internal;

/**
 * One HTTP answer as received: status, content type, the Retry-After and Content-Disposition headers and the body
 * bytes.
 */
public record ApiResponse(int status, String reasonPhrase, String contentType, String retryAfter, byte[] body,
                          String contentDisposition) {

    public ApiResponse(int status, String reasonPhrase, String contentType, String retryAfter, byte[] body) {
        this(status, reasonPhrase, contentType, retryAfter, body, null);
    }

    /** The first {@code max} characters of the body as text, whitespace collapsed, for error messages. */
    public String snippet(int max) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, max * 4), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return text.length() > max ? text.substring(0, max) + "..." : text;
    }
}
