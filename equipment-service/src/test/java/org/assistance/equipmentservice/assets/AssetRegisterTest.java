package org.assistance.equipmentservice.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assistance.chassis.events.ShipmentEvents.EndUseMonitoringStarted;
import org.assistance.chassis.events.ShipmentEvents.ShipmentReceived;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The asset register: one row per unit, read by those who may read its shipment, moved by delivery and receipt. */
@QuarkusTest
class AssetRegisterTest {
    private static final String LOGISTICS = Tokens.role("logistics");

    @Test
    void a_partner_sees_its_own_agencys_units_only_a_focal_point_its_States_and_a_donor_is_refused() {
        Shipped kenya = Shipped.dualUse("KE", Logistics.unique("agency-a").toLowerCase(), 2);
        Shipped uganda = Shipped.dualUse("UG", Logistics.unique("agency-b").toLowerCase(), 1);
        String partner = Tokens.partner(kenya.agency());

        assertThat(Shipped.assets(partner, "")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("serialNumber", String.class))
                .containsExactlyElementsOf(kenya.serials());
        assertThat(serials(partner, "?requestId=" + uganda.request())).isEmpty();
        Shipped.asset(partner, kenya.serial(0)).then().statusCode(200).body("agencyId", equalTo(kenya.agency()));
        Shipped.asset(partner, uganda.serial(0)).then().statusCode(404).contentType("application/problem+json");

        String focalPoint = Tokens.focalPoint("KE");
        assertThat(Shipped.assets(focalPoint, "?limit=1000")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("country", String.class))
                .isNotEmpty()
                .containsOnly("KE");
        assertThat(serials(focalPoint, "?requestId=" + kenya.request())).containsExactlyElementsOf(kenya.serials());
        assertThat(serials(focalPoint, "?requestId=" + uganda.request())).isEmpty();
        Shipped.asset(focalPoint, uganda.serial(0)).then().statusCode(404);

        String donor = Tokens.donor("donor-eu");
        Shipped.assets(donor, "").then().statusCode(403);
        Shipped.asset(donor, kenya.serial(0)).then().statusCode(403);

        for (String staff : List.of("reviewer", "operations", "admin", "logistics")) {
            Shipped.asset(Tokens.role(staff), uganda.serial(0))
                    .then()
                    .statusCode(200)
                    .body("country", equalTo("UG"));
        }
    }

    @Test
    void units_are_listed_newest_dispatch_first_a_page_at_a_time_and_filtered() {
        Shipped three = Shipped.dualUse("KE", "agency-ke", 3);

        io.restassured.response.Response first =
                Shipped.assets(LOGISTICS, "?requestId=" + three.request() + "&limit=2");
        first.then().statusCode(200);
        // dispatched together: by serial number
        assertThat(first.jsonPath().getList("serialNumber", String.class))
                .containsExactly(three.serial(0), three.serial(1));
        String link = first.header("Link");
        assertThat(link).endsWith(">; rel=\"next\"");
        io.restassured.response.Response second = io.restassured.RestAssured.given()
                .auth()
                .oauth2(LOGISTICS)
                .when()
                .get(link.substring(1, link.indexOf('>')));
        second.then().statusCode(200);
        assertThat(second.jsonPath().getList("serialNumber", String.class)).containsExactly(three.serial(2));
        assertThat(second.header("Link")).isNull();

        String mine = "?requestId=" + three.request();
        assertThat(serials(LOGISTICS, mine + "&itemCode=" + three.item())).hasSize(3);
        assertThat(serials(LOGISTICS, mine + "&itemCode=OTHER-1")).isEmpty();
        assertThat(serials(LOGISTICS, mine + "&status=DISPATCHED")).hasSize(3);
        assertThat(serials(LOGISTICS, mine + "&status=DELIVERED")).isEmpty();
        assertThat(serials(LOGISTICS, mine + "&monitored=true")).hasSize(3);
        assertThat(serials(LOGISTICS, mine + "&monitored=false")).isEmpty();
        assertThat(serials(LOGISTICS, mine + "&country=KE")).hasSize(3);
        assertThat(serials(LOGISTICS, mine + "&country=UG")).isEmpty();
        assertThat(serials(LOGISTICS, mine + "&overdue=true")).isEmpty();
        Shipped.assets(LOGISTICS, "?country=XX").then().statusCode(400);
        Shipped.assets(LOGISTICS, "?status=LOST").then().statusCode(400);
        Shipped.assets(LOGISTICS, "?cursor=bm90LWEtY3Vyc29y").then().statusCode(400);
    }

