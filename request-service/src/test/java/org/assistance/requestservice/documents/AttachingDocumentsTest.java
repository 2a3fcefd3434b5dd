package org.assistance.requestservice.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.Topics;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.DocumentUploads;
import org.assistance.testsupport.DocumentUploads.Sample;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** A partner's documents on its requests and receipts: stored streamed, typed by content, its own only. */
@QuarkusTest
class AttachingDocumentsTest {
    private static final String AGENCY = "agency-documents";
    private static final String OTHER_AGENCY = "agency-next-door";

    @Inject
    DataSource database;

    @Test
    void a_partner_attaches_each_accepted_type_to_its_request_and_downloads_it_unchanged() {
        UUID request = submitted(AGENCY);
        DocumentUploads.eachAcceptedTypeIsStoredAndReadBackUnchanged(
                "/api/v1/requests/" + request + "/documents", Tokens.partner(AGENCY), "REQUEST_LETTER");
        // staff read them too
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/requests/" + request + "/documents")
                .then()
                .statusCode(200);
    }

    @Test
    void text_html_an_executable_or_a_zip_claimed_as_a_pdf_is_refused_with_415_and_nothing_is_stored() {
        UUID request = submitted(AGENCY);
        DocumentUploads.otherTypesAreRefusedWhateverTheyClaim(
                "/api/v1/requests/" + request + "/documents", Tokens.partner(AGENCY), "OTHER", database);
    }

    @Test
    void a_document_over_20_mb_is_refused_with_413_whether_or_not_it_declares_its_length() throws Exception {
        UUID request = submitted(AGENCY);
        DocumentUploads.bodiesOverTheLimitAreRefused(
                "/api/v1/requests/" + request + "/documents",
                Tokens.partner(AGENCY),
                "OTHER",
                20L * 1024 * 1024,
                database);
    }

