package io.github.camelportabilling.component.internal;

import java.util.Locale;

/**
 * An answer that is a file, not JSON: methods such as {@code CDR/get_call_recording} answer HTTP 200 with the file's
 * bytes, its content type and usually {@code Content-Disposition: attachment; filename=...}. {@link #toString()}
 * never shows the bytes.
 *
 * @param fileName the name the server gave, reduced to its last path segment; null when it gave none
 */
public record FileAnswer(byte[] bytes, String contentType, String fileName) {

    /**
     * Whether a 200 answer is a file: it says so ({@code Content-Disposition} with attachment or a file name), or its
     * content type is neither JSON nor the HTML/plain text a proxy answers with. An answer without a content type is
     * read as JSON, as before.
     */
    public static boolean isFile(ApiResponse response) {
        ContentDisposition disposition = ContentDisposition.parse(response.contentDisposition());
        if (disposition.attachment() || disposition.fileName() != null) {
            return true;
        }
        String type = mimeType(response.contentType());
        if (type == null) {
            return false;
        }
        return !(isJson(type) || type.equals("text/html") || type.equals("text/plain"));
    }

    public static FileAnswer of(ApiResponse response) {
        return new FileAnswer(response.body() != null ? response.body() : new byte[0], response.contentType(),
                ContentDisposition.parse(response.contentDisposition()).fileName());
    }

    static boolean isJson(String mimeType) {
        return mimeType.endsWith("/json") || mimeType.endsWith("+json");
    }

    /** {@code application/pdf} of {@code Application/PDF; charset=...}; null when absent or blank. */
    static String mimeType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "FileAnswer[" + contentType + ", " + fileName + ", " + bytes.length + " bytes]";
    }
}
