package io.github.camelportabilling.simulator;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** CDR/get_call_recording answers a file the way PortaBilling's file methods do. */
@Timeout(60)
class FileAnswerTest {

    @Test
    void aCallRecordingIsAWavFileWithAContentDispositionAndAnUnknownOneIsAFault() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.start(0)) {
            ApiClient api = new ApiClient(sim.baseUrl());
            String token = api.login();

            HttpResponse<byte[]> r = api.http.send(api.request("/rest/CDR/get_call_recording")
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"params\":{\"i_xdr\":7}}")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("audio/wav");
            assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"recording_7.wav\"");
            assertThat(new String(r.body(), 0, 4)).isEqualTo("RIFF");
            assertThat(r.body()).hasSize(44 + 107).isEqualTo(RecordingService.silence(7));

            ApiClient.Response missing = api.call("CDR/get_call_recording", Map.of("i_xdr", 5000), token);
            assertThat(missing.status()).isEqualTo(500);
            assertThat(missing.faultcode()).isEqualTo("Server.CDR.xdr_not_found");
            assertThat(api.call("CDR/get_call_recording", Map.of("i_xdr", 7)).faultcode())
                    .as("no token").isEqualTo("Client.check_auth.envelope_missed");
        }
    }
}
