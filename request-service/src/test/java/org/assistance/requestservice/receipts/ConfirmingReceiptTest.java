package org.assistance.requestservice.receipts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.requestservice.requests.Events;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The request's delivery, told by equipment-service's events, and the agency's proof of delivery. */
@QuarkusTest
class ConfirmingReceiptTest {
    private static final String AGENCY = "agency-receiving";
    /** What the shipments below carry: the approval makes them the request's deliverables. */
    private static final List<EquipmentLine> APPROVED_LINES = List.of(
            new EquipmentLine("FOR-WB-001", 4, "One per regional forensic lab"),
            new EquipmentLine("COM-RAD-1", 2, "Field teams"));

    @Test
    void a_delivered_shipment_is_confirmed_with_one_line_partly_rejected() {
        UUID request = approvedRequest();
        UUID shipment = UUID.randomUUID();
        plan(request, shipment);
        Events.publish(
                new ShipmentDispatched(
                        request,
                        shipment,
                        "AIR",
                        "Carrier",
                        "TRK-1",
                        LocalDate.now().plusDays(5),
                        OffsetDateTime.now()),
                "/equipment-service");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request)
                        .then()
                        .body("status", equalTo("IN_DELIVERY")));
        Events.publish(
                new ShipmentDelivered(
                        request, shipment, new Money(new BigDecimal("5000.00"), "EUR"), OffsetDateTime.now()),
                "/equipment-service");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request)
                        .then()
                        .body("status", equalTo("DELIVERED")));

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(receipt(
                        shipment,
                        List.of(
                                Map.of(
                                        "itemCode",
                                        "FOR-WB-001",
                                        "quantityAccepted",
                                        3,
                                        "quantityRejected",
                                        1,
                                        "rejectionReason",
                                        "Damaged in transit"),
                                Map.of("itemCode", "COM-RAD-1", "quantityAccepted", 2, "quantityRejected", 0))))
                .when()
                .post("/api/v1/requests/" + request + "/receipts")
                .then()
                .statusCode(201)
                .body("lines[0].quantityRejected", equalTo(1));

        var events = BrokerClient.await(
                Topics.REQUESTS,
                r -> request.toString().equals(r.key())
                        && "assistance.request.receipt-confirmed.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(new String(events.get(0).value(), StandardCharsets.UTF_8)).contains("Damaged in transit");

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(receipt(
                        shipment,
                        List.of(
                                Map.of("itemCode", "FOR-WB-001", "quantityAccepted", 4, "quantityRejected", 0),
                                Map.of("itemCode", "COM-RAD-1", "quantityAccepted", 2, "quantityRejected", 0))))
                .when()
                .post("/api/v1/requests/" + request + "/receipts")
                .then()
                .statusCode(409);
    }

    @Test
    void lines_that_do_not_match_the_shipment_are_refused_naming_each() {
        UUID request = approvedRequest();
        UUID shipment = UUID.randomUUID();
        plan(request, shipment);
        Events.publish(
                new ShipmentDispatched(request, shipment, "LAND", "Carrier", "TRK-2", null, OffsetDateTime.now()),
                "/equipment-service");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request + "/shipments")
                        .then()
                        .body("[0].stage", equalTo("DISPATCHED")));

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(receipt(
                        shipment,
                        List.of(
                                Map.of("itemCode", "FOR-WB-001", "quantityAccepted", 3, "quantityRejected", 0),
                                Map.of("itemCode", "NOT-SHIPPED", "quantityAccepted", 1, "quantityRejected", 0))))
                .when()
                .post("/api/v1/requests/" + request + "/receipts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("lines[0]"))
                .body("errors.field", hasItem("lines[1].itemCode"))
                .body("errors.field", hasItem("lines"));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(receipt(
                        shipment,
                        List.of(
                                Map.of("itemCode", "FOR-WB-001", "quantityAccepted", 3, "quantityRejected", 1),
                                Map.of("itemCode", "COM-RAD-1", "quantityAccepted", 2, "quantityRejected", 0))))
                .when()
                .post("/api/v1/requests/" + request + "/receipts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lines[0].rejectionReason"));
    }

    @Test
    void a_shipment_not_yet_dispatched_cannot_be_confirmed_and_another_agency_cannot_confirm_at_all() {
        UUID request = approvedRequest();
        UUID shipment = UUID.randomUUID();
        plan(request, shipment);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request + "/shipments")
                        .then()
                        .body("[0].stage", equalTo("PLANNED")));
        Map<String, Object> body = receipt(
                shipment,
                List.of(
                        Map.of("itemCode", "FOR-WB-001", "quantityAccepted", 4, "quantityRejected", 0),
                        Map.of("itemCode", "COM-RAD-1", "quantityAccepted", 2, "quantityRejected", 0)));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/requests/" + request + "/receipts")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(Tokens.partner("agency-intruder"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/requests/" + request + "/receipts")
                .then()
                .statusCode(404);
    }

    @Test
    void a_dispatch_that_arrives_before_the_approval_still_shows_the_request_in_delivery() {
        UUID request = org.assistance.requestservice.requests.DraftsAccess.submit(AGENCY);
        UUID shipment = UUID.randomUUID();
        plan(request, shipment);
        Events.publish(
                new ShipmentDispatched(request, shipment, "SEA", "Carrier", "TRK-3", null, OffsetDateTime.now()),
                "/equipment-service");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request + "/shipments")
                        .then()
                        .body("[0].stage", equalTo("DISPATCHED")));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request)
                .then()
                .body("status", equalTo("SUBMITTED"));

        Events.approved(request, AGENCY, APPROVED_LINES, List.of());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request)
                        .then()
                        .body("status", equalTo("IN_DELIVERY")));
    }

    @Test
    void a_delivery_known_before_the_approval_still_shows_in_delivery_then_delivered_in_the_history() {
        UUID request = org.assistance.requestservice.requests.DraftsAccess.submit(AGENCY);
        UUID shipment = UUID.randomUUID();
        plan(request, shipment);
        Events.publish(
                new ShipmentDispatched(request, shipment, "AIR", "Carrier", "TRK-4", null, OffsetDateTime.now()),
                "/equipment-service");
        Events.publish(
                new ShipmentDelivered(
                        request, shipment, new Money(new BigDecimal("5000.00"), "EUR"), OffsetDateTime.now()),
                "/equipment-service");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request + "/shipments")
                        .then()
                        .body("[0].stage", equalTo("DELIVERED")));

        Events.approved(request, AGENCY, APPROVED_LINES, List.of());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request + "/history")
                        .then()
                        .body(
                                "to",
                                org.hamcrest.Matchers.contains("SUBMITTED", "APPROVED", "IN_DELIVERY", "DELIVERED")));
    }

    @Test
    void clerks_confirming_the_same_shipment_at_once_get_one_receipt_one_event_and_no_500() throws Exception {
        UUID request = approvedRequest();
        UUID shipment = UUID.randomUUID();
        plan(request, shipment);
        Events.publish(
                new ShipmentDispatched(request, shipment, "AIR", "Carrier", "TRK-5", null, OffsetDateTime.now()),
                "/equipment-service");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request + "/shipments")
                        .then()
                        .body("[0].stage", equalTo("DISPATCHED")));
        Map<String, Object> body = receipt(
                shipment,
                List.of(
                        Map.of("itemCode", "FOR-WB-001", "quantityAccepted", 4, "quantityRejected", 0),
                        Map.of("itemCode", "COM-RAD-1", "quantityAccepted", 2, "quantityRejected", 0)));

        int clerks = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clerks);
        CountDownLatch ready = new CountDownLatch(clerks);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clerks; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return given().auth()
                            .oauth2(Tokens.partner(AGENCY))
                            .contentType(ContentType.JSON)
                            .body(body)
                            .when()
                            .post("/api/v1/requests/" + request + "/receipts");
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<io.restassured.response.Response> answer : answers) {
                io.restassured.response.Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.jsonPath().getString("detail")).contains("already confirmed");
                }
            }
            assertThat(statuses)
                    .as("one clerk's confirmation counts, the others are told it was already made")
                    .containsOnly(201, 409)
                    .containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/shipments")
                .then()
                .body("[0].stage", equalTo("RECEIVED"));
        assertThat(receiptEventsRecorded(request))
                .as("one ReceiptConfirmed in the outbox")
                .isEqualTo(1);
    }

    @Test
    void
            a_receipt_dated_before_the_request_or_beyond_the_calendar_or_with_negative_empty_or_repeated_lines_is_refused() {
        UUID request = approvedRequest();
        UUID shipment = UUID.randomUUID();
        dispatched(request, shipment);
        Map<String, Object> fine = receipt(
                shipment,
                List.of(
                        Map.of("itemCode", "FOR-WB-001", "quantityAccepted", 4, "quantityRejected", 0),
                        Map.of("itemCode", "COM-RAD-1", "quantityAccepted", 2, "quantityRejected", 0)));
        refusedReceipt(request, with(fine, "receivedAt", "2001-01-01T00:00:00Z"), "receivedAt");
        refusedReceipt(request, with(fine, "receivedAt", "-999999999-01-01T00:00:00Z"), "receivedAt");
        refusedReceipt(request, with(fine, "lines", List.of()), "lines");
        refusedReceipt(
                request,
                with(
                        fine,
                        "lines",
                        List.of(
                                Map.of(
                                        "itemCode",
                                        "FOR-WB-001",
                                        "quantityAccepted",
                                        5,
                                        "quantityRejected",
                                        -1,
                                        "rejectionReason",
                                        "Counted wrong"),
                                Map.of("itemCode", "COM-RAD-1", "quantityAccepted", 2, "quantityRejected", 0))),
                "lines[0].quantityRejected");
        refusedReceipt(
                request,
                with(
                        fine,
                        "lines",
                        List.of(
                                Map.of("itemCode", "FOR-WB-001", "quantityAccepted", 4, "quantityRejected", 0),
                                Map.of("itemCode", "FOR-WB-001", "quantityAccepted", 4, "quantityRejected", 0),
                                Map.of("itemCode", "COM-RAD-1", "quantityAccepted", 2, "quantityRejected", 0))),
                "lines[1].itemCode");
        refusedReceipt(
                request,
                with(
                        fine,
                        "lines",
                        List.of(
                                Map.of(
                                        "itemCode",
                                        "FOR-WB-001",
                                        "quantityAccepted",
                                        2_147_483_647,
                                        "quantityRejected",
                                        2_147_483_647),
                                Map.of("itemCode", "COM-RAD-1", "quantityAccepted", 2, "quantityRejected", 0))),
                "lines[0].quantityAccepted");
        refusedReceipt(request, with(fine, "receivedBy", "w".repeat(201)), "receivedBy");

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(fine)
                .when()
                .post("/api/v1/requests/" + request + "/receipts")
                .then()
                .statusCode(201);
    }

    @Test
    void a_cancelled_shipment_cannot_be_confirmed() {
        UUID request = approvedRequest();
        UUID shipment = UUID.randomUUID();
        dispatched(request, shipment);
        Events.publish(
                new ShipmentCancelled(
                        request,
                        shipment,
                        "Truck seized at the border",
                        List.of(),
                        false,
                        "logistics-1",
                        OffsetDateTime.now()),
                "/equipment-service");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request + "/shipments")
                        .then()
                        .body("[0].stage", equalTo("CANCELLED")));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(receipt(
                        shipment,
                        List.of(
                                Map.of("itemCode", "FOR-WB-001", "quantityAccepted", 4, "quantityRejected", 0),
                                Map.of("itemCode", "COM-RAD-1", "quantityAccepted", 2, "quantityRejected", 0))))
                .when()
                .post("/api/v1/requests/" + request + "/receipts")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("cancelled"));
    }

    private static void dispatched(UUID request, UUID shipment) {
        plan(request, shipment);
        Events.publish(
                new ShipmentDispatched(request, shipment, "AIR", "Carrier", "TRK-9", null, OffsetDateTime.now()),
                "/equipment-service");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request + "/shipments")
                        .then()
                        .body("[0].stage", equalTo("DISPATCHED")));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new java.util.HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static void refusedReceipt(UUID request, Map<String, Object> body, String field) {
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/requests/" + request + "/receipts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Inject
    DataSource database;

    private long receiptEventsRecorded(UUID request) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        // still in the outbox, or published (the relay keeps a note of each event it removes)
                        "select count(*) from (select event_key, event_type from outbox"
                                + " union all select event_key, event_type from outbox_published) e where event_key = ? "
                                + "and event_type = 'assistance.request.receipt-confirmed.v1'")) {
            query.setString(1, request.toString());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static UUID approvedRequest() {
        UUID request = org.assistance.requestservice.requests.DraftsAccess.submit(AGENCY);
        Events.approved(request, AGENCY, APPROVED_LINES, List.of());
        return request;
    }

    private static void plan(UUID request, UUID shipment) {
        Events.publish(
                new ShipmentPlanned(
                        request,
                        shipment,
                        AGENCY,
                        "KE",
                        "MAIN",
                        List.of(
                                new ShipmentLine(
                                        "FOR-WB-001",
                                        "Write blocker",
                                        "FORENSIC_IT",
                                        false,
                                        4,
                                        new Money(new BigDecimal("1000.00"), "EUR")),
                                new ShipmentLine(
                                        "COM-RAD-1",
                                        "Radio",
                                        "COMMUNICATIONS",
                                        false,
                                        2,
                                        new Money(new BigDecimal("500.00"), "EUR"))),
                        new Money(new BigDecimal("5000.00"), "EUR"),
                        OffsetDateTime.now()),
                "/equipment-service");
    }

    private static Map<String, Object> receipt(UUID shipment, List<Map<String, Object>> lines) {
        return Map.of(
                "shipmentId",
                shipment.toString(),
                "lines",
                lines,
                "receivedBy",
                "Insp. Wanjiru",
                "receivedAt",
                OffsetDateTime.now().toString());
    }
}
