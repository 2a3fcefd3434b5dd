package org.assistance.equipmentservice.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.ShipmentEvents.EndUseCheckRecorded;
import org.assistance.equipmentservice.Logistics;
import org.assistance.equipmentservice.SettableClock;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks of a monitored unit's end use: when they fall due, when one is overdue, and who records and reads them. */
@QuarkusTest
class EndUseChecksTest {
    private static final String LOGISTICS = Tokens.role("logistics");

    @Inject
    SettableClock clock;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void a_check_falls_due_six_months_after_delivery_is_overdue_the_day_after_and_met_by_the_first_check() {
        Shipped shipped = Shipped.dualUse("KE", "agency-ke", 1);
        OffsetDateTime deliveredAt = OffsetDateTime.now(ZoneOffset.UTC);
        shipped.delivered(deliveredAt);
        String serial = shipped.serial(0);
        LocalDate sixMonths = deliveredAt.toLocalDate().plusMonths(6);
        LocalDate twelveMonths = deliveredAt.toLocalDate().plusMonths(12);

        clock.today(sixMonths);
        Shipped.asset(LOGISTICS, serial)
                .then()
                .statusCode(200)
                .body("nextCheckDue", equalTo(sixMonths.toString()))
                .body("overdue", equalTo(false));
        assertThat(serials("?requestId=" + shipped.request() + "&overdue=true")).isEmpty();

        clock.today(sixMonths.plusDays(1));
        Shipped.asset(LOGISTICS, serial).then().body("overdue", equalTo(true));
        assertThat(serials("?requestId=" + shipped.request() + "&overdue=true")).containsExactly(serial);
        assertThat(serials("?requestId=" + shipped.request() + "&overdue=false"))
                .isEmpty();

        String recorder = Tokens.person("logistics-amina", "logistics");
        Response recorded = Shipped.check(
                recorder,
                serial,
                Map.of(
                        "result",
                        "IN_USE",
                        "checkedAt",
                        sixMonths.plusDays(1).toString(),
                        "by",
                        "  UNODC Country Office Nairobi ",
                        "note",
                        "Seen in use at the forensic laboratory"));
        recorded.then().statusCode(201).body("checkNumber", equalTo(1));
        String checkId = recorded.path("id");
        assertThat(recorded.header("Location"))
                .endsWith("/api/v1/assets/" + serial.replace("/", "%2F") + "/checks/" + checkId);

        Shipped.asset(LOGISTICS, serial)
                .then()
                .body("checksDue.dueOn", equalTo(List.of(sixMonths.toString(), twelveMonths.toString())))
                .body("checksDue.met", equalTo(List.of(true, false)))
                .body("nextCheckDue", equalTo(twelveMonths.toString()))
                .body("overdue", equalTo(false))
                .body("lastCheck.id", equalTo(checkId))
                .body("lastCheck.result", equalTo("IN_USE"))
                .body("checks.id", equalTo(List.of(checkId)));
        assertThat(serials("?requestId=" + shipped.request() + "&overdue=true")).isEmpty();

        EndUseCheckRecorded event = Logistics.awaitEvent(shipped.request(), EndUseCheckRecorded.class);
        assertThat(event.requestId()).isEqualTo(shipped.request());
        assertThat(event.shipmentId()).isEqualTo(UUID.fromString(shipped.shipment()));
        assertThat(event.checkId()).isEqualTo(UUID.fromString(checkId));
        assertThat(event.itemCode()).isEqualTo(shipped.item());
        assertThat(event.serialNumber()).isEqualTo(serial);
        assertThat(event.destinationCountry()).isEqualTo("KE");
        assertThat(event.checkNumber()).isEqualTo(1);
        assertThat(event.result()).isEqualTo("IN_USE");
        assertThat(event.checkedAt()).isEqualTo(sixMonths.plusDays(1));
        assertThat(event.checkedBy()).isEqualTo("UNODC Country Office Nairobi");
        assertThat(event.note()).isEqualTo("Seen in use at the forensic laboratory");
        assertThat(event.recordedBy()).isEqualTo("logistics-amina");
        assertThat(event.recordedAt()).isAtSameInstantAs(OffsetDateTime.parse(recorded.path("recordedAt")));

        // a year on, the second check meets the second due date: nothing more falls due
        clock.today(twelveMonths.plusDays(3));
        Shipped.asset(LOGISTICS, serial).then().body("overdue", equalTo(true));
        Shipped.check(
                        LOGISTICS,
                        serial,
                        Map.of("result", "TRANSFERRED", "checkedAt", twelveMonths.toString(), "by", "Field team"))
                .then()
                .statusCode(201)
                .body("checkNumber", equalTo(2))
                .body("note", nullValue());
        Shipped.asset(LOGISTICS, serial)
                .then()
                .body("checksDue.met", equalTo(List.of(true, true)))
                .body("nextCheckDue", nullValue())
                .body("overdue", equalTo(false))
                .body("lastCheck.result", equalTo("TRANSFERRED"));
    }

