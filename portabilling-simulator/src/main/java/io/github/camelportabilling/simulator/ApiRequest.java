package io.github.camelportabilling.simulator;

import java.util.Map;

/** A decoded API call: where it goes, its params and the credentials it carries (bearer header or legacy auth_info). */
final class ApiRequest {

    final String service;
    final String method;
    final String serviceMethod;
    final Map<String, Object> params;
    final Map<String, Object> authInfo; // legacy form, else null
    final String bearerToken; // else null

    ApiRequest(String service, String method, Map<String, Object> params, Map<String, Object> authInfo, String bearerToken) {
        this.service = service;
        this.method = method;
        this.serviceMethod = service + '/' + method;
        this.params = params;
        this.authInfo = authInfo;
        this.bearerToken = bearerToken;
    }
}
