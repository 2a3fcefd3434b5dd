package org.assistance.requestservice.receipts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventCodec;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.requestservice.requests.DraftsAccess;
import org.assistance.requestservice.requests.Events;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * equipment-service records a serial number per unit at dispatch; the partner's receipt confirms
 * them: the units it accepts of a line are named by serial when it rejects any, every dispatched
 * unit counts as accepted when it rejects none, and dispatches written before serials keep being
 * confirmed by quantity alone.
 */
@QuarkusTest
class ConfirmingSerialNumbersAtReceiptTest {
    private static final String AGENCY = "agency-serials";
    private static final String WRITE_BLOCKER = "FOR-WB-001";
    private static final String RADIO = "COM-RAD-1";
    private static final List<EquipmentLine> APPROVED_LINES = List.of(
            new EquipmentLine(WRITE_BLOCKER, 4, "One per regional forensic lab"),
            new EquipmentLine(RADIO, 2, "Field teams"));

    @Inject
    DataSource database;

    @Test
    void every_unit_of_a_line_that_rejects_nothing_is_accepted_without_naming_its_serials() throws Exception {
        UUID request = approvedRequest();
        UUID shipment = UUID.randomUUID();
        List<String> serials = serials(shipment, 4);
        dispatchedWithSerials(request, shipment, serials);

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/shipments")
                .then()
                .statusCode(200)
                .body("[0].units.itemCode", contains(WRITE_BLOCKER, WRITE_BLOCKER, WRITE_BLOCKER, WRITE_BLOCKER))
                .body("[0].units.serialNumber", contains(serials.toArray()));

        OffsetDateTime receivedAt = receivedAt();
        confirm(
                        request,
                        receipt(
                                shipment,
                                receivedAt,
                                line(WRITE_BLOCKER, 4, 0, null, null),
                                line(RADIO, 2, 0, null, null)))
                .statusCode(201)
                .body("lines[0].serialsAccepted", contains(serials.toArray()))
                .body("lines[1].serialsAccepted", nullValue());

        ReceiptConfirmed confirmed = receiptConfirmed(request);
        assertThat(confirmed.requestId()).isEqualTo(request);
        assertThat(confirmed.agencyId()).isEqualTo(AGENCY);
        assertThat(confirmed.shipmentId()).isEqualTo(shipment);
        assertThat(confirmed.receivedBy()).isEqualTo("Insp. Wanjiru");
        assertThat(confirmed.receivedAt()).isAtSameInstantAs(receivedAt);
        assertThat(confirmed.lines())
                .containsExactly(
                        new ReceiptLine(WRITE_BLOCKER, 4, 0, null, serials), new ReceiptLine(RADIO, 2, 0, null, null));
    }

    @Test
    void a_line_that_rejects_units_names_the_serials_it_accepts() throws Exception {
        UUID request = approvedRequest();
        UUID shipment = UUID.randomUUID();
        List<String> serials = serials(shipment, 4);
        dispatchedWithSerials(request, shipment, serials);
        OffsetDateTime receivedAt = receivedAt();

        confirm(
                        request,
                        receipt(
                                shipment,
                                receivedAt,
                                line(WRITE_BLOCKER, 3, 1, "Damaged in transit", null),
                                line(RADIO, 2, 0, null, null)))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://assistance.example/problems/serials-to-confirm"))
                .body(
                        "detail",
                        equalTo("Item FOR-WB-001 was dispatched with serial numbers and 1 of its units are rejected:"
                                + " name the 3 accepted in serialsAccepted (dispatched: " + String.join(", ", serials)
                                + ")"));
        assertNothingRecorded(request, shipment);

        List<String> accepted = List.of(serials.get(3), serials.get(0), serials.get(1));
        confirm(
                        request,
                        receipt(
                                shipment,
                                receivedAt,
                                line(WRITE_BLOCKER, 3, 1, "Damaged in transit", accepted),
                                line(RADIO, 2, 0, null, null)))
                .statusCode(201)
                .body("lines[0].serialsAccepted", contains(accepted.toArray()));

        ReceiptConfirmed confirmed = receiptConfirmed(request);
        assertThat(confirmed.shipmentId()).isEqualTo(shipment);
        assertThat(confirmed.lines())
                .containsExactly(
                        new ReceiptLine(WRITE_BLOCKER, 3, 1, "Damaged in transit", accepted),
                        new ReceiptLine(RADIO, 2, 0, null, null));
        assertThat(receiptRows(shipment)).isEqualTo(1);
    }

