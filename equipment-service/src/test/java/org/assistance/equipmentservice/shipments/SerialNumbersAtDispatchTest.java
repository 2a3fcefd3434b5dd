package org.assistance.equipmentservice.shipments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Logistics records the serial number of each unit that leaves; monitored lines cannot leave without. */
@QuarkusTest
class SerialNumbersAtDispatchTest {

    @AfterEach
    void leaveNoRuleInForce() {
        Logistics.retireEveryRuleInForce();
    }

    @Test
    void a_dual_use_line_leaves_only_with_a_serial_for_each_unit_and_a_refusal_writes_nothing() {
        String warehouse = Logistics.unique("W");
        String camera = Logistics.unique("SUR");
        String radio = Logistics.unique("COM");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(camera, "SURVEILLANCE", true, "900.00");
        Logistics.item(radio, "COMMUNICATIONS", false, "300.00");
        Logistics.stock(warehouse, camera, 3);
        Logistics.stock(warehouse, radio, 2);
        UUID request = Logistics.approve("KE", "agency-ke", Map.of(camera, 3, radio, 2));
        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");
        List<Map<String, Object>> cameras = Logistics.units(camera, 3);

        Logistics.dispatch(shipment, List.of())
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://assistance.example/problems/serials-required"))
                .body(
                        "detail",
                        equalTo("Every unit of a dual-use line, and of any line of a shipment cleared under an export "
                                + "licence, needs a serial number, and a line given serials needs one per unit: "
                                + camera + " (monitored: dual-use) needs 3 serials, got 0"));
        // two cameras short, and one radio of two: each named (by item code) with what it needs and got
        List<Map<String, Object>> some = new ArrayList<>(cameras.subList(0, 1));
        some.addAll(Logistics.units(radio, 1));
        Logistics.dispatch(shipment, some)
                .then()
                .statusCode(422)
                .body("type", equalTo("https://assistance.example/problems/serials-required"))
                .body(
                        "detail",
                        equalTo("Every unit of a dual-use line, and of any line of a shipment cleared under an export "
                                + "licence, needs a serial number, and a line given serials needs one per unit: "
                                + radio + " needs 2 serials, got 1; " + camera
                                + " (monitored: dual-use) needs 3 serials, got 1"));
        nothingDispatched(shipment, request, "PLANNED");

        // the radios may go without serials
        Logistics.dispatch(shipment, cameras).then().statusCode(200).body("status", equalTo("DISPATCHED"));
        ShipmentDispatched dispatched = Logistics.awaitEvent(request, ShipmentDispatched.class);
        assertThat(dispatched.units()).containsExactlyElementsOf(serials(cameras));
        List<Map<String, Object>> registered = assets(request);
        assertThat(registered)
                .extracting(a -> a.get("serialNumber"))
                .containsExactlyInAnyOrderElementsOf(
                        cameras.stream().map(u -> u.get("serialNumber")).toList());
        assertThat(registered).allSatisfy(a -> {
            assertThat(a.get("itemCode")).isEqualTo(camera);
            assertThat(a.get("itemName")).isEqualTo("Item " + camera);
            assertThat(a.get("category")).isEqualTo("SURVEILLANCE");
            assertThat(a.get("dualUse")).isEqualTo(true);
            assertThat(a.get("monitored")).isEqualTo(true);
            assertThat(a.get("status")).isEqualTo("DISPATCHED");
            assertThat(a.get("shipmentId")).isEqualTo(shipment);
            assertThat(a.get("agencyId")).isEqualTo("agency-ke");
            assertThat(a.get("country")).isEqualTo("KE");
            assertThat(a.get("checksDue")).isEqualTo(List.of());
            assertThat(a.get("nextCheckDue")).isNull();
            assertThat(a.get("overdue")).isEqualTo(false);
        });
    }

    @Test
    void every_line_of_a_shipment_cleared_under_an_export_licence_needs_its_serials() {
        String warehouse = Logistics.unique("W");
        String radio = Logistics.unique("COM");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(radio, "COMMUNICATIONS", false, "300.00");
        Logistics.stock(warehouse, radio, 2);
        Logistics.rule("NP", "COMMUNICATIONS", "LICENCE_REQUIRED");
        UUID request = Logistics.approve("NP", "agency-np", Map.of(radio, 2));
        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");
        ExportControlScreeningTest.clear(
                        shipment,
                        Map.of(
                                "licenceReference",
                                "EXP-AT-2027-00077",
                                "licenceDate",
                                LocalDate.now().toString()))
                .then()
                .statusCode(200)
                .body("status", equalTo("CLEARED"));

        Logistics.dispatch(shipment, List.of())
                .then()
                .statusCode(422)
                .body("type", equalTo("https://assistance.example/problems/serials-required"))
                .body(
                        "detail",
                        equalTo("Every unit of a dual-use line, and of any line of a shipment cleared under an export "
                                + "licence, needs a serial number, and a line given serials needs one per unit: "
                                + radio + " (monitored: cleared under an export licence) needs 2 serials, got 0"));
        nothingDispatched(shipment, request, "CLEARED");

        List<Map<String, Object>> radios = Logistics.units(radio, 2);
        Logistics.dispatch(shipment, radios).then().statusCode(200);
        assertThat(Logistics.awaitEvent(request, ShipmentDispatched.class).units())
                .containsExactlyElementsOf(serials(radios));
        assertThat(assets(request)).hasSize(2).allSatisfy(a -> {
            assertThat(a.get("dualUse")).isEqualTo(false);
            assertThat(a.get("monitored")).isEqualTo(true);
        });
    }

