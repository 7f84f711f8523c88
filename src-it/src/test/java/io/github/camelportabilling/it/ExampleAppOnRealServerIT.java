package io.github.camelportabilling.it;

import java.util.Map;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same contract against a real PortaBilling, when PORTABILLING_HOST is set. The run reads every open customer
 * and account (read-only), creates 2 customers and 3 accounts whose names and ids carry a random run tag, rejects 2
 * (one for a missing currency, one for a duplicate id), and the clean-up terminates the accounts and deletes (or
 * terminates) the customers again. Other users may change the server meanwhile, so the JSON Lines files are checked
 * for no repeats and for the records of this run, not for equality with the server's lists.
 */
@EnabledIfEnvironmentVariable(named = "PORTABILLING_HOST", matches = ".*\\S.*",
        disabledReason = "no real PortaBilling configured: set PORTABILLING_HOST, PORTABILLING_LOGIN and"
                         + " PORTABILLING_PASSWORD or PORTABILLING_TOKEN (optional: PORTABILLING_REALM,"
                         + " PORTABILLING_PORT, PORTABILLING_USE_HTTPS=false for plain http, EXAMPLE_PRODUCT ="
                         + " an i_product for the test accounts, default 1)")
class ExampleAppOnRealServerIT extends ExampleAppContract {

    @Override
    Connection startServer() {
        return Connection.fromEnvironment();
    }

    @Override
    void stopServer() {
        // not ours
    }

    @Override
    boolean serverIsOnlyOurs() {
        return false;
    }

    @Override
    String missingFieldFaultCode() {
        return null; // servers word it differently; the test checks that there is one
    }

    @Override
    Map<String, String> extraAppEnvironment() {
        // bigger pages: a real server holds many more open records than the demo data
        return System.getenv("EXAMPLE_PRODUCT") == null
                ? Map.of("EXAMPLE_PAGE_SIZE", "200")
                : Map.of("EXAMPLE_PAGE_SIZE", "200", "EXAMPLE_PRODUCT", System.getenv("EXAMPLE_PRODUCT").strip());
    }

    @Override
    long expectedProduct() {
        String product = System.getenv("EXAMPLE_PRODUCT");
        return product == null || product.isBlank() ? 1 : Long.parseLong(product.strip());
    }
}
