package io.github.camelportabilling.component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The state repository replicas share through a directory: every read goes to the file, so a replica that read the
 * state before reads what another replica wrote since (Camel's FileStateRepository answers from what it loaded at its
 * start). The takeover over separate JVMs is in cluster-it.
 */
class SharedFileStateRepositoryTest {

    private static final String KEY = "portabilling:Customer/customer|get_customer_list|incremental"
                                       + "|server:http://127.0.0.1:8080|realm:admin|login:sync";

    @TempDir
    Path dir;

    private SharedFileStateRepository started() {
        SharedFileStateRepository r = new SharedFileStateRepository();
        r.setDirectory(dir.resolve("state").toString());
        r.start();
        return r;
    }

    @Test
    void aReplicaThatReadTheStateBeforeReadsWhatAnotherReplicaWroteSince() {
        SharedFileStateRepository first = started();
        SharedFileStateRepository second = started();
        assertThat(second.getState(KEY)).isNull();
        first.setState(KEY, "v2;off:500;walked:1,2,3");
        assertThat(second.getState(KEY)).isEqualTo("v2;off:500;walked:1,2,3");
        second.setState(KEY, "v2;off:1000;walked:4,5,6");
        assertThat(first.getState(KEY)).isEqualTo("v2;off:1000;walked:4,5,6");
        first.stop();
        second.stop();
        // stopping writes nothing back: the last value set stays
        assertThat(started().getState(KEY)).isEqualTo("v2;off:1000;walked:4,5,6");
    }

    @Test
    void eachKeyIsAFileOfItsOwnWithTheKeyInsideAndNoTemporaryFileLeft() throws Exception {
        SharedFileStateRepository r = started();
        r.setState(KEY, "a");
        r.setState("other", "b=c:d");
        r.setState("other", "e");
        assertThat(r.getState(KEY)).isEqualTo("a");
        assertThat(r.getState("other")).isEqualTo("e");
        try (Stream<Path> files = Files.list(dir.resolve("state"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .hasSize(2).allMatch(name -> name.matches("[0-9a-f]{64}\\.state"));
        }
        assertThat(Files.readString(r.fileOf(KEY), StandardCharsets.UTF_8)).isEqualTo(KEY + "\na");
    }

    @Test
    void aWriteCutOffBeforeItsRenameLeavesTheFormerValue() throws Exception {
        SharedFileStateRepository r = started();
        r.setState(KEY, "complete");
        // what a replica killed in the middle of setState leaves: a temporary file, never the state file itself
        Path target = r.fileOf(KEY);
        Files.writeString(dir.resolve("state").resolve(target.getFileName() + "123.tmp"), KEY + "\nhalf a val");
        assertThat(started().getState(KEY)).isEqualTo("complete");
    }

    @Test
    void aFileHoldingAnotherKeyIsAnErrorNotAnotherConsumersPosition() throws Exception {
        SharedFileStateRepository r = started();
        Files.writeString(r.fileOf(KEY), "someone else's key\nv2;off:7");
        assertThatThrownBy(() -> r.getState(KEY)).hasMessageContaining("does not hold the key '" + KEY + "'");
    }

    @Test
    void aMisconfiguredRepositorySaysWhatIsMissing() {
        assertThatThrownBy(() -> new SharedFileStateRepository().start()).hasMessageContaining("directory");
        assertThatThrownBy(() -> started().setState("two\nlines", "v")).hasMessageContaining("line break");
    }
}