    @Test
    void every_unit_rejected_is_confirmed_without_naming_any() throws Exception {
        UUID request = approvedRequest();
        UUID shipment = UUID.randomUUID();
        dispatchedWithSerials(request, shipment, serials(shipment, 4));

        confirm(
                        request,
                        receipt(
                                shipment,
                                receivedAt(),
                                line(WRITE_BLOCKER, 0, 4, "Wrong model", null),
                                line(RADIO, 2, 0, null, null)))
                .statusCode(201);

        assertThat(receiptConfirmed(request).lines())
                .containsExactly(
                        new ReceiptLine(WRITE_BLOCKER, 0, 4, "Wrong model", List.of()),
                        new ReceiptLine(RADIO, 2, 0, null, null));
    }

    @Test
    void serials_not_dispatched_in_this_shipment_a_wrong_count_or_serials_of_an_item_without_any_are_refused()
            throws Exception {
        UUID request = approvedRequest();
        UUID shipment = UUID.randomUUID();
        List<String> serials = serials(shipment, 4);
        dispatchedWithSerials(request, shipment, serials);
        UUID other = UUID.randomUUID();
        List<String> otherSerials = serials(other, 4);
        dispatchedWithSerials(request, other, otherSerials);
        OffsetDateTime receivedAt = receivedAt();

        refused(
                request,
                receipt(
                        shipment,
                        receivedAt,
                        line(WRITE_BLOCKER, 3, 1, "Lost", List.of(serials.get(0), "SN-NEVER-SHIPPED", serials.get(1))),
                        line(RADIO, 2, 0, null, null)),
                "serial-not-dispatched",
                "Item FOR-WB-001: SN-NEVER-SHIPPED was not dispatched as FOR-WB-001 in shipment " + shipment);
        refused(
                request,
                receipt(
                        shipment,
                        receivedAt,
                        line(
                                WRITE_BLOCKER,
                                3,
                                1,
                                "Lost",
                                List.of(serials.get(0), otherSerials.get(0), otherSerials.get(1))),
                        line(RADIO, 2, 0, null, null)),
                "serial-not-dispatched",
                "Item FOR-WB-001: " + otherSerials.get(0) + ", " + otherSerials.get(1)
                        + " were not dispatched as FOR-WB-001 in shipment " + shipment);
        refused(
                request,
                receipt(
                        shipment,
                        receivedAt,
                        line(WRITE_BLOCKER, 3, 1, "Lost", List.of(serials.get(0), serials.get(1))),
                        line(RADIO, 2, 0, null, null)),
                "serial-count-mismatch",
                "Item FOR-WB-001: serialsAccepted must name the 3 units accepted, each once;"
                        + " expected 3 distinct serial numbers, got 2");
        refused(
                request,
                receipt(
                        shipment,
                        receivedAt,
                        line(WRITE_BLOCKER, 3, 1, "Lost", List.of(serials.get(0), serials.get(1), serials.get(0))),
                        line(RADIO, 2, 0, null, null)),
                "serial-count-mismatch",
                "Item FOR-WB-001: serialsAccepted must name the 3 units accepted, each once;"
                        + " expected 3 distinct serial numbers, got 2 (named more than once: " + serials.get(0) + ")");
        refused(
                request,
                receipt(
                        shipment,
                        receivedAt,
                        line(WRITE_BLOCKER, 4, 0, null, null),
                        line(RADIO, 2, 0, null, List.of(serials.get(2), serials.get(3)))),
                "serials-not-recorded",
                "Item COM-RAD-1 of shipment " + shipment
                        + " was dispatched without serial numbers: leave its serialsAccepted out");
        // two lines breaking rules: the first one's kind, both named
        refused(
                request,
                receipt(
                        shipment,
                        receivedAt,
                        line(WRITE_BLOCKER, 3, 1, "Lost", null),
                        line(RADIO, 2, 0, null, List.of(serials.get(2)))),
                "serials-to-confirm",
                "Item FOR-WB-001 was dispatched with serial numbers and 1 of its units are rejected: name the 3"
                        + " accepted in serialsAccepted (dispatched: " + String.join(", ", serials) + "); Item"
                        + " COM-RAD-1 of shipment " + shipment
                        + " was dispatched without serial numbers: leave its serialsAccepted out");
        assertNothingRecorded(request, shipment);

        confirm(
                        request,
                        receipt(
                                shipment,
                                receivedAt,
                                line(WRITE_BLOCKER, 3, 1, "Lost", serials.subList(0, 3)),
                                line(RADIO, 2, 0, null, null)))
                .statusCode(201);
        assertThat(receiptConfirmed(request).lines())
                .containsExactly(
                        new ReceiptLine(WRITE_BLOCKER, 3, 1, "Lost", serials.subList(0, 3)),
                        new ReceiptLine(RADIO, 2, 0, null, null));
    }

