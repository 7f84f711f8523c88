package io.github.camelportabilling.component.internal;

import java.util.Map;

import io.github.camelportabilling.component.PortaBillingException;

/** What a call answered: a JSON object (nearly every method) or a file (see {@link FileAnswer}). */
public record ApiAnswer(Map<String, Object> json, FileAnswer file) {

    public static ApiAnswer json(Map<String, Object> json) {
        return new ApiAnswer(json, null);
    }

    public static ApiAnswer file(FileAnswer file) {
        return new ApiAnswer(null, file);
    }

    public boolean isFile() {
        return file != null;
    }

    /** The JSON object; a file where JSON was expected is an error that says how to receive it. */
    public Map<String, Object> requireJson(String service, String method) {
        if (file == null) {
            return json;
        }
        throw new PortaBillingException("PortaBilling " + service + "/" + method + " answered a file (" + file.contentType()
                                        + (file.fileName() != null ? ", " + file.fileName() : "") + ", "
                                        + file.bytes().length + " bytes) where a JSON object was expected; call it with"
                                        + " operation=call to receive the file as the message body",
                service, method, null, null, 200, null);
    }
}
