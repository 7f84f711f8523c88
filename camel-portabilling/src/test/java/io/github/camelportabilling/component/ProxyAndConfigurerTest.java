package io.github.camelportabilling.component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import io.github.camelportabilling.simulator.SelfSignedCertificate;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ConnectHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through a real forwarding proxy (Jetty's ConnectHandler and forward ProxyHandler on loopback, asking for Basic
 * credentials): https goes through a CONNECT tunnel, so the proxy sees neither the request nor the token; plain http
 * is forwarded. A camel-http HttpClientConfigurer is applied to the client, without undoing the component's rules.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProxyAndConfigurerTest extends SimulatorTestSupport {

    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "proxy-secret-pw";

    @TempDir
    static Path certDir;
    static SelfSignedCertificate certificate;
    static PortaBillingSimulator tlsSimulator;
    static Server proxy;
    static RecordingProxy recording;

    /** Records every request the proxy receives; answers 407 to those without the proxy credentials. */
    static final class RecordingProxy extends Handler.Wrapper {
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<String> authorizationHeaders = new CopyOnWriteArrayList<>();
        final List<String> proxyAuthorizations = new CopyOnWriteArrayList<>();

        RecordingProxy(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            requests.add(request.getMethod() + " " + request.getHttpURI());
            String authorization = request.getHeaders().get("Authorization");
            if (authorization != null) {
                authorizationHeaders.add(authorization);
            }
            String proxyAuthorization = request.getHeaders().get("Proxy-Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (PROXY_USER + ":" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(proxyAuthorization)) {
                response.setStatus(407);
                response.getHeaders().put("Proxy-Authenticate", "Basic realm=\"test proxy\"");
                response.write(true, null, callback);
                return true;
            }
            proxyAuthorizations.add(proxyAuthorization);
            return super.handle(request, response, callback);
        }
    }

    @BeforeAll
    static void startProxyAndTlsSimulator() throws Exception {
        certificate = SelfSignedCertificate.generate(certDir);
        tlsSimulator = PortaBillingSimulator.builder().https(certificate.keyStore(), SelfSignedCertificate.password())
                .start();
        proxy = new Server();
        ServerConnector connector = new ServerConnector(proxy);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        proxy.addConnector(connector);
        ConnectHandler connect = new ConnectHandler(new ProxyHandler.Forward());
        recording = new RecordingProxy(connect);
        proxy.setHandler(recording);
        proxy.start();
    }

    @AfterAll
    static void stopProxyAndTlsSimulator() throws Exception {
        proxy.stop();
        tlsSimulator.close();
    }

    @AfterEach
    void clearRecording() {
        recording.requests.clear();
        recording.authorizationHeaders.clear();
        recording.proxyAuthorizations.clear();
    }

    private static int proxyPort() {
        return ((ServerConnector) proxy.getConnectors()[0]).getLocalPort();
    }

    private static String viaProxy() {
        return "&proxyHost=127.0.0.1&proxyPort=" + proxyPort() + "&proxyUsername=" + PROXY_USER + "&proxyPassword="
               + PROXY_PASSWORD;
    }

    private void bindTrustStore() {
        context.getRegistry().bind("simulatorTls", TrustedCertificates.trusting(certificate));
    }

    @Test
    void httpsGoesThroughAConnectTunnelSoTheProxyNeverSeesTheToken() {
        bindTrustStore();
        String uri = "portabilling:Generic/generic?operation=call&method=get_version&useHttps=true&host="
                     + tlsSimulator.host() + "&port=" + tlsSimulator.port() + "&sslContextParameters=#simulatorTls"
                     + viaProxy();

        Exchange out = template.send(uri, e -> e.getMessage().setBody(null));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsKey("version");
        String tunnel = "CONNECT http://" + tlsSimulator.host() + ":" + tlsSimulator.port();
        assertThat(recording.requests).as("what the proxy saw").isNotEmpty()
                .allSatisfy(r -> assertThat(r).startsWith(tunnel));
        assertThat(recording.proxyAuthorizations).as("CONNECTs with the proxy credentials").isNotEmpty();
        assertThat(recording.authorizationHeaders).as("Authorization headers the proxy saw").isEmpty();
        assertThat(tlsSimulator.lastRequest("Generic/get_version").bearerToken()).isNotBlank();
    }

    @Test
    void plainHttpIsForwardedByTheProxyWithItsCredentials() {
        long account = newAccount(newCustomer("Proxy Co"), "proxy-" + System.nanoTime());

        Exchange out = template.send("portabilling:Account/account?operation=get" + viaProxy(),
                e -> e.getMessage().setBody(account));

        assertThat(out.getException()).isNull();
        String target = "http://" + simulator.host() + ":" + simulator.port() + "/rest/";
        assertThat(recording.requests).contains("POST " + target + "Session/login",
                "POST " + target + "Account/get_account_info");
        assertThat(recording.proxyAuthorizations).hasSizeGreaterThanOrEqualTo(2);
        assertThat(simulator.lastRequest("Account/get_account_info").header("Via")).as("forwarded by the proxy")
                .isNotNull();
    }

    @Test
    void wrongProxyCredentialsAreAnErrorWithoutThePassword() {
        Exchange out = template.send("portabilling:Account/account?operation=get&proxyHost=127.0.0.1&proxyPort="
                                     + proxyPort() + "&proxyUsername=" + PROXY_USER + "&proxyPassword=wrong-proxy-pw",
                e -> e.getMessage().setBody(1));

        assertThat(out.getException()).isInstanceOf(PortaBillingException.class).hasMessageContaining("HTTP 407")
                .hasMessageNotContaining("wrong-proxy-pw");
        assertThat(simulator.totalCallCount()).isZero();
    }

    @Test
    void anHttpClientConfigurerIsAppliedWithoutUndoingTheComponentsRules() {
        HttpClientConfigurer configurer = builder -> builder
                .addRequestInterceptorFirst((request, entity, ctx) -> request.addHeader("X-Configured-By", "test"))
                .setRedirectStrategy(DefaultRedirectStrategy.INSTANCE);
        context.getRegistry().bind("clientSetup", configurer);
        long account = newAccount(newCustomer("Configurer Co"), "configurer-" + System.nanoTime());

        Exchange out = template.send("portabilling:Account/account?operation=get&httpClientConfigurer=#clientSetup",
                e -> e.getMessage().setBody(account));

        assertThat(out.getException()).isNull();
        assertThat(simulator.lastRequest("Account/get_account_info").header("X-Configured-By")).isEqualTo("test");
        simulator.injectFault("Account/get_account_info", 1,
                io.github.camelportabilling.simulator.Fault.redirect(307, "/rest/Account/get_account_info"));
        Exchange redirected = template.send("portabilling:Account/account?operation=get&httpClientConfigurer=#clientSetup",
                e -> e.getMessage().setBody(account));
        assertThat(redirected.getException()).as("redirects are still not followed").hasMessageContaining("HTTP 307");
    }
}
