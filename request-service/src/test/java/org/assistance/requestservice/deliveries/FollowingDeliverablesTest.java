package org.assistance.requestservice.deliveries;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.ReviewEvents.ActivityCancelled;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.BackorderFulfilled;
import org.assistance.chassis.events.ShipmentEvents.LineBackordered;
import org.assistance.chassis.events.ShipmentEvents.LineRefused;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentLinesRemoved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.requestservice.requests.DraftsAccess;
import org.assistance.requestservice.requests.Events;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Each approved component of a request followed to its end from the other services' events
 * (on the real broker), and the request's status following its deliverables.
 */
@QuarkusTest
class FollowingDeliverablesTest {
    private static final String AGENCY = "agency-ke-dci-delivery";
    private static final String WB = "FOR-WB-001";
    private static final String RADIO = "COM-RAD-1";

    @Inject
    EntityManager entityManager;

    @Test
    void
            a_training_only_request_ends_delivered_when_its_only_course_is_delivered_and_closed_after_completion_with_rating() {
        UUID request = DraftsAccess.submitTrainingOnly(AGENCY);
        UUID course = UUID.randomUUID();
        Events.approved(request, AGENCY, List.of(), List.of(course(course)));
        awaitDeliverables(request, "APPROVED");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .statusCode(200)
                .body("requestId", equalTo(request.toString()))
                .body("deliverables", hasSize(1))
                .body("deliverables[0].deliverableId", equalTo(course.toString()))
                .body("deliverables[0].kind", equalTo("TRAINING_COURSE"))
                .body("deliverables[0].state", equalTo("PENDING"))
                .body("outstanding", hasSize(1));

        Events.publish(
                new ActivityDelivered(
                        request,
                        course,
                        "GLOCY",
                        "TRAINING_COURSE",
                        "Mobile forensics",
                        LocalDate.now().minusDays(5),
                        LocalDate.now().minusDays(1),
                        new Participants(9, 11, 20),
                        List.of("DCI"),
                        "20 examiners trained",
                        new Money(new BigDecimal("12000.00"), "EUR"),
                        List.of(),
                        OffsetDateTime.now()),
                "/program-service");

        awaitStatus(request, "DELIVERED");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .body("deliverables[0].state", equalTo("DELIVERED"))
                .body("deliverables[0].quantityDelivered", equalTo(1))
                .body("outstanding", empty());
        assertThat(published(request, "assistance.request.delivery-started.v1")).contains(course.toString());
        assertThat(published(request, "assistance.request.delivered.v1")).contains("\"state\":\"DELIVERED\"");

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(Map.of("satisfaction", 5, "comment", "Twenty examiners now process seized phones in-house."))
                .when()
                .post("/api/v1/requests/" + request + "/completion")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("satisfaction", equalTo(5));
        String closed = published(request, "assistance.request.closed.v1");
        assertThat(closed).contains("\"satisfaction\":5", "\"automatic\":false", "in-house");
        history(request, "SUBMITTED", "APPROVED", "IN_DELIVERY", "DELIVERED", "CLOSED");
    }