    @Test
    void a_check_of_a_unit_not_delivered_or_dated_in_the_future_or_before_delivery_is_refused_and_writes_nothing() {
        Shipped shipped = Shipped.dualUse("KE", "agency-ke", 1);
        String serial = shipped.serial(0);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        check(serial, "IN_USE", today)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://assistance.example/problems/asset-not-delivered"));
        check("NO-SUCH-SERIAL-1", "IN_USE", today).then().statusCode(404);

        shipped.delivered(OffsetDateTime.now(ZoneOffset.UTC));
        LocalDate delivered = today;
        check(serial, "IN_USE", today.plusDays(1))
                .then()
                .statusCode(422)
                .body("type", equalTo("https://assistance.example/problems/check-date"))
                .body(
                        "detail",
                        equalTo("checkedAt " + today.plusDays(1) + " is in the future (today is " + today + ")"));
        check(serial, "IN_USE", delivered.minusDays(1))
                .then()
                .statusCode(422)
                .body("type", equalTo("https://assistance.example/problems/check-date"))
                .body(
                        "detail",
                        equalTo("checkedAt " + delivered.minusDays(1) + " is before unit " + serial + " was delivered ("
                                + delivered + ")"));
        Shipped.check(LOGISTICS, serial, Map.of("result", "LOST", "checkedAt", today.toString(), "by", "Team"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("result"));
        Shipped.check(LOGISTICS, serial, Map.of("result", "IN_USE", "checkedAt", today.toString(), "by", " "))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("by"));
        Shipped.check(
                        LOGISTICS,
                        serial,
                        Map.of("result", "IN_USE", "checkedAt", today.toString(), "by", "T".repeat(201)))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("by"));
        Shipped.check(
                        LOGISTICS,
                        serial,
                        Map.of(
                                "result",
                                "IN_USE",
                                "checkedAt",
                                today.toString(),
                                "by",
                                "Team",
                                "note",
                                "n".repeat(2_001)))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("note"));
        Map<String, Object> fine = Map.of("result", "IN_USE", "checkedAt", today.toString(), "by", "Team");
        for (String caller : List.of(
                Tokens.partner("agency-ke"),
                Tokens.focalPoint("KE"),
                Tokens.donor("donor-eu"),
                Tokens.role("reviewer"))) {
            Shipped.check(caller, serial, fine).then().statusCode(403);
        }

        Shipped.asset(LOGISTICS, serial)
                .then()
                .body("checks", equalTo(List.of()))
                .body("lastCheck", nullValue());
        assertThat(Logistics.shipmentEvents(shipped.request(), 4))
                .extracting(e -> e.type().typeName())
                .doesNotContain("assistance.shipment.end-use-check-recorded.v1");

        // operations and admin record checks too
        Shipped.check(Tokens.role("operations"), serial, fine).then().statusCode(201);
        Shipped.check(Tokens.role("admin"), serial, fine).then().statusCode(201).body("checkNumber", equalTo(2));
    }

    @Test
    void a_units_checks_are_read_by_whoever_reads_the_unit() {
        Shipped shipped = Shipped.dualUse("UG", Logistics.unique("agency-ug").toLowerCase(), 1)
                .delivered(OffsetDateTime.now(ZoneOffset.UTC));
        String serial = shipped.serial(0);
        String checkId = check(serial, "DAMAGED", LocalDate.now(ZoneOffset.UTC))
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        for (String reader : List.of(Tokens.partner(shipped.agency()), Tokens.focalPoint("UG"), LOGISTICS)) {
            checks(reader, serial).then().statusCode(200).body("id", equalTo(List.of(checkId)));
            checks(reader, serial + "/checks/" + checkId)
                    .then()
                    .statusCode(200)
                    .body("result", equalTo("DAMAGED"))
                    .body("checkNumber", equalTo(1));
        }
        for (String stranger : List.of(Tokens.partner("agency-other"), Tokens.focalPoint("KE"))) {
            checks(stranger, serial).then().statusCode(404);
            checks(stranger, serial + "/checks/" + checkId).then().statusCode(404);
        }
        checks(Tokens.donor("donor-eu"), serial).then().statusCode(403);
        checks(LOGISTICS, serial + "/checks/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static Response check(String serial, String result, LocalDate on) {
        return Shipped.check(LOGISTICS, serial, Map.of("result", result, "checkedAt", on.toString(), "by", "Team"));
    }

    /** GET the unit's checks ({@code path}: serial, optionally followed by /checks/{id}). */
    private static Response checks(String token, String path) {
        return io.restassured.RestAssured.given()
                .auth()
                .oauth2(token)
                .when()
                .get("/api/v1/assets/" + (path.contains("/checks/") ? path : path + "/checks"));
    }

    private static List<String> serials(String query) {
        return Shipped.assets(LOGISTICS, query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("serialNumber", String.class);
    }
}
