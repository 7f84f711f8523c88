package io.github.camelportabilling.example;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The order of the run: read the inbox; then (demo) close one of the accounts just created; then start the syncs,
 * so that their first snapshot holds the records created from the inbox; in run-once mode, stop when both syncs
 * have caught up. Driven by the empty messages the inbox and sync consumers send when a poll finds nothing.
 * The syncs are started here rather than at startup, so a run never exports a half-imported inbox.
 */
public class RunSequenceRoutes extends RouteBuilder {

    static final List<String> SYNC_ROUTES = List.of(SyncOpenCustomersRoute.ROUTE_ID, "sync-open-accounts");

    private final AtomicBoolean inboxReadOnce = new AtomicBoolean();
    private final SyncCatchUp syncCatchUp = new SyncCatchUp(SYNC_ROUTES);

    @Override
    public void configure() {
        from("direct:inbox-drained")
                .routeId("after-inbox")
                .filter(exchange -> inboxReadOnce.compareAndSet(false, true))
                    .log("Inbox read: ${bean:runStats?method=inboxResult}")
                    // only an account created from the sample records is ever closed
                    .filter(simple("{{example.samples}} == 'true'"))
                        .setBody(method("runStats", "firstCreatedAccount"))
                        .filter(body().isNotNull())
                            .doTry()
                                .to("direct:account-lifecycle")
                            .doCatch(Exception.class)
                                .log("The account lifecycle failed: ${exception.message}")
                                .bean("runStats", "lifecycleFailed")
                            .end()
                        .end()
                    .end()
                    .log("Starting the syncs: " + String.join(", ", SYNC_ROUTES))
                    .to("controlbus:route?routeId=" + SYNC_ROUTES.get(0) + "&action=start&loggingLevel=DEBUG")
                    .to("controlbus:route?routeId=" + SYNC_ROUTES.get(1) + "&action=start&loggingLevel=DEBUG");

        from("direct:sync-caught-up")
                .routeId("after-sync")
                .filter(method(syncCatchUp, "allCaughtUpNow"))
                    .log("Both syncs have caught up with the server")
                    .filter(simple("{{example.run-once}} == 'true'"))
                        .log("Run-once: done, stopping")
                        .bean("runCompletion", "complete");

        // a guard, not the normal end: a run-once still running after example.max-seconds (say, the server cannot
        // be reached, so the inbox files are tried again and again) stops anyway, and ExampleApp reports it
        from("timer:run-once-guard?delay={{example.max-seconds}}s&repeatCount=1")
                .routeId("run-once-guard")
                .autoStartup("{{example.run-once}}")
                .log(LoggingLevel.ERROR, "The run has not finished after {{example.max-seconds}} s"
                                         + " (EXAMPLE_MAX_SECONDS); stopping. Can the server be reached?")
                .bean("runCompletion", "abort");
    }
}
