package io.github.camelportabilling.component.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionTest {

    @Test
    void readsAttachmentAndAQuotedOrPlainFileName() {
        assertThat(ContentDisposition.parse("attachment; filename=\"recording_7.wav\""))
                .isEqualTo(new ContentDisposition(true, "recording_7.wav"));
        assertThat(ContentDisposition.parse("Attachment;filename=invoice.pdf"))
                .isEqualTo(new ContentDisposition(true, "invoice.pdf"));
        assertThat(ContentDisposition.parse("inline; filename=\"a; b.pdf\"").fileName()).isEqualTo("a; b.pdf");
        assertThat(ContentDisposition.parse(null)).isEqualTo(new ContentDisposition(false, null));
    }

    @Test
    void prefersTheExtendedFileName() {
        assertThat(ContentDisposition.parse("attachment; filename=\"resume.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf")
                .fileName()).isEqualTo("résumé.pdf");
    }

    @Test
    void neverLetsAServerNameAPathOutsideTheFolder() {
        assertThat(ContentDisposition.parse("attachment; filename=\"../../etc/passwd\"").fileName()).isEqualTo("passwd");
        assertThat(ContentDisposition.parse("attachment; filename=\"C:\\\\temp\\\\x.wav\"").fileName()).isEqualTo("x.wav");
        assertThat(ContentDisposition.parse("attachment; filename=\"..\"").fileName()).isNull();
        assertThat(ContentDisposition.parse("attachment; filename=\"a\u0000b\nc.txt\"").fileName()).isEqualTo("abc.txt");
    }
}
