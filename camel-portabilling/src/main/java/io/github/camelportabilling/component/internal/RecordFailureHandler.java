package io.github.camelportabilling.component.internal;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's exception handler: page-fetch failures go to the configured handler (logging, or the route's error
 * handler with bridgeErrorHandler=true) once; a {@link RecordFailure} does not, because the route's error handler
 * already handled that exchange and the consumer logged what it does next.
 */
public final class RecordFailureHandler implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RecordFailureHandler.class);

    private final ExceptionHandler delegate;

    public RecordFailureHandler(ExceptionHandler delegate) {
        this.delegate = delegate;
    }

    public ExceptionHandler delegate() {
        return delegate;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exception instanceof RecordFailure) {
            LOG.debug("{}", exception.getMessage());
            return;
        }
        if (message == null && exchange == null) {
            delegate.handleException(exception);
        } else if (exchange == null) {
            delegate.handleException(message, exception);
        } else {
            delegate.handleException(message, exchange, exception);
        }
    }
}