    @Test
    void completion_is_refused_before_delivery_and_a_rating_outside_one_to_five_is_invalid() {
        UUID request = DraftsAccess.submitTrainingOnly(AGENCY);
        Events.approved(request, AGENCY, List.of(), List.of(course(UUID.randomUUID())));
        awaitDeliverables(request, "APPROVED");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(Map.of("satisfaction", 4, "comment", "Too early"))
                .when()
                .post("/api/v1/requests/" + request + "/completion")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("APPROVED"));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(Map.of("satisfaction", 6))
                .when()
                .post("/api/v1/requests/" + request + "/completion")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("satisfaction"));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(Map.of("satisfaction", 3, "comment", "x".repeat(2_001)))
                .when()
                .post("/api/v1/requests/" + request + "/completion")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        given().auth()
                .oauth2(Tokens.partner("agency-other"))
                .contentType(ContentType.JSON)
                .body(Map.of("satisfaction", 3))
                .when()
                .post("/api/v1/requests/" + request + "/completion")
                .then()
                .statusCode(404);
    }

    @Test
    void an_approved_request_whose_activities_are_all_cancelled_ends_cancelled() {
        UUID request = DraftsAccess.submitTrainingOnly(AGENCY);
        UUID course = UUID.randomUUID();
        UUID mission = UUID.randomUUID();
        Events.approved(
                request,
                AGENCY,
                List.of(),
                List.of(
                        course(course),
                        new PlannedActivity(
                                mission,
                                "ADVISORY_MISSION",
                                "Cybercrime unit set-up",
                                LocalDate.now().plusMonths(2),
                                LocalDate.now().plusMonths(2).plusDays(5),
                                0)));
        Events.publish(
                new ActivityCancelled(
                        request,
                        course,
                        "GLOCY",
                        "TRAINING_COURSE",
                        "Mobile forensics",
                        "Trainer unavailable",
                        "reviewer-1",
                        OffsetDateTime.now()),
                "/program-service");
        Events.publish(
                new ActivityCancelled(
                        request,
                        mission,
                        "GLOCY",
                        "ADVISORY_MISSION",
                        "Cybercrime unit set-up",
                        "Security situation",
                        "reviewer-1",
                        OffsetDateTime.now()),
                "/program-service");

        awaitStatus(request, "CANCELLED");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .body("status", equalTo("CANCELLED"))
                .body("deliverables.state", contains("CANCELLED", "CANCELLED"))
                .body("deliverables.reason", org.hamcrest.Matchers.hasItem("Security situation"))
                .body("outstanding", empty());
        assertThat(published(request, "assistance.request.cancelled.v1")).contains("Trainer unavailable");
        history(request, "SUBMITTED", "APPROVED", "CANCELLED");
    }

    @Test
    void a_cancelled_shipment_cancels_its_deliverable_with_the_reason_and_the_request_ends_delivered_with_the_rest() {
        UUID request = DraftsAccess.submit(AGENCY);
        Events.approved(request, AGENCY, List.of(line(WB, 4), line(RADIO, 2)), List.of());
        UUID forensic = UUID.randomUUID();
        UUID radios = UUID.randomUUID();
        planned(request, forensic, shipmentLine(WB, 4));
        planned(request, radios, shipmentLine(RADIO, 2));
        Events.publish(
                new ShipmentCancelled(
                        request,
                        radios,
                        "Dual-use licence refused",
                        List.of(shipmentLine(RADIO, 2)),
                        true,
                        "logistics-1",
                        OffsetDateTime.now()),
                "/equipment-service");
        dispatched(request, forensic);
        awaitStatus(request, "IN_DELIVERY");
        delivered(request, forensic);

        awaitStatus(request, "DELIVERED");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .body(
                        "deliverables.deliverableId",
                        org.hamcrest.Matchers.containsInAnyOrder("item:" + RADIO, "item:" + WB))
                .body("deliverables.find { it.deliverableId == 'item:COM-RAD-1' }.state", equalTo("CANCELLED"))
                .body(
                        "deliverables.find { it.deliverableId == 'item:COM-RAD-1' }.reason",
                        containsString("Dual-use licence refused"))
                .body("deliverables.find { it.deliverableId == 'item:COM-RAD-1' }.quantityCancelled", equalTo(2))
                .body("deliverables.find { it.deliverableId == 'item:FOR-WB-001' }.state", equalTo("DELIVERED"))
                .body("deliverables.find { it.deliverableId == 'item:FOR-WB-001' }.quantityDelivered", equalTo(4));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/shipments")
                .then()
                .body("find { it.shipmentId == '" + radios + "' }.stage", equalTo("CANCELLED"));
        history(request, "SUBMITTED", "APPROVED", "IN_DELIVERY", "DELIVERED");
    }

    @Test
    void a_request_whose_only_shipment_is_cancelled_ends_cancelled() {
        UUID request = DraftsAccess.submit(AGENCY);
        Events.approved(request, AGENCY, List.of(line(WB, 4)), List.of());
        UUID shipment = UUID.randomUUID();
        planned(request, shipment, shipmentLine(WB, 4));
        Events.publish(
                new ShipmentCancelled(
                        request,
                        shipment,
                        "Recipient lab closed",
                        List.of(shipmentLine(WB, 4)),
                        true,
                        "logistics-1",
                        OffsetDateTime.now()),
                "/equipment-service");

        awaitStatus(request, "CANCELLED");
        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .body("deliverables[0].state", equalTo("CANCELLED"))
                .body("deliverables[0].reason", containsString("Recipient lab closed"));
        history(request, "SUBMITTED", "APPROVED", "CANCELLED");
    }

    @Test
    void lines_removed_at_clearance_are_cancelled_and_the_rest_delivered_ends_the_request_delivered() {
        UUID request = DraftsAccess.submit(AGENCY);
        Events.approved(request, AGENCY, List.of(line(WB, 4), line(RADIO, 2)), List.of());
        UUID shipment = UUID.randomUUID();
        planned(request, shipment, shipmentLine(WB, 4), shipmentLine(RADIO, 2));
        Events.publish(
                new ShipmentLinesRemoved(
                        request,
                        shipment,
                        List.of(shipmentLine(RADIO, 2), shipmentLine(WB, 1)),
                        "Embargo on radio equipment",
                        OffsetDateTime.now()),
                "/equipment-service");
        dispatched(request, shipment);
        delivered(request, shipment);

        awaitStatus(request, "DELIVERED");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .body("deliverables.find { it.deliverableId == 'item:COM-RAD-1' }.state", equalTo("CANCELLED"))
                .body("deliverables.find { it.deliverableId == 'item:FOR-WB-001' }.state", equalTo("DELIVERED"))
                .body("deliverables.find { it.deliverableId == 'item:FOR-WB-001' }.quantityDelivered", equalTo(3))
                .body("deliverables.find { it.deliverableId == 'item:FOR-WB-001' }.quantityCancelled", equalTo(1));
    }

    @Test
    void a_backordered_line_fulfilled_by_a_new_shipment_and_delivered_ends_the_request_delivered() {
        UUID request = DraftsAccess.submit(AGENCY);
        Events.approved(request, AGENCY, List.of(line(WB, 4)), List.of());
        UUID first = UUID.randomUUID();
        planned(request, first, shipmentLine(WB, 1));
        Events.publish(
                new LineBackordered(request, 77L, WB, "Write blocker", 3, "HIGH", OffsetDateTime.now()),
                "/equipment-service");
        dispatched(request, first);
        delivered(request, first);
        awaitStatus(request, "IN_DELIVERY");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .body("deliverables[0].state", equalTo("IN_PROGRESS"))
                .body("deliverables[0].quantityDelivered", equalTo(1))
                .body("outstanding", hasSize(1));

        UUID second = UUID.randomUUID();
        Events.publish(
                new BackorderFulfilled(request, 77L, second, WB, 3, 0, OffsetDateTime.now()), "/equipment-service");
        planned(request, second, shipmentLine(WB, 3));
        dispatched(request, second);
        delivered(request, second);

        awaitStatus(request, "DELIVERED");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .body("deliverables[0].state", equalTo("DELIVERED"))
                .body("deliverables[0].quantity", equalTo(4))
                .body("deliverables[0].quantityDelivered", equalTo(4))
                .body("deliverables[0].quantityCancelled", equalTo(0));
        history(request, "SUBMITTED", "APPROVED", "IN_DELIVERY", "DELIVERED");
        nothingDeadLettered(request);
    }

    @Test
    void a_refused_line_is_cancelled_with_its_reason() {
        UUID request = DraftsAccess.submit(AGENCY);
        Events.approved(request, AGENCY, List.of(line(WB, 4), line(RADIO, 2)), List.of());
        Events.publish(
                new LineRefused(request, RADIO, 2, "Item withdrawn from the catalogue", OffsetDateTime.now()),
                "/equipment-service");
        UUID shipment = UUID.randomUUID();
        planned(request, shipment, shipmentLine(WB, 4));
        dispatched(request, shipment);
        delivered(request, shipment);

        awaitStatus(request, "DELIVERED");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .body("deliverables.find { it.deliverableId == 'item:COM-RAD-1' }.state", equalTo("CANCELLED"))
                .body(
                        "deliverables.find { it.deliverableId == 'item:COM-RAD-1' }.reason",
                        containsString("Item withdrawn from the catalogue"));
        assertThat(published(request, "assistance.request.delivered.v1")).contains("Item withdrawn from the catalogue");
    }

    @Test
    void shipment_events_arriving_before_the_approval_still_lead_to_the_right_end() {
        UUID request = DraftsAccess.submit(AGENCY);
        UUID forensic = UUID.randomUUID();
        UUID radios = UUID.randomUUID();
        planned(request, forensic, shipmentLine(WB, 4));
        planned(request, radios, shipmentLine(RADIO, 2));
        dispatched(request, forensic);
        delivered(request, forensic);
        Events.publish(
                new ShipmentCancelled(
                        request,
                        radios,
                        "Carrier went bankrupt",
                        List.of(shipmentLine(RADIO, 2)),
                        true,
                        "logistics-1",
                        OffsetDateTime.now()),
                "/equipment-service");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request + "/shipments")
                        .then()
                        .body("stage", org.hamcrest.Matchers.containsInAnyOrder("DELIVERED", "CANCELLED")));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .body("status", equalTo("SUBMITTED"))
                .body("deliverables", empty());

        Events.approved(request, AGENCY, List.of(line(WB, 4), line(RADIO, 2)), List.of());

        awaitStatus(request, "DELIVERED");
        history(request, "SUBMITTED", "APPROVED", "IN_DELIVERY", "DELIVERED");
        assertThat(publishedAll(request, "assistance.request.delivery-started.v1"))
                .hasSize(1);
        assertThat(publishedAll(request, "assistance.request.delivered.v1")).hasSize(1);
        nothingDeadLettered(request);
    }

    @Test
    void a_delivered_request_the_agency_never_confirms_closes_itself_after_the_configured_time() {
        UUID request = DraftsAccess.submitTrainingOnly(AGENCY);
        UUID course = UUID.randomUUID();
        Events.approved(request, AGENCY, List.of(), List.of(course(course)));
        Events.publish(
                new ActivityDelivered(
                        request,
                        course,
                        "GLOCY",
                        "TRAINING_COURSE",
                        "Mobile forensics",
                        LocalDate.now().minusDays(3),
                        LocalDate.now().minusDays(1),
                        new Participants(10, 10, 20),
                        List.of(),
                        "done",
                        new Money(new BigDecimal("9000.00"), "EUR"),
                        List.of(),
                        OffsetDateTime.now()),
                "/program-service");
        awaitStatus(request, "DELIVERED");

        // delivered 61 days ago: past the default 60 days
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "update assistance_requests set delivered_at = now() - interval '61 days' where id = ?1")
                        .setParameter(1, request)
                        .executeUpdate());

        awaitStatus(request, "CLOSED");
        assertThat(published(request, "assistance.request.closed.v1")).contains("\"automatic\":true");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request)
                .then()
                .body("satisfaction", org.hamcrest.Matchers.nullValue());
        history(request, "SUBMITTED", "APPROVED", "IN_DELIVERY", "DELIVERED", "CLOSED");
    }

    @Test
    void an_approval_arriving_after_the_withdrawal_makes_nothing_deliverable() {
        UUID request = DraftsAccess.submitTrainingOnly(AGENCY);
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/requests/" + request + "/withdrawal")
                .then()
                .statusCode(200);
        UUID course = UUID.randomUUID();
        UUID approval = UUID.randomUUID();
        UUID delivery = UUID.randomUUID();
        BrokerClient.send(CloudEvent.toRecord(
                new RequestApproved(
                        request,
                        AGENCY,
                        "KE",
                        "CYBERCRIME",
                        "GLOCY",
                        new Money(new BigDecimal("9000.00"), "EUR"),
                        false,
                        List.of(),
                        List.of(course(course)),
                        List.of(),
                        List.of("reviewer-1"),
                        OffsetDateTime.now()),
                approval,
                "/program-service",
                OffsetDateTime.now()));
        BrokerClient.send(CloudEvent.toRecord(
                new ActivityDelivered(
                        request,
                        course,
                        "GLOCY",
                        "TRAINING_COURSE",
                        "Mobile forensics",
                        LocalDate.now(),
                        LocalDate.now(),
                        new Participants(1, 1, 2),
                        List.of(),
                        "done",
                        new Money(new BigDecimal("9000.00"), "EUR"),
                        List.of(),
                        OffsetDateTime.now()),
                delivery,
                "/program-service",
                OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(approval) && handled(delivery));

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .body("status", equalTo("WITHDRAWN"))
                .body("deliverables", empty());
        history(request, "SUBMITTED", "WITHDRAWN");
        nothingDeadLettered(request);
    }

    private boolean handled(UUID eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                        .createNativeQuery("select count(*) from processed_events where event_id = ?1")
                                        .setParameter(1, eventId)
                                        .getSingleResult())
                                .intValue()
                        > 0);
    }

    @Test
    void an_agency_cannot_see_another_agencys_deliverables() {
        UUID request = DraftsAccess.submitTrainingOnly(AGENCY);
        given().auth()
                .oauth2(Tokens.partner("agency-other"))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.donor("donor-eu"))
                .when()
                .get("/api/v1/requests/" + request + "/deliverables")
                .then()
                .statusCode(403);
    }

    // --- what the other services publish

    private static PlannedActivity course(UUID id) {
        return new PlannedActivity(
                id,
                "TRAINING_COURSE",
                "Mobile forensics",
                LocalDate.now().plusMonths(1),
                LocalDate.now().plusMonths(1).plusDays(4),
                20);
    }

    private static EquipmentLine line(String code, int quantity) {
        return new EquipmentLine(code, quantity, "needed");
    }

    private static ShipmentLine shipmentLine(String code, int quantity) {
        return new ShipmentLine(
                code,
                code.equals(WB) ? "Write blocker" : "Radio",
                "FORENSIC_IT",
                false,
                quantity,
                new Money(new BigDecimal("100.00"), "EUR"));
    }

    private static void planned(UUID request, UUID shipment, ShipmentLine... lines) {
        Events.publish(
                new ShipmentPlanned(
                        request,
                        shipment,
                        AGENCY,
                        "KE",
                        "MAIN",
                        List.of(lines),
                        new Money(new BigDecimal("400.00"), "EUR"),
                        OffsetDateTime.now()),
                "/equipment-service");
    }

    private static void dispatched(UUID request, UUID shipment) {
        Events.publish(
                new ShipmentDispatched(request, shipment, "AIR", "Carrier", "TRK", null, OffsetDateTime.now()),
                "/equipment-service");
    }

    private static void delivered(UUID request, UUID shipment) {
        Events.publish(
                new ShipmentDelivered(
                        request, shipment, new Money(new BigDecimal("400.00"), "EUR"), OffsetDateTime.now()),
                "/equipment-service");
    }

    // --- what the agency sees

    private static void awaitStatus(UUID request, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request)
                        .then()
                        .body("status", equalTo(status)));
    }

    private static void awaitDeliverables(UUID request, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request + "/deliverables")
                        .then()
                        .body("status", equalTo(status))
                        .body("deliverables", org.hamcrest.Matchers.not(empty())));
    }

    /** Each status once, in this order. */
    private static void history(UUID request, String... statuses) {
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/history")
                .then()
                .statusCode(200)
                .body("to", contains(statuses));
    }

    /** No event about the request went to a dead-letter topic: every one was a valid step. */
    private static void nothingDeadLettered(UUID request) {
        for (String topic : List.of(Topics.REVIEWS, Topics.SHIPMENTS)) {
            assertThat(BrokerClient.readAll(Topics.deadLetters(topic)))
                    .noneMatch(r -> request.toString().equals(r.key()));
        }
    }

    private static String published(UUID request, String type) {
        return publishedAll(request, type).get(0);
    }

    private static List<String> publishedAll(UUID request, String type) {
        List<ConsumerRecord<String, byte[]>> records = BrokerClient.await(
                Topics.REQUESTS,
                r -> request.toString().equals(r.key()) && type.equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        return records.stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
    }
}