    @Test
    void serials_of_a_line_nobody_monitors_are_optional_but_one_per_unit_and_never_twice_or_of_another_item() {
        String warehouse = Logistics.unique("W");
        String radio = Logistics.unique("COM");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(radio, "COMMUNICATIONS", false, "300.00");
        Logistics.stock(warehouse, radio, 4);
        UUID request = Logistics.approve("GH", "agency-gh", Map.of(radio, 2));
        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");
        List<Map<String, Object>> radios = Logistics.units(radio, 2);
        String stranger = Logistics.unique("VEH");

        Logistics.dispatch(shipment, List.of(radios.get(0), radios.get(0)))
                .then()
                .statusCode(422)
                .body("type", equalTo("https://assistance.example/problems/duplicate-serial"))
                .body(
                        "detail",
                        equalTo("Each unit has a serial number of its own; given more than once: "
                                + radios.get(0).get("serialNumber")));
        Logistics.dispatch(
                        shipment,
                        List.of(radios.get(0), radios.get(1), Map.of("itemCode", stranger, "serialNumber", "X-1")))
                .then()
                .statusCode(422)
                .body("type", equalTo("https://assistance.example/problems/item-not-shipped"))
                .body(
                        "detail",
                        equalTo("The shipment carries no " + stranger + "; serials name units of its lines only ("
                                + radio + ")"));
        Logistics.dispatch(shipment, List.of(Map.of("itemCode", radio, "serialNumber", "-starts-with-a-dash")))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("units[0].serialNumber"));
        Logistics.dispatch(shipment, List.of(Map.of("itemCode", radio, "serialNumber", "S".repeat(65))))
                .then()
                .statusCode(400);
        nothingDispatched(shipment, request, "PLANNED");

        Logistics.dispatch(shipment, List.of()).then().statusCode(200);
        assertThat(Logistics.awaitEvent(request, ShipmentDispatched.class).units())
                .isNull();
        assertThat(assets(request)).isEmpty();
    }

    @Test
    void a_serial_already_in_the_register_is_refused_whichever_shipment_carried_it() {
        String warehouse = Logistics.unique("W");
        String camera = Logistics.unique("SUR");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(camera, "SURVEILLANCE", true, "900.00");
        Logistics.stock(warehouse, camera, 2);
        UUID first = Logistics.approve("KE", "agency-ke", Map.of(camera, 1));
        String firstShipment =
                (String) Logistics.awaitShipments(first, 1).get(0).get("id");
        UUID second = Logistics.approve("UG", "agency-ug", Map.of(camera, 1));
        String secondShipment =
                (String) Logistics.awaitShipments(second, 1).get(0).get("id");
        List<Map<String, Object>> unit = Logistics.units(camera, 1);
        Logistics.dispatch(firstShipment, unit).then().statusCode(200);

        Logistics.dispatch(secondShipment, unit)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://assistance.example/problems/serial-already-registered"))
                .body(
                        "detail",
                        equalTo("A serial number names one unit; already in the asset register: "
                                + unit.get(0).get("serialNumber") + " (" + camera + ", shipment " + firstShipment
                                + ")"));
        nothingDispatched(secondShipment, second, "PLANNED");
        assertThat(assets(first))
                .singleElement()
                .satisfies(a -> assertThat(a.get("shipmentId")).isEqualTo(firstShipment));
    }

    @Test
    void two_thousand_units_leave_in_one_dispatch_each_registered_and_named_in_the_event() {
        String warehouse = Logistics.unique("W");
        String radio = Logistics.unique("COM");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(radio, "COMMUNICATIONS", true, "30.00");
        Logistics.stock(warehouse, radio, 2_000);
        UUID request = Logistics.approve("TZ", "agency-tz", Map.of(radio, 2_000));
        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");
        List<Map<String, Object>> radios = Logistics.units(radio, 2_000);

        Logistics.dispatch(shipment, radios).then().statusCode(200);

        assertThat(Logistics.awaitEvent(request, ShipmentDispatched.class).units())
                .containsExactlyElementsOf(serials(radios));
        assertThat(given().auth()
                        .oauth2(Tokens.role("logistics"))
                        .when()
                        .get("/api/v1/assets?requestId=" + request + "&status=DISPATCHED&limit=1000")
                        .then()
                        .statusCode(200)
                        .header("Link", org.hamcrest.Matchers.notNullValue())
                        .extract()
                        .jsonPath()
                        .getList("$"))
                .hasSize(1_000);
    }

    /** The shipment is as it was: still {@code status}, not dispatched, no unit registered, no dispatch published. */
    private static void nothingDispatched(String shipment, UUID request, String status) {
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/shipments/" + shipment)
                .then()
                .body("status", equalTo(status))
                .body("dispatchedAt", nullValue());
        assertThat(assets(request)).isEmpty();
        assertThat(
                        BrokerClient.await(
                                        Topics.SHIPMENTS,
                                        r -> request.toString().equals(r.key()),
                                        1,
                                        Duration.ofSeconds(5))
                                .stream()
                                .map(r -> BrokerClient.header(r, "ce_type")))
                .doesNotContain("assistance.shipment.dispatched.v1");
    }

    static List<Map<String, Object>> assets(UUID request) {
        return given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/assets?requestId=" + request)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static List<UnitSerial> serials(List<Map<String, Object>> units) {
        return units.stream()
                .map(u -> new UnitSerial((String) u.get("itemCode"), (String) u.get("serialNumber")))
                .toList();
    }
}
