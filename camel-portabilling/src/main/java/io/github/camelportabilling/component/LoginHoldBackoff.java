package io.github.camelportabilling.component;

import java.util.function.Supplier;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Backs a polling consumer off while its session holds logins after a rejected one: without it each poll would fail
 * at once with the same error and Camel would log it, with a stack trace, every {@code delay}. The poll that met the
 * rejection fails as usual (one WARN per step of the login schedule, and the consumer's health check sees it); then
 * Camel's own backoff skips the polls until the schedule allows the next login attempt, keeping the error count. The
 * consumer's own backoff settings are restored once logins are no longer held. Wraps the consumer's poll strategy.
 */
final class LoginHoldBackoff implements PollingConsumerPollStrategy {

    private final PollingConsumerPollStrategy delegate;
    private final ScheduledPollConsumer consumer;
    private final Supplier<PortaBillingSession> session;
    private boolean engaged;
    private int userMultiplier;
    private int userErrorThreshold;

    LoginHoldBackoff(PollingConsumerPollStrategy delegate, ScheduledPollConsumer consumer,
                     Supplier<PortaBillingSession> session) {
        this.delegate = delegate;
        this.consumer = consumer;
        this.session = session;
    }

    @Override
    public boolean begin(Consumer c, Endpoint endpoint) {
        PortaBillingSession s = session.get();
        if (engaged && (s == null || !s.isLoginOnHold())) {
            consumer.setBackoffMultiplier(userMultiplier);
            consumer.setBackoffErrorThreshold(userErrorThreshold);
            engaged = false;
        }
        return delegate.begin(c, endpoint);
    }

    @Override
    public void commit(Consumer c, Endpoint endpoint, int polledMessages) {
        delegate.commit(c, endpoint, polledMessages);
    }

    @Override
    public boolean rollback(Consumer c, Endpoint endpoint, int retryCounter, Exception cause) throws Exception {
        PortaBillingSession s = session.get();
        if (s != null && s.isLoginOnHold()) {
            if (!engaged) {
                userMultiplier = consumer.getBackoffMultiplier();
                userErrorThreshold = consumer.getBackoffErrorThreshold();
                engaged = true;
            }
            long delayMillis = Math.max(1, consumer.getTimeUnit().toMillis(consumer.getDelay()));
            long holdMillis = Math.max(0, s.getNextLoginAttempt() - System.currentTimeMillis());
            consumer.setBackoffErrorThreshold(1);
            consumer.setBackoffMultiplier((int) Math.min(Integer.MAX_VALUE, holdMillis / delayMillis + 1));
        }
        return delegate.rollback(c, endpoint, retryCounter, cause);
    }
}
