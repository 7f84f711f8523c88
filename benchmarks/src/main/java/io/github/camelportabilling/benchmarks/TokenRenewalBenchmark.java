package io.github.camelportabilling.benchmarks;

import io.github.camelportabilling.component.PortaBillingComponent;
import io.github.camelportabilling.component.PortaBillingSession;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;

/**
 * Many callers on the component while tokens live only a few seconds: a session that renews once per expiry wave
 * makes about one login or refresh per lifetime; one that lets every caller renew makes one per caller. A simulator
 * of its own, so the short lifetime does not touch the other parts.
 */
final class TokenRenewalBenchmark {

    private final BenchmarkSettings settings;

    TokenRenewalBenchmark(BenchmarkSettings settings) {
        this.settings = settings;
    }

    TokenRenewalResult run() throws Exception {
        int callers = settings.tokenCallers();
        AccountRequests requests = new AccountRequests(1_000);
        try (PortaBillingSimulator simulator = PortaBillingSimulator.builder()
                .seedAccounts(1_000).tokenLifetime(settings.tokenLifetime()).requestLogCapacity(0).start();
             LoadRunner runner = new LoadRunner(callers);
             CamelContext camel = CamelContexts.withComponent(simulator.host(), simulator.port(), callers)) {
            camel.addRoutes(new ComponentRoutes());
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            Endpoint get = camel.getEndpoint(ComponentRoutes.GET);
            // counted from the very first login: the component has not called the server yet
            simulator.resetCounters();
            CellResult r = runner.run((caller, n) -> template.requestBody(get, requests.accountToGet(caller, n)),
                    callers, settings.tokenMillis(), new CpuMeter(simulator::serverCpuTimeNanos));
            long authFaults = camel.getComponent("portabilling", PortaBillingComponent.class).getSessions().stream()
                    .map(PortaBillingSession::getStats).mapToLong(s -> s.authFaults()).sum();
            return new TokenRenewalResult(callers, settings.tokenLifetime(), r.calls(), r.errors(), r.elapsedNanos(),
                    simulator.loginCount(), simulator.refreshCount(), authFaults, r.p99Nanos(), r.firstError());
        }
    }
}
