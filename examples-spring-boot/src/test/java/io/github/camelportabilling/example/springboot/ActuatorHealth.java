package io.github.camelportabilling.example.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The application's {@code /actuator/health} over HTTP, as a load balancer or Kubernetes probe reads it. */
record ActuatorHealth(int httpStatus, String body, Map<String, Object> json) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @SuppressWarnings("unchecked")
    static ActuatorHealth get(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return new ActuatorHealth(response.statusCode(), response.body(),
                new ObjectMapper().readValue(response.body(), Map.class));
    }

    String status() {
        return (String) json.get("status");
    }

    /** The Camel health indicator: its status and, per Camel health check id, UP or DOWN (and the details). */
    @SuppressWarnings("unchecked")
    Map<String, Object> camel() {
        Map<String, Object> components = (Map<String, Object>) json.get("components");
        return (Map<String, Object>) components.get("camelHealth");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> camelDetails() {
        return (Map<String, Object>) camel().get("details");
    }
}
