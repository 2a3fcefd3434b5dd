package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A partner agency attaches its State's request letter to its request through the platform as
 * deploy/local/platform runs it, over plain HTTP as any client would: it reads back the same bytes
 * with their SHA-256; a file that only claims to be a PDF and one past the size limit (sent
 * without a Content-Length, so only counting the bytes can stop it) are refused and leave nothing
 * behind; another agency does not see the request's documents at all.
 */
@Order(Order.DEFAULT + 2)
class DocumentsOnThePlatformIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long LIMIT = 20L * 1024 * 1024; // the documents' default limit, 20 MB

    @Test
    void a_request_letter_is_kept_byte_for_byte_and_what_is_not_a_document_or_too_large_is_refused() throws Exception {
        FaultPlatform platform = FaultPlatform.with(FaultPlatform.Topology.ONE_BROKER_TWO_REPORTERS);
        String partner = platform.token("partner", "--agency", "agency-documents");
        String stranger = platform.token("partner", "--agency", "agency-elsewhere");
        Http.Answer submitted = Http.send("POST", platform.url("request-service") + "/requests", partner, """
                {"country":"TZ","requestingAuthority":{"name":"Tanzania Police Force","kind":"POLICE"},
                 "thematicArea":"CYBERCRIME","assistanceTypes":["EQUIPMENT"],"priority":"MEDIUM",
                 "title":"Documents on the platform","needsStatement":"With its request letter.","desiredBy":"%s",
                 "equipmentLines":[{"itemCode":"%s","quantity":1,"justification":"lab"}]}""".formatted(
                        LocalDate.now().plusMonths(6), LoadGenerator.ITEM));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String documents = platform.url("request-service") + "/requests/"
                + JSON.readTree(submitted.body()).path("id").asText() + "/documents";

        byte[] letter =
                ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% note verbale 12/2026\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                        .getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> kept = upload(
                documents + "?kind=REQUEST_LETTER&filename=note-verbale.pdf",
                partner,
                "application/pdf",
                HttpRequest.BodyPublishers.ofByteArray(letter));
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
        JsonNode metadata = JSON.readTree(kept.body());
        assertThat(metadata.path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(metadata.path("size").asLong()).isEqualTo(letter.length);
        assertThat(metadata.path("sha256").asText())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(letter)));

        HttpResponse<byte[]> download = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(documents + "/" + metadata.path("id").asText()))
                        .header("Authorization", "Bearer " + partner)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(letter);
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment");
        assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");

        // an executable that says it is a PDF
        byte[] executable = new byte[4096];
        executable[0] = 'M';
        executable[1] = 'Z';
        HttpResponse<String> disguised = upload(
                documents + "?kind=OTHER&filename=letter.pdf",
                partner,
                "application/pdf",
                HttpRequest.BodyPublishers.ofByteArray(executable));
        assertThat(disguised.statusCode()).as(disguised.body()).isEqualTo(415);
        assertThat(disguised.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        // one byte past the limit, streamed without a Content-Length
        HttpResponse<String> tooLarge = upload(
                documents + "?kind=REQUEST_LETTER&filename=huge.pdf",
                partner,
                "application/pdf",
                HttpRequest.BodyPublishers.ofInputStream(() -> pdfOfSize(LIMIT + 1)));
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);

        JsonNode listed = JSON.readTree(Http.get(documents, partner).body());
        JsonNode items = listed.has("items") ? listed.get("items") : listed;
        assertThat(items).as("documents after the refusals: %s", listed).hasSize(1);
        assertThat(Http.get(documents, stranger).status()).isEqualTo(404);
    }

    private static HttpResponse<String> upload(
            String url, String token, String mediaType, HttpRequest.BodyPublisher body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", mediaType)
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A PDF's header followed by padding, {@code size} bytes in all, made as it is read. */
    private static InputStream pdfOfSize(long size) {
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                return position < header.length ? header[(int) position++] : (position++ % 64 == 0 ? '\n' : ' ');
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) read();
                }
                return n;
            }
        };
    }
}
