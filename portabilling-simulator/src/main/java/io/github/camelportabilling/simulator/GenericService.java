package io.github.camelportabilling.simulator;

import java.util.Map;

/** {@code Generic/get_version}. */
final class GenericService {

    /** Looks like a release number, says what it is. */
    static final String VERSION = "117.0 (portabilling-simulator)";

    void register(ApiDispatcher d) {
        d.register("Generic/get_version", r -> Map.of("version", VERSION));
    }
}
