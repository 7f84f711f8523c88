package io.github.camelportabilling.simulator;

/** A write names a record that does not exist; {@link ApiDispatcher} answers {@code Server.<Service>.<record>_not_found}. */
final class RecordNotFoundException extends RuntimeException {

    private final String service;
    private final String record;

    RecordNotFoundException(String service, String record, String message) {
        super(message, null, false, false);
        this.service = service;
        this.record = record;
    }

    String service() {
        return service;
    }

    String record() {
        return record;
    }
}
