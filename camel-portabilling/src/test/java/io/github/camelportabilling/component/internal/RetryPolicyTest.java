package io.github.camelportabilling.component.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, 100, 5_000);

    @Test
    void readsAreRetriedOnGatewayErrorsAndDroppedConnections() {
        assertThat(policy.afterStatus(1, true, 502, null)).isBetween(50L, 100L);
        assertThat(policy.afterStatus(1, true, 503, null)).isBetween(50L, 100L);
        assertThat(policy.afterStatus(1, true, 504, null)).isBetween(50L, 100L);
        assertThat(policy.afterTransportError(1, true, new NoHttpResponseException("closed"))).isBetween(50L, 100L);
    }

    @Test
    void writesThatMayHaveBeenExecutedAreNeverReplayed() {
        assertThat(policy.afterStatus(1, false, 502, null)).isEqualTo(RetryPolicy.GIVE_UP);
        assertThat(policy.afterStatus(1, false, 504, null)).isEqualTo(RetryPolicy.GIVE_UP);
        assertThat(policy.afterStatus(1, false, 503, null)).isEqualTo(RetryPolicy.GIVE_UP);
        assertThat(policy.afterTransportError(1, false, new NoHttpResponseException("closed")))
                .isEqualTo(RetryPolicy.GIVE_UP);
        assertThat(policy.afterTransportError(1, false, new IOException("Connection reset")))
                .isEqualTo(RetryPolicy.GIVE_UP);
    }

    @Test
    void callsRejectedBeforeExecutionAreRetriedForEveryMethod() {
        assertThat(policy.afterStatus(1, false, 429, "1")).isEqualTo(1000L);
        assertThat(policy.afterStatus(1, false, 503, "2")).isEqualTo(2000L);
        assertThat(policy.afterTransportError(1, false, new ConnectException("refused"))).isBetween(50L, 100L);
        assertThat(policy.afterTransportError(1, false, new ConnectTimeoutException("connect"))).isBetween(50L, 100L);
    }

    @Test
    void retryAfterAboveTheCeilingFailsAtOnce() {
        assertThat(policy.afterStatus(1, true, 503, "60")).isEqualTo(RetryPolicy.GIVE_UP);
        assertThat(policy.afterStatus(1, true, 429, "5")).isEqualTo(5000L);
    }

    @Test
    void retryAfterAsAnHttpDateIsUnderstood() {
        String inTwoSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(3));
        assertThat(RetryPolicy.retryAfterMillis(inTwoSeconds)).isBetween(1000L, 3000L);
        assertThat(RetryPolicy.retryAfterMillis("soon")).isEqualTo(-1L);
    }

    @Test
    void tlsFailuresAreNeverRetried() {
        assertThat(policy.afterTransportError(1, true, new javax.net.ssl.SSLHandshakeException("PKIX path")))
                .isEqualTo(RetryPolicy.GIVE_UP);
    }

    @Test
    void readTimeoutsAreNotRetriedBecauseTheServerIsHung() {
        assertThat(policy.afterTransportError(1, true, new SocketTimeoutException("Read timed out")))
                .isEqualTo(RetryPolicy.GIVE_UP);
    }

    @Test
    void retriesAreBoundedAndBackOffExponentially() {
        assertThat(policy.afterStatus(2, true, 502, null)).isBetween(100L, 200L);
        assertThat(policy.afterStatus(3, true, 502, null)).isBetween(200L, 400L);
        assertThat(policy.afterStatus(4, true, 502, null)).isEqualTo(RetryPolicy.GIVE_UP);
        assertThat(new RetryPolicy(0, 100, 1000).afterStatus(1, true, 502, null)).isEqualTo(RetryPolicy.GIVE_UP);
    }

    @Test
    void faultsAndClientErrorsAreNeverRetried() {
        assertThat(policy.afterStatus(1, true, 404, null)).isEqualTo(RetryPolicy.GIVE_UP);
        assertThat(policy.afterStatus(1, true, 403, null)).isEqualTo(RetryPolicy.GIVE_UP);
        assertThat(policy.afterStatus(1, true, 301, null)).isEqualTo(RetryPolicy.GIVE_UP);
    }
}
