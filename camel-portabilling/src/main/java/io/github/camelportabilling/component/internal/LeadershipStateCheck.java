package io.github.camelportabilling.component.internal;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer that a leadership mechanism starts (the {@code master:} component, a clustered route policy) is started
 * again, in another replica, each time the leadership moves; it then reads its position from the state repository. A
 * repository that answers from this JVM's memory gives that replica the position as it was when the replica itself
 * started (Camel's {@code FileStateRepository} reads its file once, at its first start, and never again;
 * {@code MemoryStateRepository} holds nothing another replica wrote), not where the last leader got to: no record is
 * lost (the position only goes back), but the records since are delivered again, with an empty memory the whole list.
 * <p>
 * Warned, not refused: a refusal would surface only on the replica that wins the leadership, after its route reported
 * started, and would leave the cluster with a leader that never polls; and one replica alone under {@code master:}
 * (scaled down, or waiting to be scaled up) is served correctly by these repositories.
 */
public final class LeadershipStateCheck {

    private static final Logger LOG = LoggerFactory.getLogger(LeadershipStateCheck.class);

    private LeadershipStateCheck() {
    }

    /** Warns when {@code consumer} runs under a leadership mechanism with a repository of this JVM's memory only. */
    public static void check(Consumer consumer, CamelContext context, StateRepository<String, String> repository,
                             Object owner) {
        String why = localOnly(repository);
        if (why == null || !startedByLeadership(consumer, context)) {
            return;
        }
        LOG.warn("{} runs under a leadership mechanism (master: or a clustered route policy) with stateRepository {},"
                 + " which {}: when another replica takes over it resumes from the position as that replica saw it at"
                 + " its own start, not where the last leader stopped, and delivers the records since again. Share the"
                 + " position between replicas with io.github.camelportabilling.component.SharedFileStateRepository (a"
                 + " directory every replica mounts) or io.github.camelportabilling.zookeeper.ZooKeeperStateRepository"
                 + " (camel-portabilling-zookeeper), or any StateRepository that reads its store on every getState."
                 + " With a single replica this is harmless.", owner, repository.getClass().getSimpleName(), why);
    }

    /** Why the repository cannot share a position between JVMs, or null when it is not known to be local. */
    static String localOnly(StateRepository<String, String> repository) {
        if (repository instanceof FileStateRepository) {
            return "reads its file once, when it first starts, and answers from memory after that";
        }
        if (repository instanceof MemoryStateRepository) {
            return "keeps the position in this JVM's memory only";
        }
        return null;
    }

    /**
     * True when the consumer is not its route's own consumer (the {@code master:} consumer created it on taking the
     * leadership) or its route has a clustered route policy.
     */
    static boolean startedByLeadership(Consumer consumer, CamelContext context) {
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() == consumer) {
                for (RoutePolicy policy : route.getRoutePolicyList()) {
                    if (policy.getClass().getSimpleName().contains("Cluster")) {
                        return true;
                    }
                }
                return false;
            }
        }
        return true;
    }
}