    @Test
    void serials_that_no_dispatch_could_have_recorded_or_too_many_of_them_are_invalid_input() throws Exception {
        UUID request = approvedRequest();
        UUID shipment = UUID.randomUUID();
        List<String> serials = serials(shipment, 4);
        dispatchedWithSerials(request, shipment, serials);
        OffsetDateTime receivedAt = receivedAt();

        invalid(
                request,
                receipt(
                        shipment,
                        receivedAt,
                        line(WRITE_BLOCKER, 3, 1, "Lost", List.of(serials.get(0), "S".repeat(65), serials.get(1))),
                        line(RADIO, 2, 0, null, null)),
                "lines[0].serialsAccepted[1]");
        invalid(
                request,
                receipt(
                        shipment,
                        receivedAt,
                        line(WRITE_BLOCKER, 3, 1, "Lost", List.of(serials.get(0), "has space", serials.get(1))),
                        line(RADIO, 2, 0, null, null)),
                "lines[0].serialsAccepted[1]");
        invalid(
                request,
                receipt(
                        shipment,
                        receivedAt,
                        line(
                                WRITE_BLOCKER,
                                3,
                                1,
                                "Lost",
                                IntStream.range(0, 10_001)
                                        .mapToObj(n -> "X" + n)
                                        .toList()),
                        line(RADIO, 2, 0, null, null)),
                "lines[0].serialsAccepted");
        assertNothingRecorded(request, shipment);
    }

    @Test
    void a_shipment_dispatched_before_serials_were_recorded_is_confirmed_by_quantities_as_before() throws Exception {
        UUID request = approvedRequest();
        UUID shipment = UUID.randomUUID();
        plan(request, shipment);
        // a dispatch event as equipment-service wrote it before serial numbers: no units at all
        Events.publish(
                new ShipmentDispatched(request, shipment, "AIR", "Carrier", "TRK-OLD", null, OffsetDateTime.now()),
                "/equipment-service");
        awaitDispatched(request);
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/shipments")
                .then()
                .body("[0].units", empty());

        confirm(
                        request,
                        receipt(
                                shipment,
                                receivedAt(),
                                line(WRITE_BLOCKER, 3, 1, "Damaged in transit", null),
                                line(RADIO, 2, 0, null, List.of())))
                .statusCode(201)
                .body("lines[0].serialsAccepted", nullValue())
                .body("lines[1].serialsAccepted", nullValue());

        assertThat(receiptConfirmed(request).lines())
                .containsExactly(
                        new ReceiptLine(WRITE_BLOCKER, 3, 1, "Damaged in transit", null),
                        new ReceiptLine(RADIO, 2, 0, null, null));
    }

    @Test
    void a_repeated_dispatch_event_records_each_unit_once() {
        UUID request = approvedRequest();
        UUID shipment = UUID.randomUUID();
        List<String> serials = serials(shipment, 4);
        dispatchedWithSerials(request, shipment, serials);
        // equipment-service publishes the same dispatch again (a new event id), then the delivery: once the
        // delivery shows, the repeated dispatch before it (same request, same partition) was applied too
        Events.publish(dispatch(request, shipment, serials), "/equipment-service");
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
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/shipments")
                .then()
                .body("[0].units.serialNumber", contains(serials.toArray()));
    }

    private static List<String> serials(UUID shipment, int units) {
        String prefix = "SN-" + shipment.toString().substring(0, 8).toUpperCase() + "-";
        return IntStream.rangeClosed(1, units).mapToObj(n -> prefix + n).toList();
    }

