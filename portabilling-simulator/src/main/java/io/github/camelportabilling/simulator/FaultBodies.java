package io.github.camelportabilling.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bodies injected faults answer with: proxy pages, and answers with the right keys but wrong JSON types. */
final class FaultBodies {

    private FaultBodies() {
    }

    static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 204: return "No Content";
            case 301: return "Moved Permanently";
            case 302: return "Found";
            case 303: return "See Other";
            case 307: return "Temporary Redirect";
            case 308: return "Permanent Redirect";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Not Allowed";
            case 408: return "Request Time-out";
            case 413: return "Request Entity Too Large";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 501: return "Not Implemented";
            case 502: return "Bad Gateway";
            case 503: return "Service Temporarily Unavailable";
            case 504: return "Gateway Time-out";
            default: return "Error";
        }
    }

    static String plainText(int status) {
        return status + " " + reason(status) + "\n";
    }

    /** The page nginx serves for its own errors, byte for byte in shape. */
    static String nginxPage(int status) {
        String title = status + " " + reason(status);
        return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }

    /** The keys the method would answer with, holding values of the wrong JSON type. */
    static Map<String, Object> wrongTypes(String service, String method) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (service.equals("Session") && (method.equals("login") || method.equals("refresh_access_token"))) {
            m.put("session_id", 5);
            m.put("access_token", 12345);
            m.put("refresh_token", List.of());
            m.put("expires_at", 17);
            m.put("expires_in", "soon");
        } else if (method.equals("ping")) {
            m.put("user_id", "x");
        } else if (method.startsWith("get_") && method.endsWith("_info")) {
            m.put(method.substring(4), "x");
        } else if (method.startsWith("get_") && method.endsWith("_list")) {
            m.put(method.substring(4), 5);
            m.put("total", "many");
        } else if (method.startsWith("get_")) {
            m.put(method.substring(4), 5);
        } else if (method.startsWith("add_") || method.startsWith("update_")) {
            m.put("i_" + method.substring(method.indexOf('_') + 1), "x");
        } else {
            m.put("success", "yes");
        }
        return m;
    }
}
