package org.assistance.equipmentservice.shipments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.ShipmentEvents.ImpedimentRecorded;
import org.assistance.chassis.events.ShipmentEvents.ImpedimentResolved;
import org.assistance.chassis.events.Values.Money;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * What stopped or slowed a shipment other than a screening rule: recorded and resolved by
 * logistics, each with its event, read by whoever may read the shipment and no one else.
 */
@QuarkusTest
class ImpedimentsTest {
    private static final List<String> KINDS = List.of(
            "CARRIER_REFUSAL",
            "BANK_REFUSAL",
            "SUPPLIER_REFUSAL",
            "INSURER_REFUSAL",
            "LICENCE_DENIED",
            "LICENCE_DELAYED",
            "OTHER");
    private static final List<String> BASES =
            List.of("UN_SECURITY_COUNCIL", "UNILATERAL_MEASURE", "NATIONAL_EXPORT_CONTROL", "OTHER");
    private static final String LENA = "logistics-lena";

    @Inject
    DataSource database;

    record Planned(UUID request, String shipment) {}

    @Test
    void every_kind_of_impediment_is_recorded_and_published_with_exactly_what_was_recorded() {
        Planned planned = planned("SY", "agency-sy");
        // recorded in Damascus time, three weeks after it happened and on
        OffsetDateTime first =
                OffsetDateTime.now(ZoneOffset.ofHours(3)).minusDays(21).truncatedTo(ChronoUnit.SECONDS);
        List<ImpedimentRecorded> expected = new ArrayList<>();
        List<OffsetDateTime[]> recordedBetween = new ArrayList<>();
        for (int i = 0; i < KINDS.size(); i++) {
            String kind = KINDS.get(i);
            String basis = BASES.get(i % BASES.size());
            OffsetDateTime occurredAt = first.plusDays(i).plusNanos(123_456_000L);
            OffsetDateTime resolvedAt = i % 2 == 0 ? occurredAt.plusDays(3).plusHours(5) : null;
            Money cost = i % 3 == 0 ? new Money(new BigDecimal("1250.50"), i == 0 ? "USD" : "EUR") : null;
            Map<String, Object> body = new HashMap<>();
            body.put("kind", kind);
            body.put("party", "  Party of " + kind + " ");
            body.put("basis", basis);
            body.put("occurredAt", occurredAt.toString());
            if (resolvedAt != null) {
                body.put("resolvedAt", resolvedAt.toString());
            }
            body.put("note", "What " + kind + " said");
            if (cost != null) {
                body.put("extraCost", Map.of("amount", "1250.5", "currency", cost.currency()));
            }
            OffsetDateTime before = OffsetDateTime.now();
            Response created = record(planned.shipment(), body, Tokens.person(LENA, "logistics"));
            String id = created.then()
                    .statusCode(201)
                    .body("kind", equalTo(kind))
                    .body("party", equalTo("Party of " + kind))
                    .body("basis", equalTo(basis))
                    .body("recordedBy", equalTo(LENA))
                    .body("shipmentId", equalTo(planned.shipment()))
                    .extract()
                    .path("id");
            assertThat(created.header("Location"))
                    .endsWith("/api/v1/shipments/" + planned.shipment() + "/impediments/" + id);
            recordedBetween.add(new OffsetDateTime[] {before, OffsetDateTime.now()});
            expected.add(new ImpedimentRecorded(
                    planned.request(),
                    UUID.fromString(planned.shipment()),
                    UUID.fromString(id),
                    "SY",
                    kind,
                    "Party of " + kind,
                    basis,
                    occurredAt,
                    resolvedAt,
                    "What " + kind + " said",
                    cost,
                    LENA,
                    null));
        }

        List<ImpedimentRecorded> published = events(planned.request(), 1 + KINDS.size()).stream()
                .filter(ImpedimentRecorded.class::isInstance)
                .map(ImpedimentRecorded.class::cast)
                .toList();
        assertThat(published).hasSize(KINDS.size());
        for (int i = 0; i < KINDS.size(); i++) {
            ImpedimentRecorded event = published.get(i);
            assertThat(event)
                    .usingRecursiveComparison()
                    .withComparatorForType(Comparator.comparing(OffsetDateTime::toInstant), OffsetDateTime.class)
                    .ignoringFields("recordedAt")
                    .isEqualTo(expected.get(i));
            assertThat(event.recordedAt())
                    .isBetween(recordedBetween.get(i)[0], recordedBetween.get(i)[1]);
            if (event.extraCost() != null) {
                assertThat(event.extraCost().amount()).isEqualTo(new BigDecimal("1250.50"));
            }
        }

        // the shipment lists them in the order they occurred, as stored (to the microsecond)
        Response shipment =
                given().auth().oauth2(Tokens.role("operations")).when().get("/api/v1/shipments/" + planned.shipment());
        shipment.then().statusCode(200).body("impediments.size()", equalTo(KINDS.size()));
        List<Map<String, Object>> listed = shipment.jsonPath().getList("impediments");
        for (int i = 0; i < KINDS.size(); i++) {
            Map<String, Object> impediment = listed.get(i);
            ImpedimentRecorded event = published.get(i);
            assertThat(impediment)
                    .containsEntry("id", event.impedimentId().toString())
                    .containsEntry("kind", event.kind())
                    .containsEntry("party", event.party())
                    .containsEntry("basis", event.basis())
                    .containsEntry("note", event.note())
                    .containsEntry("recordedBy", LENA);
            assertThat(OffsetDateTime.parse((String) impediment.get("occurredAt")))
                    .isAtSameInstantAs(event.occurredAt());
            assertThat(OffsetDateTime.parse((String) impediment.get("recordedAt")))
                    .isAtSameInstantAs(event.recordedAt());
            if (event.resolvedAt() == null) {
                assertThat(impediment.get("resolvedAt")).isNull();
            } else {
                assertThat(OffsetDateTime.parse((String) impediment.get("resolvedAt")))
                        .isAtSameInstantAs(event.resolvedAt());
            }
        }
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/shipments/" + planned.shipment() + "/impediments/"
                        + published.get(0).impedimentId())
                .then()
                .statusCode(200)
                .body("kind", equalTo("CARRIER_REFUSAL"))
                .body("extraCost.amount", equalTo(1250.50f))
                .body("extraCost.currency", equalTo("USD"));
    }

    @Test
    void an_impediment_is_resolved_once_with_what_it_cost_in_the_end() {
        Planned planned = planned("IR", "agency-ir");
        OffsetDateTime occurred = OffsetDateTime.now().minusDays(10).truncatedTo(ChronoUnit.SECONDS);
        String carrier = record(
                        planned.shipment(),
                        Map.of(
                                "kind",
                                "CARRIER_REFUSAL",
                                "party",
                                "Example Ocean Lines",
                                "basis",
                                "UNILATERAL_MEASURE",
                                "occurredAt",
                                occurred.toString(),
                                "extraCost",
                                Map.of("amount", "800.00", "currency", "EUR")),
                        Tokens.role("logistics"))
                .then()
                .statusCode(201)
                .body("resolvedAt", nullValue())
                .extract()
                .path("id");
        String bank = record(
                        planned.shipment(),
                        Map.of(
                                "kind",
                                "BANK_REFUSAL",
                                "party",
                                "Example Bank AG",
                                "basis",
                                "OTHER",
                                "occurredAt",
                                occurred.plusDays(1).toString()),
                        Tokens.person("admin-ada", "admin"))
                .then()
                .statusCode(201)
                .body("recordedBy", equalTo("admin-ada"))
                .extract()
                .path("id");

        // no new amount: the one recorded stands
        OffsetDateTime carrierResolved = occurred.plusDays(4);
        resolve(
                        planned.shipment(),
                        carrier,
                        Map.of("resolvedAt", carrierResolved.toString(), "note", "Another carrier took it"),
                        Tokens.person(LENA, "logistics"))
                .then()
                .statusCode(200)
                .body("resolvedBy", equalTo(LENA))
                .body("resolutionNote", equalTo("Another carrier took it"))
                .body("extraCost.amount", equalTo(800.00f))
                .body("resolutionRecordedAt", notNullValue());
        resolve(planned.shipment(), carrier, Map.of("resolvedAt", carrierResolved.toString()), Tokens.role("logistics"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // a new amount replaces none
        OffsetDateTime bankResolved = occurred.plusDays(6);
        resolve(
                        planned.shipment(),
                        bank,
                        Map.of(
                                "resolvedAt",
                                bankResolved.toString(),
                                "extraCost",
                                Map.of("amount", "95", "currency", "CHF")),
                        Tokens.person("admin-ada", "admin"))
                .then()
                .statusCode(200)
                .body("extraCost.currency", equalTo("CHF"));
        // recorded as resolved already: nothing left to resolve
        String resolvedAtOnce = record(
                        planned.shipment(),
                        Map.of(
                                "kind",
                                "LICENCE_DELAYED",
                                "party",
                                "Export Control Agency",
                                "basis",
                                "NATIONAL_EXPORT_CONTROL",
                                "occurredAt",
                                occurred.toString(),
                                "resolvedAt",
                                occurred.plusDays(9).toString()),
                        Tokens.role("logistics"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        resolve(
                        planned.shipment(),
                        resolvedAtOnce,
                        Map.of("resolvedAt", OffsetDateTime.now().toString()),
                        Tokens.role("logistics"))
                .then()
                .statusCode(409);
        // unknown impediments, and one of another shipment, are not found
        resolve(
                        planned.shipment(),
                        UUID.randomUUID().toString(),
                        Map.of("resolvedAt", OffsetDateTime.now().toString()),
                        Tokens.role("logistics"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Planned other = planned("IR", "agency-ir");
        resolve(
                        other.shipment(),
                        carrier,
                        Map.of("resolvedAt", OffsetDateTime.now().toString()),
                        Tokens.role("logistics"))
                .then()
                .statusCode(404);

        List<AssistanceEvent> events = events(planned.request(), 1 + 3 + 2);
        List<ImpedimentResolved> resolved = events.stream()
                .filter(ImpedimentResolved.class::isInstance)
                .map(ImpedimentResolved.class::cast)
                .toList();
        assertThat(resolved).hasSize(2);
        assertThat(resolved.get(0))
                .usingRecursiveComparison()
                .withComparatorForType(Comparator.comparing(OffsetDateTime::toInstant), OffsetDateTime.class)
                .ignoringFields("recordedAt")
                .isEqualTo(new ImpedimentResolved(
                        planned.request(),
                        UUID.fromString(planned.shipment()),
                        UUID.fromString(carrier),
                        carrierResolved,
                        new Money(new BigDecimal("800.00"), "EUR"),
                        "Another carrier took it",
                        LENA,
                        null));
        assertThat(resolved.get(1))
                .usingRecursiveComparison()
                .withComparatorForType(Comparator.comparing(OffsetDateTime::toInstant), OffsetDateTime.class)
                .ignoringFields("recordedAt")
                .isEqualTo(new ImpedimentResolved(
                        planned.request(),
                        UUID.fromString(planned.shipment()),
                        UUID.fromString(bank),
                        bankResolved,
                        new Money(new BigDecimal("95.00"), "CHF"),
                        null,
                        "admin-ada",
                        null));
        assertThat(resolved).allSatisfy(r -> assertThat(r.recordedAt()).isNotNull());
    }

    @Test
    void bad_impediments_are_refused_with_no_row_and_no_event() {
        Planned planned = planned("CU", "agency-cu");
        OffsetDateTime occurred = OffsetDateTime.now().minusDays(3);
        Map<String, Object> good = Map.of(
                "kind",
                "SUPPLIER_REFUSAL",
                "party",
                "Example Electronics GmbH",
                "basis",
                "UNILATERAL_MEASURE",
                "occurredAt",
                occurred.toString());
        List<Map<String, Object>> bad = List.of(
                with(good, "resolvedAt", occurred.minusSeconds(1).toString()),
                with(good, "occurredAt", OffsetDateTime.now().plusDays(1).toString()),
                with(good, "resolvedAt", OffsetDateTime.now().plusDays(1).toString()),
                with(good, "kind", "CUSTOMS_STRIKE"),
                with(good, "kind", null),
                with(good, "basis", "SANCTIONS"),
                with(good, "basis", null),
                with(good, "party", " "),
                with(good, "party", "P".repeat(201)),
                with(good, "occurredAt", null),
                with(good, "occurredAt", "last Tuesday"),
                with(good, "note", "N".repeat(2_001)),
                with(good, "extraCost", Map.of("amount", "0", "currency", "EUR")),
                with(good, "extraCost", Map.of("amount", "-10.00", "currency", "EUR")),
                with(good, "extraCost", Map.of("amount", "10.001", "currency", "EUR")),
                with(good, "extraCost", Map.of("amount", "10.00", "currency", "EURO")),
                with(good, "extraCost", Map.of("amount", "10.00")));
        for (Map<String, Object> body : bad) {
            record(planned.shipment(), body, Tokens.role("logistics"))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        record(
                        planned.shipment(),
                        with(good, "resolvedAt", occurred.minusSeconds(1).toString()),
                        Tokens.role("logistics"))
                .then()
                .body("errors.field", hasItem("resolvedAt"));
        record(UUID.randomUUID().toString(), good, Tokens.role("logistics"))
                .then()
                .statusCode(404);
        assertThat(rows(planned.shipment())).isZero();

        String id = record(planned.shipment(), good, Tokens.role("logistics"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("resolvedAt", occurred.minusMinutes(1).toString()),
                Map.<String, Object>of(
                        "resolvedAt", OffsetDateTime.now().plusHours(1).toString()),
                Map.<String, Object>of("note", "no date"),
                Map.<String, Object>of(
                        "resolvedAt",
                        OffsetDateTime.now().toString(),
                        "extraCost",
                        Map.of("amount", "0.00", "currency", "EUR")))) {
            resolve(planned.shipment(), id, body, Tokens.role("logistics"))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/shipments/" + planned.shipment() + "/impediments")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].resolvedAt", nullValue());
        assertThat(rows(planned.shipment())).isEqualTo(1);

        // what follows the refused calls is all that was published
        resolve(
                        planned.shipment(),
                        id,
                        Map.of("resolvedAt", OffsetDateTime.now().toString()),
                        Tokens.role("logistics"))
                .then()
                .statusCode(200);
        assertThat(events(planned.request(), 3))
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ShipmentPlanned", "ImpedimentRecorded", "ImpedimentResolved");
    }

    @Test
    void only_logistics_and_admins_record_and_only_those_who_may_read_the_shipment_read_them() {
        Planned zambia = planned("ZM", "agency-zm");
        Planned malawi = planned("MW", "agency-mw");
        Map<String, Object> body = Map.of(
                "kind",
                "INSURER_REFUSAL",
                "party",
                "Example Marine Insurance",
                "basis",
                "UNILATERAL_MEASURE",
                "occurredAt",
                OffsetDateTime.now().minusDays(1).toString());
        for (String token : List.of(
                Tokens.partner("agency-zm"),
                Tokens.focalPoint("ZM"),
                Tokens.role("reviewer"),
                Tokens.role("operations"),
                Tokens.donor("donor-zm"))) {
            record(zambia.shipment(), body, token).then().statusCode(403);
        }
        assertThat(rows(zambia.shipment())).isZero();
        String id = record(zambia.shipment(), body, Tokens.role("logistics"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        resolve(
                        zambia.shipment(),
                        id,
                        Map.of("resolvedAt", OffsetDateTime.now().toString()),
                        Tokens.partner("agency-zm"))
                .then()
                .statusCode(403);
        resolve(zambia.shipment(), id, Map.of("resolvedAt", OffsetDateTime.now().toString()), Tokens.focalPoint("ZM"))
                .then()
                .statusCode(403);

        for (String token : List.of(
                Tokens.role("logistics"),
                Tokens.role("operations"),
                Tokens.role("admin"),
                Tokens.role("reviewer"),
                Tokens.partner("agency-zm"),
                Tokens.focalPoint("ZM"))) {
            impediments(zambia.shipment(), token)
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].id", equalTo(id));
            impediment(zambia.shipment(), id, token).then().statusCode(200);
        }
        // another agency's partner and another State's focal point: as if it did not exist
        for (String token : List.of(Tokens.partner("agency-mw"), Tokens.focalPoint("MW"))) {
            impediments(zambia.shipment(), token).then().statusCode(404).contentType("application/problem+json");
            impediment(zambia.shipment(), id, token).then().statusCode(404);
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/shipments/" + zambia.shipment())
                    .then()
                    .statusCode(404);
        }
        impediments(zambia.shipment(), Tokens.donor("donor-zm")).then().statusCode(403);
        impediment(malawi.shipment(), id, Tokens.role("logistics")).then().statusCode(404);
        impediments(UUID.randomUUID().toString(), Tokens.role("logistics"))
                .then()
                .statusCode(404);
    }

    @Test
    void a_focal_point_reads_the_shipments_to_its_state_and_no_other() {
        Planned mine = planned("ZW", "agency-zw-1");
        Planned mineFromAnotherAgency = planned("ZW", "agency-zw-2");
        Planned theirs = planned("NA", "agency-na");

        given().auth()
                .oauth2(Tokens.focalPoint("ZW"))
                .when()
                .get("/api/v1/shipments")
                .then()
                .statusCode(200)
                .body("destinationCountry", everyItem(equalTo("ZW")))
                .body("id", hasItem(mine.shipment()))
                .body("id", hasItem(mineFromAnotherAgency.shipment()))
                .body("id", not(hasItem(theirs.shipment())));
        given().auth()
                .oauth2(Tokens.focalPoint("ZW"))
                .when()
                .get("/api/v1/shipments?requestId=" + theirs.request())
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(Tokens.focalPoint("ZW"))
                .when()
                .get("/api/v1/shipments/" + mine.shipment())
                .then()
                .statusCode(200)
                .body("destinationCountry", equalTo("ZW"))
                .body("impediments.size()", equalTo(0));
        given().auth()
                .oauth2(Tokens.focalPoint("ZW"))
                .when()
                .get("/api/v1/shipments/" + theirs.shipment())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.focalPoint("NA"))
                .when()
                .get("/api/v1/shipments")
                .then()
                .statusCode(200)
                .body("destinationCountry", everyItem(equalTo("NA")))
                .body("id", hasItem(theirs.shipment()));
        // a focal point does not act on shipments
        given().auth()
                .oauth2(Tokens.focalPoint("ZW"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Not wanted"))
                .when()
                .post("/api/v1/shipments/" + mine.shipment() + "/cancellation")
                .then()
                .statusCode(403);
    }

    @Test
    void a_cancelled_shipment_takes_the_refusal_that_caused_its_cancellation_but_nothing_after_it() {
        Planned planned = planned("VE", "agency-ve");
        OffsetDateTime refused = OffsetDateTime.now().minusDays(2);
        OffsetDateTime cancelledAt = OffsetDateTime.parse(given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "No carrier would take it"))
                .when()
                .post("/api/v1/shipments/" + planned.shipment() + "/cancellation")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelledAt", notNullValue())
                .extract()
                .path("cancelledAt"));

        record(
                        planned.shipment(),
                        Map.of(
                                "kind",
                                "CARRIER_REFUSAL",
                                "party",
                                "Example Air Cargo",
                                "basis",
                                "UNILATERAL_MEASURE",
                                "occurredAt",
                                refused.toString(),
                                "note",
                                "Every carrier asked declined the route"),
                        Tokens.role("logistics"))
                .then()
                .statusCode(201);
        record(
                        planned.shipment(),
                        Map.of(
                                "kind",
                                "BANK_REFUSAL",
                                "party",
                                "Example Bank",
                                "basis",
                                "OTHER",
                                "occurredAt",
                                OffsetDateTime.now().toString()),
                        Tokens.role("logistics"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertThat(rows(planned.shipment())).isEqualTo(1);
        given().auth()
                .oauth2(Tokens.partner("agency-ve"))
                .when()
                .get("/api/v1/shipments/" + planned.shipment())
                .then()
                .statusCode(200)
                .body("impediments.size()", equalTo(1))
                .body("impediments[0].kind", equalTo("CARRIER_REFUSAL"));
        // the list shows each shipment with its own impediments
        given().auth()
                .oauth2(Tokens.focalPoint("VE"))
                .when()
                .get("/api/v1/shipments?requestId=" + planned.request())
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].impediments.size()", equalTo(1))
                .body("[0].impediments[0].party", equalTo("Example Air Cargo"))
                .body("[0].cancelledAt", notNullValue());
        assertThat(cancelledAt).isAfter(refused);
    }

    private static Planned planned(String country, String agency) {
        String warehouse = Logistics.unique("W");
        String kit = Logistics.unique("TRM");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(kit, "TRAINING_MATERIAL", false, "25.00");
        Logistics.stock(warehouse, kit, 5);
        UUID request = Logistics.approve(country, agency, Map.of(kit, 2));
        return new Planned(
                request, (String) Logistics.awaitShipments(request, 1).get(0).get("id"));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    private static Response record(String shipment, Map<String, Object> body, String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/shipments/" + shipment + "/impediments");
    }

    private static Response resolve(String shipment, String impediment, Map<String, Object> body, String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/shipments/" + shipment + "/impediments/" + impediment + "/resolution");
    }

    private static Response impediments(String shipment, String token) {
        return given().auth().oauth2(token).when().get("/api/v1/shipments/" + shipment + "/impediments");
    }

    private static Response impediment(String shipment, String id, String token) {
        return given().auth().oauth2(token).when().get("/api/v1/shipments/" + shipment + "/impediments/" + id);
    }

    private static List<AssistanceEvent> events(UUID request, int atLeast) {
        return Logistics.shipmentEvents(request, atLeast).stream()
                .map(e -> e.data())
                .toList();
    }

    private long rows(String shipment) {
        try (Connection connection = database.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from shipment_impediments where shipment_id = ?")) {
            count.setObject(1, UUID.fromString(shipment));
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