    @Test
    void delivery_starts_the_monitoring_of_the_monitored_units_with_checks_due_six_and_twelve_months_later() {
        String warehouse = Logistics.unique("W");
        String camera = Logistics.unique("SUR");
        String radio = Logistics.unique("COM");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(camera, "SURVEILLANCE", true, "900.00");
        Logistics.item(radio, "COMMUNICATIONS", false, "300.00");
        Logistics.stock(warehouse, camera, 2);
        Logistics.stock(warehouse, radio, 1);
        String agency = "agency-pe";
        java.util.UUID request = Logistics.approve("PE", agency, Map.of(camera, 2, radio, 1));
        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");
        List<Map<String, Object>> cameras = Logistics.units(camera, 2);
        List<Map<String, Object>> radios = Logistics.units(radio, 1);
        List<Map<String, Object>> units = new java.util.ArrayList<>(cameras);
        units.addAll(radios);
        Logistics.dispatch(shipment, units).then().statusCode(200);
        OffsetDateTime deliveredAt = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate day = deliveredAt.toLocalDate();
        Logistics.deliver(shipment, deliveredAt);

        EndUseMonitoringStarted started = Logistics.awaitEvent(request, EndUseMonitoringStarted.class);
        assertThat(started.requestId()).isEqualTo(request);
        assertThat(started.shipmentId()).isEqualTo(java.util.UUID.fromString(shipment));
        assertThat(started.agencyId()).isEqualTo(agency);
        assertThat(started.destinationCountry()).isEqualTo("PE");
        // the radio is not monitored: only the cameras, by serial number
        assertThat(started.units())
                .containsExactly(
                        new UnitSerial(camera, (String) cameras.get(0).get("serialNumber")),
                        new UnitSerial(camera, (String) cameras.get(1).get("serialNumber")));
        assertThat(started.checksDue()).containsExactly(day.plusMonths(6), day.plusMonths(12));
        assertThat(started.deliveredAt()).isAtSameInstantAs(deliveredAt);
        assertThat(started.startedAt()).isAfter(deliveredAt);
        assertThat(Logistics.shipmentEvents(request, 4))
                .extracting(e -> e.type().typeName())
                .containsExactly(
                        "assistance.shipment.planned.v1",
                        "assistance.shipment.dispatched.v1",
                        "assistance.shipment.delivered.v1",
                        "assistance.shipment.end-use-monitoring-started.v1");

        Shipped.asset(LOGISTICS, (String) cameras.get(0).get("serialNumber"))
                .then()
                .statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("monitored", equalTo(true))
                .body(
                        "checksDue.dueOn",
                        equalTo(List.of(
                                day.plusMonths(6).toString(), day.plusMonths(12).toString())))
                .body("checksDue.met", equalTo(List.of(false, false)))
                .body("nextCheckDue", equalTo(day.plusMonths(6).toString()))
                .body("overdue", equalTo(false))
                .body("lastCheck", nullValue())
                .body("checks", equalTo(List.of()));
        Shipped.asset(LOGISTICS, (String) radios.get(0).get("serialNumber"))
                .then()
                .statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("dualUse", equalTo(false))
                .body("monitored", equalTo(false))
                .body("checksDue", equalTo(List.of()))
                .body("nextCheckDue", nullValue());
    }

