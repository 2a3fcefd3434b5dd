package org.assistance.requestservice.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.requestservice.requests.DraftsAccess;
import org.assistance.requestservice.requests.Events;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A partner agency's webhooks: subscribed, told of its requests' changes, signed, retried, in order. */
@QuarkusTest
class PartnerWebhooksTest {
    private static final String AGENCY = "agency-wh-ke";
    private static final String OTHER = "agency-wh-other";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    @AfterEach
    void nothing_left_to_deliver() {
        // a test's endpoint is gone after it: its webhooks go too, so no retry outlives it
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("delete from webhook_subscriptions where agency_id like 'agency-wh-%'")
                        .executeUpdate());
    }

    @Test
    void an_agency_sees_and_deletes_only_its_own_webhooks() throws Exception {
        try (Receiver receiver = new Receiver()) {
            JsonPath created = subscribe(AGENCY, receiver.url(), List.of("*"));
            String id = created.getString("webhook.id");
            String secret = created.getString("secret");
            assertThat(secret).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeBetween(24, 64);

            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .get("/api/v1/webhooks")
                    .then()
                    .statusCode(200)
                    .body("id", hasItem(id))
                    .body("secret", not(hasItem(secret)));
            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .get("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(200)
                    .body("url", equalTo(receiver.url()))
                    .body("status", equalTo("ACTIVE"));

            // another agency: it does not exist
            given().auth()
                    .oauth2(Tokens.partner(OTHER))
                    .get("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(Tokens.partner(OTHER))
                    .delete("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(Tokens.partner(OTHER))
                    .post("/api/v1/webhooks/" + id + "/secret-rotation")
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(Tokens.partner(OTHER))
                    .get("/api/v1/webhooks/" + id + "/deliveries")
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(Tokens.partner(OTHER))
                    .get("/api/v1/webhooks")
                    .then()
                    .statusCode(200)
                    .body("id", not(hasItem(id)));

            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .delete("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(204);
            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .get("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(404);
        }
    }

    @Test
    void unknown_notice_types_and_unreachable_addresses_are_refused() {
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://partner.example/hook", "events", List.of("request.exploded")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // link-local (a cloud's metadata service): never, whatever the configuration
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://169.254.169.254/latest/meta-data", "events", List.of("*")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://partner.example/hook", "events", List.of("*")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://" + "a".repeat(2_048) + ".example/", "events", List.of("*")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .get("/api/v1/webhooks")
                .then()
                .statusCode(403);
    }

    @Test
    void a_request_for_information_reaches_the_partners_endpoint_with_the_questions_signed() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String secret = subscribe(
                            AGENCY, receiver.url(), List.of("request.status-changed", "request.information-requested"))
                    .getString("secret");
            UUID request = DraftsAccess.submitTrainingOnly(AGENCY);
            Events.informationRequested(request, AGENCY);

            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            ofType(receiver, "request.information-requested").size() == 1);
            Receiver.Received asked =
                    ofType(receiver, "request.information-requested").get(0);
            asked.verify(secret);
            JsonNode payload = JSON.readTree(asked.body());
            assertThat(payload.path("data").path("requestId").asText()).isEqualTo(request.toString());
            assertThat(payload.path("data").path("questions").get(0).asText())
                    .isEqualTo("How many examiners will use the kits?");
            assertThat(payload.path("timestamp").asText()).isNotBlank();

            List<Receiver.Received> changes = ofType(receiver, "request.status-changed");
            assertThat(changes)
                    .extracting(r -> data(r).path("to").asText())
                    .containsExactly("SUBMITTED", "INFORMATION_REQUESTED");
            for (Receiver.Received change : changes) {
                change.verify(secret);
                assertThat(change.header("webhook-id")).isNotBlank();
            }
            // the signature is of these bytes: another body does not verify
            Receiver.Received forged = new Receiver.Received(
                    asked.path(), asked.headers(), asked.body().replace("examiners", "officers"), 200);
            assertThatThrownBy(() -> forged.verify(secret)).isInstanceOf(Exception.class);
        }
    }

    @Test
    void an_endpoint_answering_500_gets_the_retry_with_the_same_webhook_id_and_the_log_shows_both_attempts()
            throws Exception {
        try (Receiver receiver = new Receiver().answering(500)) {
            JsonPath created = subscribe(AGENCY, receiver.url(), List.of("request.closed"));
            String id = created.getString("webhook.id");
            String delivery = given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .post("/api/v1/webhooks/" + id + "/test")
                    .then()
                    .statusCode(202)
                    .body("event", equalTo("webhook.test"))
                    .extract()
                    .path("id");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.received().size() == 2);
            List<Receiver.Received> received = receiver.received();
            assertThat(received).extracting(Receiver.Received::answered).containsExactly(500, 200);
            assertThat(received).extracting(r -> r.header("webhook-id")).containsOnly(delivery);
            for (Receiver.Received r : received) {
                r.verify(created.getString("secret"));
            }

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> given().auth()
                            .oauth2(Tokens.partner(AGENCY))
                            .get("/api/v1/webhooks/" + id + "/deliveries")
                            .then()
                            .statusCode(200)
                            .body("items[0].id", equalTo(delivery))
                            .body("items[0].status", equalTo("DELIVERED"))
                            .body("items[0].attempts", equalTo(2))
                            .body("items[0].attemptLog.statusCode", equalTo(List.of(500, 200)))
                            .body("items[0].attemptLog[0].nextRetryAt", not(equalTo(null))));

            // the partner asks for it again: same webhook-id
            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/retry")
                    .then()
                    .statusCode(202);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.received().size() == 3);
            assertThat(receiver.received().get(2).header("webhook-id")).isEqualTo(delivery);
        }
    }

    @Test
    void a_redirect_is_not_followed() throws Exception {
        try (Receiver receiver = new Receiver().answering(307, 307, 307, 307, 307, 307, 307, 307)) {
            receiver.redirectingTo(receiver.url("/elsewhere"));
            String id = subscribe(AGENCY, receiver.url(), List.of("*")).getString("webhook.id");
            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .post("/api/v1/webhooks/" + id + "/test")
                    .then()
                    .statusCode(202);

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().auth()
                            .oauth2(Tokens.partner(AGENCY))
                            .get("/api/v1/webhooks/" + id + "/deliveries")
                            .then()
                            .body("items[0].attemptLog[0].statusCode", equalTo(307))
                            .body("items[0].attemptLog[0].error", startsWith("redirect not followed"))
                            .body("items[0].status", equalTo("PENDING")));
            assertThat(receiver.received()).extracting(Receiver.Received::path).containsOnly("/hook");
        }
    }

    @Test
    void after_a_secret_rotation_each_delivery_carries_both_signatures_each_verifying_with_its_secret()
            throws Exception {
        try (Receiver receiver = new Receiver()) {
            JsonPath created = subscribe(AGENCY, receiver.url(), List.of("*"));
            String id = created.getString("webhook.id");
            String old = created.getString("secret");
            JsonPath rotated = given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .post("/api/v1/webhooks/" + id + "/secret-rotation")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String current = rotated.getString("secret");
            assertThat(current).startsWith("whsec_").isNotEqualTo(old);
            assertThat(rotated.getString("previousSecretValidUntil")).isNotBlank();

            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .post("/api/v1/webhooks/" + id + "/test")
                    .then()
                    .statusCode(202);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.received().size() == 1);
            Receiver.Received r = receiver.received().get(0);
            String[] signatures = r.header("webhook-signature").split(" ");
            assertThat(signatures).hasSize(2);
            r.verifyOnly(current, signatures[0]);
            r.verifyOnly(old, signatures[1]);
            assertThatThrownBy(() -> r.verifyOnly(old, signatures[0])).isInstanceOf(Exception.class);
            assertThatThrownBy(() -> r.verifyOnly(current, signatures[1])).isInstanceOf(Exception.class);
        }
    }

    @Test
    void a_requests_notices_arrive_in_order_even_when_the_first_is_retried() throws Exception {
        try (Receiver receiver = new Receiver().answering(500, 500, 500, 500)) {
            subscribe(AGENCY, receiver.url(), List.of("request.status-changed"));
            UUID request = DraftsAccess.submitTrainingOnly(AGENCY);
            Events.approved(request, AGENCY, false);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.received().stream()
                            .anyMatch(r -> r.answered() == 200
                                    && data(r).path("to").asText().equals("APPROVED")));
            List<String> seen = receiver.received().stream()
                    .filter(r -> data(r).path("requestId").asText().equals(request.toString()))
                    .map(r -> data(r).path("to").asText() + " " + r.answered())
                    .toList();
            // the approval waited until the submission got through
            assertThat(seen)
                    .containsExactly(
                            "SUBMITTED 500",
                            "SUBMITTED 500",
                            "SUBMITTED 500",
                            "SUBMITTED 500",
                            "SUBMITTED 200",
                            "APPROVED 200");
        }
    }

    @Test
    void an_endpoint_failing_for_longer_than_the_window_is_disabled_and_its_agency_told() throws Exception {
        try (Receiver receiver = new Receiver().answering(503)) {
            String id = subscribe(AGENCY, receiver.url(), List.of("*")).getString("webhook.id");
            // it has failed for four days already (the window is three)
            QuarkusTransaction.requiringNew()
                    .run(() -> entityManager
                            .createNativeQuery(
                                    "update webhook_subscriptions set failing_since = now() - interval '4 days'"
                                            + " where id = cast(?1 as uuid)")
                            .setParameter(1, id)
                            .executeUpdate());
            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .post("/api/v1/webhooks/" + id + "/test")
                    .then()
                    .statusCode(202);

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().auth()
                            .oauth2(Tokens.partner(AGENCY))
                            .get("/api/v1/webhooks/" + id)
                            .then()
                            .body("status", equalTo("DISABLED")));
            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .get("/api/v1/webhooks/" + id + "/deliveries")
                    .then()
                    .body("items[0].status", equalTo("FAILED"));
            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .post("/api/v1/webhooks/" + id + "/test")
                    .then()
                    .statusCode(409);
            // the agency is told on the platform's event log too, keyed by the webhook
            List<ConsumerRecord<String, byte[]>> told = BrokerClient.await(
                    Topics.REQUESTS,
                    r -> ("webhook:" + id).equals(r.key())
                            && "assistance.webhook.disabled.v1".equals(BrokerClient.header(r, "ce_type")),
                    1,
                    Duration.ofSeconds(20));
            assertThat(new String(told.get(0).value(), StandardCharsets.UTF_8)).contains(AGENCY);
            Thread.sleep(1_000);
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void the_agency_is_told_when_the_State_endorses_its_request_or_declines_to() throws Exception {
        try (Receiver receiver = new Receiver()) {
            subscribe(AGENCY, receiver.url(), List.of("request.endorsement-recorded"));
            UUID request = DraftsAccess.submitTrainingOnly(AGENCY);
            given().auth()
                    .oauth2(Tokens.focalPoint("KE"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("decision", "DECLINED", "reference", "MFA/TA/2026/7", "comment", "Not a priority now"))
                    .when()
                    .post("/api/v1/requests/" + request + "/endorsement")
                    .then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            !ofType(receiver, "request.endorsement-recorded").isEmpty());
            JsonNode data =
                    data(ofType(receiver, "request.endorsement-recorded").get(0));
            assertThat(data.path("requestId").asText()).isEqualTo(request.toString());
            assertThat(data.path("decision").asText()).isEqualTo("DECLINED");
            assertThat(data.path("reference").asText()).isEqualTo("MFA/TA/2026/7");
            // only what it subscribed to: not the submission's status change
            assertThat(receiver.received()).hasSize(1);
        }
    }

    private static List<Receiver.Received> ofType(Receiver receiver, String type) {
        return receiver.received().stream()
                .filter(r -> r.answered() == 200)
                .filter(r -> type.equals(json(r).path("type").asText()))
                .toList();
    }

    private static JsonNode data(Receiver.Received r) {
        return json(r).path("data");
    }

    private static JsonNode json(Receiver.Received r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_shipments_journey_reaches_the_partner_without_screening_or_money_details() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String secret = subscribe(AGENCY, receiver.url(), List.of("*")).getString("secret");
            UUID request = DraftsAccess.submit(AGENCY);
            UUID shipment = UUID.randomUUID();
            Events.approved(
                    request,
                    AGENCY,
                    List.of(new EquipmentLine("FOR-WB-001", 4, "One per regional forensic lab")),
                    List.of(new PlannedActivity(
                            UUID.randomUUID(),
                            "TRAINING",
                            "Mobile device forensics course",
                            LocalDate.now().plusMonths(2),
                            LocalDate.now().plusMonths(2).plusDays(4),
                            20)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !ofType(receiver, "deliverable.scheduled").isEmpty());
            Money value = new Money(new BigDecimal("987.65"), "EUR");
            ShipmentLine line = new ShipmentLine("FOR-WB-001", "Write blocker", "FORENSIC_IT", true, 4, value);
            Events.publish(
                    new ShipmentPlanned(
                            request, shipment, AGENCY, "KE", "MAIN", List.of(line), value, OffsetDateTime.now()),
                    "/equipment-service");
            Events.publish(
                    new ShipmentHeld(
                            request,
                            shipment,
                            "KE",
                            List.of(new ScreeningHit(
                                    "FOR-WB-001",
                                    "FORENSIC_IT",
                                    UUID.randomUUID(),
                                    "LICENCE",
                                    "EU-2021/821",
                                    "dual-use item to a listed end user")),
                            OffsetDateTime.now()),
                    "/equipment-service");
            // a dual-use line: every unit dispatched with its serial number
            Events.publish(
                    new ShipmentDispatched(
                            request,
                            shipment,
                            "AIR",
                            "DHL",
                            "TRK-123",
                            LocalDate.now().plusDays(5),
                            OffsetDateTime.now(),
                            null,
                            IntStream.rangeClosed(1, 4)
                                    .mapToObj(n -> new UnitSerial("FOR-WB-001", "WB-" + shipment + "-" + n))
                                    .toList()),
                    "/equipment-service");
            Events.publish(new ShipmentDelivered(request, shipment, value, OffsetDateTime.now()), "/equipment-service");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !ofType(receiver, "shipment.delivered").isEmpty());
            List<Receiver.Received> about = receiver.received().stream()
                    .filter(r -> data(r).path("requestId").asText().equals(request.toString()))
                    .toList();
            for (Receiver.Received r : about) {
                r.verify(secret);
                // the partner's view: never the screening's findings nor money
                assertThat(r.body()).doesNotContain("987.65", "listed end user", "EU-2021/821", "30000");
            }
            assertThat(about.stream().map(r -> json(r).path("type").asText()))
                    .filteredOn(t -> t.startsWith("shipment.") || t.equals("deliverable.scheduled"))
                    .containsSubsequence(
                            "deliverable.scheduled",
                            "deliverable.scheduled",
                            "shipment.held",
                            "shipment.dispatched",
                            "shipment.delivered");
            JsonNode dispatched = data(ofType(receiver, "shipment.dispatched").get(0));
            assertThat(dispatched.path("carrier").asText()).isEqualTo("DHL");
            assertThat(dispatched.path("trackingReference").asText()).isEqualTo("TRK-123");
            // the notice tells the dispatch as before: the serial numbers are confirmed on the receipt
            assertThat(dispatched.fieldNames())
                    .toIterable()
                    .containsExactly(
                            "requestId",
                            "shipmentId",
                            "mode",
                            "carrier",
                            "trackingReference",
                            "expectedDelivery",
                            "dispatchedAt");
            assertThat(data(ofType(receiver, "shipment.held").get(0))
                            .path("reason")
                            .asText())
                    .contains("screening");
            assertThat(ofType(receiver, "deliverable.scheduled"))
                    .extracting(r -> data(r).path("deliverable").asText())
                    .containsExactly("ACTIVITY", "SHIPMENT");
        }
    }

    static JsonPath subscribe(String agency, String url, List<String> events) {
        return given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", events, "description", "case system"))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }
}
