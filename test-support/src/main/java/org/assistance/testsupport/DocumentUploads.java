package org.assistance.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * The document rules every service that takes documents keeps, as steps its tests call with its
 * own URLs and tokens: each accepted type stored and read back unchanged, other types refused
 * with 415 whatever the client claims, bodies past the limit refused with 413, nothing stored
 * when refused.
 */
public final class DocumentUploads {
    /** A file a client sends: its name, its bytes, the media type it claims. */
    public record Sample(String filename, byte[] content, String claimedType, String detectedType) {}

    private DocumentUploads() {}

    public static List<Sample> accepted() {
        return List.of(
                new Sample("letter.pdf", SampleDocuments.pdf(), "application/pdf", "application/pdf"),
                new Sample("scan.png", SampleDocuments.png(), "image/png", "image/png"),
                new Sample("photo.jpg", SampleDocuments.jpeg(), "application/octet-stream", "image/jpeg"),
                new Sample(
                        "certificate.docx",
                        SampleDocuments.docx(),
                        "application/octet-stream",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                new Sample(
                        "inventory.xlsx",
                        SampleDocuments.xlsx(),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                new Sample(
                        "report.odt",
                        SampleDocuments.odt(),
                        "application/vnd.oasis.opendocument.text",
                        "application/vnd.oasis.opendocument.text"));
    }

    /** Files that are none of the accepted types, each claiming to be a PDF. */
    public static List<Sample> refused() {
        return List.of(
                new Sample("notes.pdf", SampleDocuments.text(), "application/pdf", "text/plain"),
                new Sample("page.pdf", SampleDocuments.html(), "application/pdf", "text/html"),
                new Sample("setup.pdf", SampleDocuments.exe(), "application/pdf", "application/x-msdownload"),
                new Sample("archive.pdf", SampleDocuments.zip(), "application/pdf", "application/zip"));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads {@code sample} to {@code documents} (a .../documents URL) and returns the answer. */
    public static Response upload(String documents, String token, Sample sample, String kind) {
        return given().auth()
                .oauth2(token)
                .contentType(sample.claimedType())
                .queryParam("kind", kind)
                .queryParam("filename", sample.filename())
                .body(sample.content())
                .when()
                .post(documents);
    }

    /**
     * Each accepted type: 201 with the detected type, the size and SHA-256 of what was sent; listed;
     * downloaded byte for byte as an attachment of the detected type that browsers must not sniff.
     */
    public static void eachAcceptedTypeIsStoredAndReadBackUnchanged(String documents, String token, String kind) {
        List<Sample> samples = accepted();
        for (Sample sample : samples) {
            JsonPath stored = upload(documents, token, sample, kind)
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            assertThat(stored.getString("mediaType")).as(sample.filename()).isEqualTo(sample.detectedType());
            assertThat(stored.getLong("size")).as(sample.filename()).isEqualTo(sample.content().length);
            assertThat(stored.getString("sha256")).as(sample.filename()).isEqualTo(sha256(sample.content()));
            assertThat(stored.getString("filename")).isEqualTo(sample.filename());
            assertThat(stored.getString("kind")).isEqualTo(kind);
            assertThat(stored.getString("uploadedBy")).isNotBlank();
            assertThat(stored.getString("uploadedAt")).isNotBlank();

            Response download = given().auth().oauth2(token).when().get(documents + "/" + stored.getString("id"));
            download.then().statusCode(200);
            assertThat(download.asByteArray()).as(sample.filename()).isEqualTo(sample.content());
            assertThat(download.contentType()).startsWith(sample.detectedType());
            assertThat(download.header("Content-Disposition"))
                    .startsWith("attachment; filename=\"" + sample.filename() + "\"")
                    .contains("filename*=UTF-8''" + sample.filename());
            assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        List<String> listed = given().auth()
                .oauth2(token)
                .when()
                .get(documents)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("sha256");
        assertThat(listed)
                .containsAll(samples.stream().map(s -> sha256(s.content())).toList());
    }

    /** Text, HTML, an executable and a plain ZIP, each claimed as a PDF: 415, and no row written. */
    public static void otherTypesAreRefusedWhateverTheyClaim(
            String documents, String token, String kind, DataSource database) {
        long before = storedRows(database);
        for (Sample sample : refused()) {
            upload(documents, token, sample, kind).then().statusCode(415).contentType("application/problem+json");
        }
        assertThat(storedRows(database)).isEqualTo(before);
    }

    /**
     * A body one byte over {@code maxBytes}: refused with 413 when it declares its length, and also
     * when it streams in without one (counted as it arrives); nothing is stored either way.
     */
    public static void bodiesOverTheLimitAreRefused(
            String documents, String token, String kind, long maxBytes, DataSource database) throws Exception {
        long before = storedRows(database);
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + documents + "?kind=" + kind);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        // streamed (chunked): no length to trust, so the service counts
        HttpResponse<String> streamed = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/pdf")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> pdfOf(maxBytes + 1)))
                        .timeout(Duration.ofSeconds(120))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(413);
        assertThat(streamed.body()).contains("payload-too-large");
        // declared: refused before a byte is read (the client waits for 100 Continue, which never comes)
        HttpResponse<String> declared = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/pdf")
                        .expectContinue(true)
                        .POST(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> pdfOf(maxBytes + 1)), maxBytes + 1))
                        .timeout(Duration.ofSeconds(120))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
        assertThat(storedRows(database)).isEqualTo(before);
    }

    /** Documents and their chunks, counted together. */
    public static long storedRows(DataSource database) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select (select count(*) from documents) + (select count(*) from document_chunks)")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PDF's first bytes followed by filler, {@code size} bytes in all, made as they are read. */
    static InputStream pdfOf(long size) {
        byte[] head = SampleDocuments.pdf();
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                int b = position < head.length ? head[(int) position] : ' ';
                position++;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = position < head.length ? head[(int) position] : (byte) ' ';
                    position++;
                }
                return n;
            }

            @Override
            public void close() throws IOException {}
        };
    }
}