    private static ShipmentDispatched dispatch(UUID request, UUID shipment, List<String> serials) {
        return new ShipmentDispatched(
                request,
                shipment,
                "AIR",
                "Carrier",
                "TRK-SN",
                null,
                OffsetDateTime.now(),
                null,
                serials.stream().map(s -> new UnitSerial(WRITE_BLOCKER, s)).toList());
    }

    /** The write blockers are dispatched with serial numbers, the radios (not monitored) without. */
    private static void dispatchedWithSerials(UUID request, UUID shipment, List<String> serials) {
        plan(request, shipment);
        Events.publish(dispatch(request, shipment, serials), "/equipment-service");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request + "/shipments")
                        .then()
                        .body("find { it.shipmentId == '" + shipment + "' }.stage", equalTo("DISPATCHED")));
    }

    private static void awaitDispatched(UUID request) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request + "/shipments")
                        .then()
                        .body("[0].stage", equalTo("DISPATCHED")));
    }

    private static ValidatableResponse confirm(UUID request, Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/requests/" + request + "/receipts")
                .then();
    }

    private static void refused(UUID request, Map<String, Object> body, String slug, String detail) {
        confirm(request, body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://assistance.example/problems/" + slug))
                .body("detail", equalTo(detail));
    }

    private static void invalid(UUID request, Map<String, Object> body, String field) {
        confirm(request, body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(startsWith(field)));
    }

    /** The refused receipts left no receipt, no event, and the shipment still waiting for its receipt. */
    private void assertNothingRecorded(UUID request, UUID shipment) throws Exception {
        assertThat(receiptRows(shipment)).isZero();
        assertThat(receiptEventsRecorded(request)).isZero();
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/shipments")
                .then()
                .body("find { it.shipmentId == '" + shipment + "' }.stage", equalTo("DISPATCHED"));
    }

    private static ReceiptConfirmed receiptConfirmed(UUID request) {
        var records = BrokerClient.await(
                Topics.REQUESTS,
                r -> request.toString().equals(r.key())
                        && "assistance.request.receipt-confirmed.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        CloudEvent<?> event = EventCodec.decode(records.get(0));
        return (ReceiptConfirmed) event.data();
    }

    private long receiptRows(UUID shipment) throws Exception {
        return count("select count(*) from receipts where shipment_id = ?", shipment);
    }

    private long receiptEventsRecorded(UUID request) throws Exception {
        // still in the outbox, or published (the relay keeps a note of each event it removes)
        return count(
                "select count(*) from (select event_key, event_type from outbox"
                        + " union all select event_key, event_type from outbox_published) e where event_key = ?"
                        + " and event_type = 'assistance.request.receipt-confirmed.v1'",
                request.toString());
    }

    private long count(String sql, Object parameter) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static UUID approvedRequest() {
        UUID request = DraftsAccess.submit(AGENCY);
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
                                        WRITE_BLOCKER,
                                        "Write blocker",
                                        "FORENSIC_IT",
                                        true,
                                        4,
                                        new Money(new BigDecimal("1000.00"), "EUR")),
                                new ShipmentLine(
                                        RADIO,
                                        "Radio",
                                        "COMMUNICATIONS",
                                        false,
                                        2,
                                        new Money(new BigDecimal("500.00"), "EUR"))),
                        new Money(new BigDecimal("5000.00"), "EUR"),
                        OffsetDateTime.now()),
                "/equipment-service");
    }

    /** Now: the request was submitted moments ago, and a receipt may not be dated before it. */
    private static OffsetDateTime receivedAt() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static Map<String, Object> line(
            String itemCode, int accepted, int rejected, String reason, List<String> serialsAccepted) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("itemCode", itemCode);
        line.put("quantityAccepted", accepted);
        line.put("quantityRejected", rejected);
        if (reason != null) {
            line.put("rejectionReason", reason);
        }
        if (serialsAccepted != null) {
            line.put("serialsAccepted", serialsAccepted);
        }
        return line;
    }

    @SafeVarargs
    private static Map<String, Object> receipt(UUID shipment, OffsetDateTime receivedAt, Map<String, Object>... lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("shipmentId", shipment.toString());
        body.put("lines", new ArrayList<>(List.of(lines)));
        body.put("receivedBy", "Insp. Wanjiru");
        body.put("receivedAt", receivedAt.toString());
        return Collections.unmodifiableMap(body);
    }
}
