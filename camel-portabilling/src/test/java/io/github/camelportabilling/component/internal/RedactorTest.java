package io.github.camelportabilling.component.internal;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    private final Redactor redactor = new Redactor(() -> Arrays.asList("known-secret-value", null, "ab"));

    @Test
    void valuesTheSessionHoldsAreMaskedWherever() {
        assertThat(redactor.apply("x known-secret-value y")).isEqualTo("x *** y");
        assertThat(redactor.apply("ab cd")).as("too short to mask by value").isEqualTo("ab cd");
    }

    @Test
    void secretJsonFieldsAreMaskedByNameWhateverTheirValue() {
        String json = "{\"session_id\":\"0123456789abcdef\",\"access_token\":\"eyJ.a.b\",\"refresh_token\": \"r1\","
                      + "\"password\":\"p\",\"token\":42,\"web_password\":null,\"api_token\":\"t\",\"name\":\"kept\"}";

        String masked = redactor.apply(json);

        assertThat(masked).doesNotContain("0123456789abcdef", "eyJ", "r1", "\"p\"", "42", "\"t\"")
                .contains("\"session_id\":***", "\"name\":\"kept\"");
    }

    @Test
    void aValueCutOffAtTheEndOfASnippetIsMaskedToo() {
        assertThat(redactor.apply("{\"session_id\":\"0123\",\"access_token\":\"eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE..."))
                .isEqualTo("{\"session_id\":***,\"access_token\":***");
    }

    @Test
    void escapedJsonInsideTextIsMasked() {
        assertThat(redactor.apply("auth_info={\\\"session_id\\\":\\\"deadbeef\\\"}")).doesNotContain("deadbeef");
    }

    @Test
    void formFieldsAndBearerHeadersAreMasked() {
        for (String text : List.of("login=a&password=hunter22&x=1", "GET /x?token=tok-123 HTTP/1.1",
                "Authorization: Bearer eyJabc.def.ghi", "session_id=s-99; path=/")) {
            assertThat(redactor.apply(text)).doesNotContain("hunter22", "tok-123", "eyJabc", "s-99");
        }
        assertThat(redactor.apply("login=a&password=hunter22&x=1")).isEqualTo("login=a&password=***&x=1");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "<html><body>502 Bad Gateway</body></html> the token is invalid";
        assertThat(redactor.apply(text)).isEqualTo(text);
        assertThat(redactor.apply(null)).isNull();
    }
}
