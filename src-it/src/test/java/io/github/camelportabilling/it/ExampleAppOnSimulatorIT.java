package io.github.camelportabilling.it;

import java.io.IOException;
import java.util.Set;

import io.github.camelportabilling.simulator.PortaBillingSimulator;

/**
 * The packaged example app against a simulator started in this JVM (with the demo data the app's own demo mode
 * uses), reached over HTTP through the PORTABILLING_* variables as a real server would be. Nothing else writes to
 * this server, so the JSON Lines files must equal its lists of open customers and accounts exactly.
 */
class ExampleAppOnSimulatorIT extends ExampleAppContract {

    private PortaBillingSimulator simulator;

    @Override
    Connection startServer() throws IOException {
        simulator = PortaBillingSimulator.builder().demoData().start();
        return Connection.to(simulator);
    }

    @Override
    void stopServer() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Override
    boolean serverIsOnlyOurs() {
        return true;
    }

    @Override
    String missingFieldFaultCode() {
        return "Client.Customer.add_customer.missing_mandatory_field";
    }

    /** Every token and session id the simulator issued, too. */
    @Override
    Set<String> secrets() {
        Set<String> secrets = super.secrets();
        secrets.addAll(simulator.issuedSecrets());
        return secrets;
    }
}
