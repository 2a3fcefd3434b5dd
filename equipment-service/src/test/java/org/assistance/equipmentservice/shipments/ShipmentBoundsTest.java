package org.assistance.equipmentservice.shipments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.ShipmentEvents.LineRefused;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** A shipment's journey stays within its contract, whatever logistics or an approval sends. */
@QuarkusTest
class ShipmentBoundsTest {

    private static Response post(String shipment, String step, Object body) {
        return given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/shipments/" + shipment + "/" + step);
    }

    private static String plannedShipment() {
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("COM");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, "COMMUNICATIONS", false, "80.00");
        Logistics.stock(warehouse, item, 5);
        UUID request = Logistics.approve("GH", "agency-gh", Map.of(item, 2));
        return (String) Logistics.awaitShipments(request, 1).get(0).get("id");
    }

    @Test
    void a_journey_records_at_most_fifty_milestones() {
        String shipment = plannedShipment();
        post(shipment, "dispatch", Map.of("mode", "SEA", "carrier", "Maersk", "trackingReference", "MSK-1"))
                .then()
                .statusCode(200);
        for (int i = 0; i < 50; i++) {
            post(
                            shipment,
                            "milestones",
                            Map.of(
                                    "milestone",
                                    "IN_TRANSIT",
                                    "location",
                                    "Port " + i,
                                    "occurredAt",
                                    OffsetDateTime.now().minusMinutes(1).toString()))
                    .then()
                    .statusCode(200);
        }
        post(
                        shipment,
                        "milestones",
                        Map.of(
                                "milestone",
                                "IN_TRANSIT",
                                "location",
                                "One port too many",
                                "occurredAt",
                                OffsetDateTime.now().minusMinutes(1).toString()))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("50"));
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/shipments/" + shipment)
                .then()
                .statusCode(200)
                .body("milestones", hasSize(50));
    }

    @Test
    void a_delivery_expected_decades_ahead_or_a_licence_dated_centuries_ago_is_refused_naming_the_date() {
        String shipment = plannedShipment();
        for (String far : List.of(LocalDate.now().plusYears(6).toString(), "+9999999-12-31")) {
            post(
                            shipment,
                            "dispatch",
                            Map.of("mode", "AIR", "carrier", "c", "trackingReference", "t", "expectedDelivery", far))
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("expectedDelivery"));
        }
        for (String old : List.of("1815-06-18", "-99999-01-01")) {
            post(shipment, "clearance", Map.of("licenceReference", "EXP-1", "licenceDate", old))
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("licenceDate"));
        }
        post(shipment, "clearance", Map.of("removeItems", List.of("X".repeat(51))))
                .then()
                .statusCode(400);
        // nothing moved: the shipment waits as planned
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/shipments/" + shipment)
                .then()
                .body("status", equalTo("PLANNED"));
    }

    @Test
    void an_approval_of_more_units_than_a_request_can_ask_for_is_refused_line_by_line() {
        String item = Logistics.unique("LAB");
        Logistics.item(item, "LABORATORY", false, "5.00");
        UUID request = Logistics.approve("GH", "agency-gh", Map.of(item, 10_001));
        LineRefused refused = Logistics.awaitEvent(request, LineRefused.class);
        assertThat(refused.itemCode()).isEqualTo(item);
        assertThat(refused.reason()).contains("10000");
        assertThat(Logistics.backorders(request)).isEmpty();
    }

    @Test
    void an_approval_with_more_lines_than_a_request_can_hold_ships_the_first_hundred() {
        Map<String, Integer> lines = new LinkedHashMap<>();
        String item = Logistics.unique("OFF");
        Logistics.item(item, "OFFICE_IT", false, "5.00");
        for (int i = 0; i < 101; i++) {
            lines.put(i == 100 ? item : Logistics.unique("UNKNOWN"), 1);
        }
        UUID request = Logistics.approve("GH", "agency-gh", lines);
        assertThat(Logistics.shipmentEvents(request, 101)).anySatisfy(e -> {
            assertThat(e.data()).isInstanceOf(LineRefused.class);
            assertThat(((LineRefused) e.data()).reason()).contains("at most 100 equipment lines");
        });
        assertThat(Logistics.backorders(request)).isEmpty();
    }

    @Test
    void a_yes_or_no_filter_that_is_neither_is_refused_rather_than_read_as_no() {
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/shipments?delayed=perhaps")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/export-rules?includeRetired=1")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/shipments?delayed=true")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/export-rules?includeRetired=false")
                .then()
                .statusCode(200);
    }

    @Test
    void logistics_reads_backorders_and_shipments_a_page_at_a_time() {
        String item = Logistics.unique("VEH");
        Logistics.item(item, "VEHICLES", false, "900.00");
        String other = Logistics.unique("VEH");
        Logistics.item(other, "VEHICLES", false, "900.00");
        UUID request = Logistics.approve("GH", "agency-gh", Map.of(item, 1, other, 2));
        Logistics.awaitBackorders(request, 2);
        Response first = given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/backorders?requestId=" + request + "&limit=1");
        first.then().statusCode(200).body("$", hasSize(1));
        String link = first.header("Link");
        assertThat(link).contains("rel=\"next\"");
        Response second = given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
        second.then().statusCode(200).body("$", hasSize(1));
        assertThat(second.header("Link")).isNull();
        assertThat(List.of(
                        first.jsonPath().getString("[0].itemCode"),
                        second.jsonPath().getString("[0].itemCode")))
                .containsExactlyInAnyOrder(item, other);
    }
}
