package io.github.camelportabilling.component.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's API description: read once, on first use, from where the {@code apiDescription} option says, through
 * the session's own HTTP transport (its TLS, proxy and timeouts; no credential is sent), at most
 * {@value #MAX_BYTES} bytes, within the call timeout. A server without a usable document (404, not JSON, not OpenAPI
 * 3.0.x, too large, unreachable) is logged once, at INFO for {@code auto} and at WARN for an explicit location, and
 * the session then works without one, as with {@code none}; it is not asked again until the session restarts.
 * Callers that arrive while the document loads wait for it.
 */
public final class ApiDescriptionSource {

    /** The largest document read; real ones are a few MB (about 800 to 1,200 methods). */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ApiDescriptionSource.class);

    /** What the one load gave: a description, or why there is none. */
    private record Loaded(ApiDescription description, String problem, long millis, Instant at) {
    }

    private final ApiDescriptionLocation location;
    private final String baseUrl;
    private final String realm;
    private final Supplier<HttpTransport> transport;
    private final Supplier<ClassLoader> classLoader;
    private final long timeoutMillis;
    private volatile Loaded loaded;

    /**
     * @param transport   the session's started transport (for http/https and {@code auto})
     * @param classLoader for {@code classpath:} locations
     */
    public ApiDescriptionSource(ApiDescriptionLocation location, String baseUrl, String realm,
                                Supplier<HttpTransport> transport, Supplier<ClassLoader> classLoader, long timeoutMillis) {
        this.location = location;
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.transport = transport;
        this.classLoader = classLoader;
        this.timeoutMillis = timeoutMillis;
    }

    /** The description, loading it on first use; null when there is none. */
    public ApiDescription get() {
        Loaded state = loaded;
        if (state == null) {
            synchronized (this) {
                state = loaded;
                if (state == null) {
                    state = load();
                    loaded = state;
                }
            }
        }
        return state.description();
    }

    /** The description if it was loaded already, without loading it. */
    public ApiDescription current() {
        Loaded state = loaded;
        return state != null ? state.description() : null;
    }

    /** Forgets the load (the session restarted: the server may have been upgraded). */
    public synchronized void reset() {
        loaded = null;
    }

    /** For the dev console: where from, whether loaded, its size and release, or why not. */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("location", where());
        Loaded state = loaded;
        if (location.kind() == ApiDescriptionLocation.Kind.NONE) {
            m.put("loaded", false);
            m.put("reason", "apiDescription=none");
            return m;
        }
        if (state == null) {
            m.put("loaded", false);
            m.put("reason", "not read yet (read on the first call)");
            return m;
        }
        ApiDescription d = state.description();
        m.put("loaded", d != null);
        if (d == null) {
            m.put("reason", state.problem());
        } else {
            m.put("openapi", d.openapi());
            m.put("title", d.title());
            m.put("release", d.release());
            m.put("methods", d.methodCount());
            m.put("schemas", d.schemaCount());
            m.put("bytes", d.bytes());
        }
        m.put("loadMillis", state.millis());
        m.put("loadedAt", state.at().toString());
        return m;
    }

    private String where() {
        return location.describe(baseUrl, realm);
    }

    private Loaded load() {
        long start = System.nanoTime();
        if (location.kind() == ApiDescriptionLocation.Kind.NONE) {
            return new Loaded(null, "apiDescription=none", 0, Instant.now());
        }
        String where = where();
        try {
            byte[] bytes = read();
            ApiDescription d = ApiDescription.parse(bytes, where);
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.info("PortaBilling API description of {} loaded from {}: OpenAPI {}{}, {} methods, {} schemas, {} KB, in"
                     + " {} ms", baseUrl, where, d.openapi(), d.release() != null ? ", release " + d.release() : "",
                    d.methodCount(), d.schemaCount(), d.bytes() / 1024, millis);
            return new Loaded(d, null, millis, Instant.now());
        } catch (IOException | ApiDescription.Unusable | RuntimeException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            String problem = e instanceof IOException && !(e instanceof NoDocument) && e.getMessage() != null
                    ? e.getClass().getSimpleName() + ": " + e.getMessage()
                    : String.valueOf(e.getMessage());
            String text = "PortaBilling API description of {}: none usable at {} ({}); calls go out without schema"
                          + " checks or coercion, as with apiDescription=none, until the session restarts";
            if (location.kind() == ApiDescriptionLocation.Kind.AUTO) {
                LOG.info(text, baseUrl, where, problem);
            } else {
                LOG.warn(text, baseUrl, where, problem);
            }
            return new Loaded(null, problem, millis, Instant.now());
        }
    }

    /** The server answered, but not with a document (a status, an HTML page). */
    private static final class NoDocument extends IOException {
        NoDocument(String message) {
            super(message);
        }
    }

    private byte[] read() throws IOException {
        switch (location.kind()) {
            case FILE -> {
                Path path = Path.of(location.location());
                if (Files.size(path) > MAX_BYTES) {
                    throw new HttpTransport.TooLarge(MAX_BYTES);
                }
                return Files.readAllBytes(path);
            }
            case CLASSPATH -> {
                String resource = location.location().startsWith("/") ? location.location().substring(1)
                        : location.location();
                ClassLoader loader = classLoader.get();
                try (InputStream in = loader != null ? loader.getResourceAsStream(resource) : null) {
                    if (in == null) {
                        throw new NoDocument("no such resource on the class path");
                    }
                    byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
                    if (bytes.length > MAX_BYTES) {
                        throw new HttpTransport.TooLarge(MAX_BYTES);
                    }
                    return bytes;
                }
            }
            default -> {
                HttpTransport http = transport.get();
                if (http == null) {
                    throw new NoDocument("the session is not started");
                }
                ApiResponse answer = http.get(URI.create(where()), MAX_BYTES, Deadline.after(timeoutMillis));
                if (answer.status() != 200) {
                    throw new NoDocument("HTTP " + answer.status()
                                         + (answer.reasonPhrase() != null && !answer.reasonPhrase().isBlank()
                                                 ? " " + answer.reasonPhrase() : ""));
                }
                String type = answer.contentType();
                if (type != null && type.toLowerCase().startsWith("text/html")) {
                    throw new NoDocument("an HTML page (" + type + "), not the JSON document");
                }
                return answer.body();
            }
        }
    }
}
