package org.assistance.equipmentservice.shipments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * request-service relays a receipt for a shipment equipment-service never planned: the consumer
 * refuses it, and it waits as a dead letter until an admin reads it and sets it aside with a
 * reason, which the audit trail keeps. Through the real broker and the service's database.
 */
@QuarkusTest
class RefusedReceiptDeadLetterTest {
    private static final String CONSUMER = "shipment-receipts";

    @Test
    void a_receipt_for_an_unknown_shipment_is_a_dead_letter_an_admin_reads_and_discards_once() {
        String adminSubject = "ada.admin-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = Tokens.person(adminSubject, "admin");
        UUID request = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        ReceiptConfirmed receipt = new ReceiptConfirmed(
                request,
                "agency-ke",
                shipment,
                List.of(new ReceiptLine("FOR-WB-001", 2, 0, null)),
                "Insp. Wanjiru",
                OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(receipt, event, "/request-service", OffsetDateTime.now()));

        Map<String, Object> pending =
                await().atMost(Duration.ofSeconds(30)).until(() -> letter(admin, "PENDING", event), Objects::nonNull);
        String id = (String) pending.get("id");
        assertThat(pending)
                .containsEntry("consumer", CONSUMER)
                .containsEntry("topic", Topics.REQUESTS)
                .containsEntry("eventType", "assistance.request.receipt-confirmed.v1")
                .containsEntry("status", "PENDING");
        assertThat((String) pending.get("reason")).contains(shipment.toString());

        JsonPath record = given().auth()
                .oauth2(admin)
                .when()
                .get("/api/v1/admin/dead-letters/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(record.getString("letter.id")).isEqualTo(id);
        assertThat(record.getString("key")).isEqualTo(request.toString());
        assertThat(record.getString("value")).contains(shipment.toString()).contains("Insp. Wanjiru");
        assertThat(record.getList("recordHeaders.name")).contains("ce_id", "ce_type", "ce_source");
        assertThat(record.getString("recordHeaders.find { it.name == 'ce_id' }.value"))
                .isEqualTo(event.toString());

        String reason = "a receipt typed against a test shipment, never a real one";
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("reason", reason))
                .when()
                .post("/api/v1/admin/dead-letters/" + id + "/discard")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCARDED"))
                .body("resolution", equalTo(reason))
                .body("resolvedBy", equalTo(adminSubject));
        // asked again, it answers as it is: the first reason stands
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("reason", "another reason"))
                .when()
                .post("/api/v1/admin/dead-letters/" + id + "/discard")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCARDED"))
                .body("resolution", equalTo(reason));
        given().auth()
                .oauth2(admin)
                .when()
                .post("/api/v1/admin/dead-letters/" + id + "/replay")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(letter(admin, "PENDING", event)).isNull();
        assertThat(letter(admin, "DISCARDED", event)).containsEntry("id", id);

        JsonPath trail = given().auth()
                .oauth2(admin)
                .queryParam("kind", "dead-letter")
                .queryParam("actor", adminSubject)
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(trail.getList("action"))
                .as("discarded once, neither the second discard nor the replay")
                .containsExactly("discarded");
        assertThat(trail.getString("[0].subject")).isEqualTo(id);
        assertThat(trail.getString("[0].before.status")).isEqualTo("PENDING");
        assertThat(trail.getString("[0].after.status")).isEqualTo("DISCARDED");
        assertThat(trail.getString("[0].after.resolution")).isEqualTo(reason);
    }

    @Test
    void an_unknown_dead_letter_is_not_found_and_only_admins_reach_them() {
        String admin = Tokens.person("ada.admin", "admin");
        given().auth()
                .oauth2(admin)
                .when()
                .get("/api/v1/admin/dead-letters/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("reason", "no such letter"))
                .when()
                .post("/api/v1/admin/dead-letters/" + UUID.randomUUID() + "/discard")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        String partner = Tokens.partner("agency-ke");
        given().auth()
                .oauth2(partner)
                .when()
                .get("/api/v1/admin/dead-letters")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(partner)
                .contentType("application/json")
                .body(Map.of("reason", "mine to discard?"))
                .when()
                .post("/api/v1/admin/dead-letters/" + UUID.randomUUID() + "/discard")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .post("/api/v1/admin/dead-letters/" + UUID.randomUUID() + "/replay")
                .then()
                .statusCode(403);
    }

    /** The dead letter of this event among the consumer's letters in this status, or null. */
    private static Map<String, Object> letter(String admin, String status, UUID event) {
        List<Map<String, Object>> letters = given().auth()
                .oauth2(admin)
                .queryParam("status", status)
                .queryParam("consumer", CONSUMER)
                .queryParam("limit", 1000)
                .when()
                .get("/api/v1/admin/dead-letters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.eventId == '" + event + "' }");
        return letters.isEmpty() ? null : letters.get(0);
    }
}
