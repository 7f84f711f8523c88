package io.github.camelportabilling.simulator;

/**
 * An answer that is a file, not JSON, the way PortaBilling's file methods answer: HTTP 200 with the file's content
 * type and {@code Content-Disposition: attachment; filename="..."}.
 */
record FileAnswer(String contentType, String fileName, byte[] bytes) {

    String contentDisposition() {
        return "attachment; filename=\"" + fileName + "\"";
    }
}