    @Test
    void a_receipt_naming_the_accepted_serials_rejects_the_others_and_they_leave_monitoring() {
        Shipped shipped = Shipped.dualUse("KE", "agency-ke", 3).delivered(OffsetDateTime.now(ZoneOffset.UTC));

        shipped.received(List.of(new ReceiptLine(
                shipped.item(), 2, 1, "Housing cracked", List.of(shipped.serial(0), shipped.serial(2)))));

        ShipmentReceived received = Logistics.awaitEvent(shipped.request(), ShipmentReceived.class);
        assertThat(received.lines()).singleElement().satisfies(line -> {
            assertThat(line.serialsAccepted()).containsExactly(shipped.serial(0), shipped.serial(2));
            assertThat(line.quantityRejected()).isEqualTo(1);
        });
        for (int accepted : List.of(0, 2)) {
            Shipped.asset(LOGISTICS, shipped.serial(accepted))
                    .then()
                    .body("status", equalTo("RECEIVED"))
                    .body(
                            "nextCheckDue",
                            equalTo(LocalDate.now(ZoneOffset.UTC).plusMonths(6).toString()));
        }
        Shipped.asset(LOGISTICS, shipped.serial(1))
                .then()
                .body("status", equalTo("REJECTED"))
                .body("nextCheckDue", nullValue())
                .body("overdue", equalTo(false));
        assertThat(serials(LOGISTICS, "?requestId=" + shipped.request() + "&status=REJECTED"))
                .containsExactly(shipped.serial(1));
        Shipped.check(
                        LOGISTICS,
                        shipped.serial(1),
                        Map.of(
                                "result",
                                "NOT_FOUND",
                                "checkedAt",
                                LocalDate.now().toString(),
                                "by",
                                "Field team"))
                .then()
                .statusCode(409)
                .body("type", equalTo("https://assistance.example/problems/asset-rejected"));
    }

    @Test
    void a_receipt_of_before_serials_accepts_a_line_whole_only_when_nothing_of_it_was_rejected() {
        Shipped partlyRejected = Shipped.dualUse("KE", "agency-ke", 2).delivered(OffsetDateTime.now(ZoneOffset.UTC));
        Shipped wholeAccepted = Shipped.dualUse("KE", "agency-ke", 2).delivered(OffsetDateTime.now(ZoneOffset.UTC));

        partlyRejected.received(List.of(new ReceiptLine(partlyRejected.item(), 1, 1, "One damaged")));
        wholeAccepted.received(List.of(new ReceiptLine(wholeAccepted.item(), 2, 0, null)));

        assertThat(statuses(partlyRejected)).containsExactly("DELIVERED", "DELIVERED");
        assertThat(statuses(wholeAccepted)).containsExactly("RECEIVED", "RECEIVED");
    }

    @Test
    void a_receipt_before_the_delivery_was_recorded_delivers_the_units_then_receives_them() {
        Shipped shipped = Shipped.dualUse("KE", "agency-ke", 2);
        OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.UTC);

        shipped.received(List.of(new ReceiptLine(shipped.item(), 2, 0, null, shipped.serials())));

        EndUseMonitoringStarted started = Logistics.awaitEvent(shipped.request(), EndUseMonitoringStarted.class);
        assertThat(started.units()).extracting(UnitSerial::serialNumber).containsExactlyElementsOf(shipped.serials());
        assertThat(started.checksDue())
                .containsExactly(
                        receivedAt.toLocalDate().plusMonths(6),
                        receivedAt.toLocalDate().plusMonths(12));
        assertThat(Logistics.shipmentEvents(shipped.request(), 4))
                .extracting(e -> e.type().typeName())
                .containsExactly(
                        "assistance.shipment.planned.v1",
                        "assistance.shipment.dispatched.v1",
                        "assistance.shipment.end-use-monitoring-started.v1",
                        "assistance.shipment.received.v1");
        assertThat(statuses(shipped)).containsExactly("RECEIVED", "RECEIVED");
    }

    private static List<String> statuses(Shipped shipped) {
        return Shipped.assets(LOGISTICS, "?requestId=" + shipped.request())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("status", String.class);
    }

    private static List<String> serials(String token, String query) {
        return Shipped.assets(token, query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("serialNumber", String.class);
    }
}
