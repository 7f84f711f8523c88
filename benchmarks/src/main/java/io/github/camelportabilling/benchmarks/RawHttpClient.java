package io.github.camelportabilling.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * The baseline: plain Apache HttpClient 5 (the version camel-http brings) and Jackson, written the way a careful
 * developer writes client code by hand: one pooled client, one mapper, log in once and send the Bearer token. No
 * retries of its own, no redirect or fault handling beyond failing on a non-200 answer.
 */
final class RawHttpClient implements AutoCloseable {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final String baseUrl;
    private final CloseableHttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile String authorization;

    RawHttpClient(String baseUrl, int poolSize) {
        this.baseUrl = baseUrl;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(poolSize)
                        .setMaxConnPerRoute(poolSize)
                        .build())
                .build();
    }

    URI uri(String serviceMethod) {
        return URI.create(baseUrl + "/rest/" + serviceMethod);
    }

    /** Session/login; later calls carry the access token it returns. */
    RawHttpClient login(String login, String password) throws IOException {
        Map<String, Object> answer = post(uri("Session/login"), Map.of("login", login, "password", password), null);
        authorization = "Bearer " + answer.get("access_token");
        return this;
    }

    /** The access token of {@link #login}, for the hand-written routes, which log in the same way. */
    String accessToken() {
        return authorization.substring("Bearer ".length());
    }

    Map<String, Object> call(URI uri, Map<String, Object> params) throws IOException {
        return post(uri, params, authorization);
    }

    /** One page of a list: the records under {@code listKey}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> page(URI uri, String listKey, int offset, int limit) throws IOException {
        return (List<Map<String, Object>>) call(uri, Map.of("offset", offset, "limit", limit)).get(listKey);
    }

    private Map<String, Object> post(URI uri, Map<String, Object> params, String auth) throws IOException {
        HttpPost post = new HttpPost(uri);
        if (auth != null) {
            post.setHeader(HttpHeaders.AUTHORIZATION, auth);
        }
        post.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(Map.of("params", params)),
                ContentType.APPLICATION_JSON));
        return client.execute(post, response -> {
            try (InputStream in = response.getEntity().getContent()) {
                if (response.getCode() != 200) {
                    throw new IOException(uri.getPath() + " answered HTTP " + response.getCode());
                }
                return mapper.readValue(in, MAP);
            }
        });
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
