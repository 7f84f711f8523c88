package io.github.camelportabilling.component;

import java.util.Map;

import io.github.camelportabilling.simulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Methods that answer a file (HTTP 200, a content type that is not JSON, usually Content-Disposition: attachment):
 * with operation=call the body is the file's bytes, with its content type and file name in headers.
 */
class FileAnswersTest extends SimulatorTestSupport {

    private static final String RECORDING = "portabilling:CDR/xdr?operation=call&method=get_call_recording";

    @Test
    void aCallRecordingBecomesTheBodyAsBytesWithItsContentTypeAndFileName() {
        Exchange out = template.send(RECORDING, e -> e.getMessage().setBody(Map.of("i_xdr", 7)));

        assertThat(out.getException()).isNull();
        assertThat(simulator.lastRequest("CDR/get_call_recording").params()).containsEntry("i_xdr", 7);
        byte[] body = out.getMessage().getBody(byte[].class);
        assertThat(out.getMessage().getBody()).isInstanceOf(byte[].class);
        assertThat(body).hasSize(44 + 107);
        assertThat(new String(body, 0, 4)).isEqualTo("RIFF");
        assertThat(out.getMessage().getHeader(PortaBillingConstants.CONTENT_TYPE)).isEqualTo("audio/wav");
        assertThat(out.getMessage().getHeader(PortaBillingConstants.FILE_NAME)).isEqualTo("recording_7.wav");
    }

    @Test
    void aFileWithoutContentDispositionIsStillAFileAndAJsonAnswerLaterRemovesTheFileHeaders() {
        simulator.injectFault("Generic/get_version", 1, Fault.rawAnswer(200, "application/pdf", "%PDF-1.4 fake invoice"));

        Exchange out = template.send("portabilling:Generic/generic?operation=call&method=get_version", e -> {
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("%PDF-1.4 fake invoice");
        assertThat(out.getMessage().getHeader(PortaBillingConstants.CONTENT_TYPE)).isEqualTo("application/pdf");
        assertThat(out.getMessage().getHeaders()).doesNotContainKey(PortaBillingConstants.FILE_NAME);

        Exchange json = template.send("portabilling:Generic/generic?operation=call&method=get_version",
                e -> e.getMessage().setHeaders(out.getMessage().getHeaders()));
        assertThat(json.getException()).isNull();
        assertThat(json.getMessage().getBody(Map.class)).containsKey("version");
        assertThat(json.getMessage().getHeaders()).doesNotContainKeys(PortaBillingConstants.CONTENT_TYPE,
                PortaBillingConstants.FILE_NAME);
    }

    @Test
    void anOperationThatExpectsARecordSaysHowToReceiveAFile() {
        Exchange out = template.send("portabilling:CDR/xdr?operation=get&method=get_call_recording",
                e -> e.getMessage().setBody(Map.of("i_xdr", 3)));

        assertThat(out.getException()).isInstanceOf(PortaBillingException.class)
                .hasMessageContaining("CDR/get_call_recording answered a file (audio/wav, recording_3.wav, 147 bytes)")
                .hasMessageContaining("operation=call");
        assertThat(simulator.callCount("CDR/get_call_recording")).isEqualTo(1);
    }

    @Test
    void anHtmlPageFromAProxyIsStillAnErrorNotAFile() {
        simulator.injectFault("Generic/get_version", 1,
                Fault.rawAnswer(200, "text/html", "<html><body>Please log in to the proxy</body></html>"));

        Exchange out = template.send("portabilling:Generic/generic?operation=call&method=get_version", e -> {
        });

        assertThat(out.getException()).isInstanceOf(PortaBillingException.class)
                .hasMessageContaining("not valid JSON").hasMessageContaining("Please log in to the proxy");
    }
}