    @Test
    void another_agency_gets_404_for_the_request_its_documents_and_each_download() {
        UUID request = submitted(AGENCY);
        Sample letter = DocumentUploads.accepted().get(0);
        String id = DocumentUploads.upload(
                        "/api/v1/requests/" + request + "/documents", Tokens.partner(AGENCY), letter, "REQUEST_LETTER")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        long before = DocumentUploads.storedRows(database);
        DocumentUploads.upload(
                        "/api/v1/requests/" + request + "/documents",
                        Tokens.partner(OTHER_AGENCY),
                        letter,
                        "REQUEST_LETTER")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.partner(OTHER_AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/documents")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.partner(OTHER_AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/documents/" + id)
                .then()
                .statusCode(404);
        // a document of another request is not found under this one
        UUID another = submitted(AGENCY);
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + another + "/documents/" + id)
                .then()
                .statusCode(404);
        assertThat(DocumentUploads.storedRows(database)).isEqualTo(before);
    }

    @Test
    void the_document_attached_event_tells_what_was_attached_never_its_content() {
        UUID request = submitted(AGENCY);
        Sample letter = DocumentUploads.accepted().get(0);
        String id = DocumentUploads.upload(
                        "/api/v1/requests/" + request + "/documents", Tokens.partner(AGENCY), letter, "REQUEST_LETTER")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<ConsumerRecord<String, byte[]>> events = BrokerClient.await(
                Topics.REQUESTS,
                r -> request.toString().equals(r.key())
                        && "assistance.request.document-attached.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        String event = new String(events.get(0).value(), StandardCharsets.UTF_8);
        assertThat(event)
                .contains("\"documentId\":\"" + id + "\"")
                .contains("\"attachedTo\":\"REQUEST\"")
                .contains("\"kind\":\"REQUEST_LETTER\"")
                .contains("\"sha256\":\"" + DocumentUploads.sha256(letter.content()) + "\"")
                .contains("\"sizeBytes\":" + letter.content().length)
                .doesNotContain("%PDF")
                .doesNotContain("Catalog");
    }

    @Test
    void a_partner_attaches_the_signed_handover_to_its_receipt_and_only_there() throws Exception {
        UUID request = submitted(AGENCY);
        UUID shipment = UUID.randomUUID();
        received(request, shipment);
        String documents = "/api/v1/requests/" + request + "/receipts/" + shipment + "/documents";
        DocumentUploads.eachAcceptedTypeIsStoredAndReadBackUnchanged(
                documents, Tokens.partner(AGENCY), "HANDOVER_CERTIFICATE");
        Sample letter = DocumentUploads.accepted().get(0);
        // another agency, or a shipment the agency has no receipt of: not found
        DocumentUploads.upload(documents, Tokens.partner(OTHER_AGENCY), letter, "HANDOVER_CERTIFICATE")
                .then()
                .statusCode(404);
        DocumentUploads.upload(
                        "/api/v1/requests/" + request + "/receipts/" + UUID.randomUUID() + "/documents",
                        Tokens.partner(AGENCY),
                        letter,
                        "HANDOVER_CERTIFICATE")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.partner(OTHER_AGENCY))
                .when()
                .get(documents)
                .then()
                .statusCode(404);
        DocumentUploads.otherTypesAreRefusedWhateverTheyClaim(
                documents, Tokens.partner(AGENCY), "HANDOVER_CERTIFICATE", database);
        List<ConsumerRecord<String, byte[]>> events = BrokerClient.await(
                Topics.REQUESTS,
                r -> request.toString().equals(r.key())
                        && "assistance.request.document-attached.v1".equals(BrokerClient.header(r, "ce_type"))
                        && new String(r.value(), StandardCharsets.UTF_8).contains("\"attachedTo\":\"RECEIPT\""),
                6,
                Duration.ofSeconds(20));
        assertThat(new String(events.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"attachedToId\":\"" + shipment + "\"");
    }

    @Test
    void an_upload_without_a_kind_or_with_a_name_too_long_is_refused_with_400() {
        UUID request = submitted(AGENCY);
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType("application/pdf")
                .body(DocumentUploads.accepted().get(0).content())
                .when()
                .post("/api/v1/requests/" + request + "/documents")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType("application/pdf")
                .queryParam("kind", "REQUEST_LETTER")
                .queryParam("filename", "x".repeat(256))
                .body(DocumentUploads.accepted().get(0).content())
                .when()
                .post("/api/v1/requests/" + request + "/documents")
                .then()
                .statusCode(400);
    }

    /** A training-only request (no catalogue item needed), submitted by {@code agency}. */
    private static UUID submitted(String agency) {
        Map<String, Object> draft = Map.of(
                "country",
                "KE",
                "requestingAuthority",
                Map.of("name", "Directorate of Criminal Investigations", "kind", "POLICE"),
                "thematicArea",
                "CYBERCRIME",
                "assistanceTypes",
                List.of("TRAINING"),
                "priority",
                "HIGH",
                "title",
                "Mobile device forensics course",
                "needsStatement",
                "The unit has no trained examiners.",
                "desiredBy",
                LocalDate.now().plusMonths(6).toString(),
                "trainingNeeds",
                List.of(Map.of("topic", "Mobile device forensics", "expectedParticipants", 20)),
                "estimatedValue",
                Map.of("amount", "48000.00", "currency", "EUR"));
        String id = given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    /** The agency's receipt of a shipment, as confirming it leaves it (the confirmation has its own tests). */
    private void received(UUID request, UUID shipment) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into receipts (shipment_id, request_id, lines, received_by, received_at, recorded_at)"
                                + " values (?, ?, '[]'::jsonb, 'Storekeeper', ?, ?)")) {
            insert.setObject(1, shipment);
            insert.setObject(2, request);
            insert.setObject(3, OffsetDateTime.now());
            insert.setObject(4, OffsetDateTime.now());
            insert.executeUpdate();
        }
    }
}
