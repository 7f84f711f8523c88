package io.github.camelportabilling.example;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once Camel is configured and before any route starts: prepares the work directory and drops the sample
 * records into the inbox, so that the inbox route's first poll sees all of them.
 */
final class RunSetup extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RunSetup.class);

    private volatile RunSettings settings;

    @Override
    public void afterConfigure(BaseMainSupport main) {
        RunSettings s = RunSettings.from(main.getCamelContext());
        s.workDirectory().prepare();
        LOG.info("Work directory: {} (inbox/customers, inbox/accounts, done, error, sync)", s.workDirectory());
        if (s.samples()) {
            int dropped = SampleRecords.dropInto(s.workDirectory().inbox(), s.runTag());
            LOG.info("Dropped {} sample records into {} (run tag {})", dropped, s.workDirectory().inbox(), s.runTag());
        }
        if (s.runOnce()) {
            LOG.info("Run-once mode: the app stops by itself when the inbox is read and the syncs are done"
                     + " (EXAMPLE_RUN_ONCE=false keeps it running)");
        }
        settings = s;
    }

    /** Null until Camel has been configured. */
    RunSettings settings() {
        return settings;
    }
}
