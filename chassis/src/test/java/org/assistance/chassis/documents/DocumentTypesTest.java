package org.assistance.chassis.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.tika.mime.MediaType;
import org.assistance.testsupport.SampleDocuments;
import org.junit.jupiter.api.Test;

/** Tika, with the few modules the chassis takes, tells the six accepted types apart and the rest from them. */
class DocumentTypesTest {

    @Test
    void each_accepted_type_is_detected_from_its_content() throws IOException {
        assertThat(detected(SampleDocuments.pdf())).isEqualTo(DocumentTypes.PDF);
        assertThat(detected(SampleDocuments.png())).isEqualTo(DocumentTypes.PNG);
        assertThat(detected(SampleDocuments.jpeg())).isEqualTo(DocumentTypes.JPEG);
        assertThat(detected(SampleDocuments.docx())).isEqualTo(DocumentTypes.DOCX);
        assertThat(detected(SampleDocuments.xlsx())).isEqualTo(DocumentTypes.XLSX);
        assertThat(detected(SampleDocuments.odt())).isEqualTo(DocumentTypes.ODT);
    }

    @Test
    void text_html_executables_and_plain_zips_are_not_accepted() throws IOException {
        for (byte[] refused : new byte[][] {
            SampleDocuments.text(), SampleDocuments.html(), SampleDocuments.exe(), SampleDocuments.zip()
        }) {
            MediaType magic = DocumentTypes.byMagic(refused, refused.length);
            boolean accepted = DocumentTypes.mayBeAccepted(magic)
                    && DocumentTypes.isAccepted(
                            DocumentTypes.isContainer(magic)
                                    ? DocumentTypes.ofContainer(new ByteArrayInputStream(refused))
                                    : magic);
            assertThat(accepted).as(magic.toString()).isFalse();
        }
    }

    @Test
    void a_download_is_named_with_the_detected_types_extension_and_safely_encoded() {
        assertThat(Documents.named("../../etc/licence.pdf", MediaType.application("pdf")))
                .isEqualTo("licence.pdf");
        assertThat(Documents.named("invoice.html", MediaType.application("pdf")))
                .isEqualTo("invoice.html.pdf");
        assertThat(Documents.named(null, MediaType.image("png"))).isEqualTo("document.png");
        assertThat(Download.disposition("Übergabe \"final\";.pdf"))
                .isEqualTo("attachment; filename=\"_bergabe _final__.pdf\"; "
                        + "filename*=UTF-8''%C3%9Cbergabe%20%22final%22%3B.pdf");
    }

    private static String detected(byte[] content) throws IOException {
        MediaType magic = DocumentTypes.byMagic(content, content.length);
        MediaType type =
                DocumentTypes.isContainer(magic) ? DocumentTypes.ofContainer(new ByteArrayInputStream(content)) : magic;
        return type.getBaseType().toString();
    }
}
