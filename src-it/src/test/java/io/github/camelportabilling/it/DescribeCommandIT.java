package io.github.camelportabilling.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented Maven-free way to print what a method expects: {@code java -cp portabilling-example.jar
 * io.github.camelportabilling.component.PortaBillingDescribe Account/add_account --api-description=...}, run as a
 * process of its own against a simulator's document.
 */
class DescribeCommandIT {

    @Test
    @Timeout(120) // a hang guard
    void printsWhatAMethodExpectsFromTheRunnableJar() throws Exception {
        Path jar = Path.of(System.getProperty("example.jar", "../examples-routes/target/portabilling-example.jar"));
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().start()) {
            Path out = Files.createTempFile("describe", ".txt");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    jar.toAbsolutePath().toString(), "io.github.camelportabilling.component.PortaBillingDescribe",
                    "Account/add_account", "--api-description=" + sim.baseUrl() + sim.apiDescriptionPath())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String text = Files.readString(out);
            assertThat(p.exitValue()).as(text).isZero();
            assertThat(text).contains("Account/add_account", "params:", "account_info", "AddAccountInfo", "required",
                    "\"Y\" or \"N\"", "pages with limit/offset: no", "answer:", "i_account");
            assertThat(sim.apiDescriptionRequests()).isEqualTo(1);
        }
    }
}
