package org.assistance.equipmentservice.assets;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;

/** A shipment of one item dispatched with a serial number per unit, as the asset tests start from. */
record Shipped(UUID request, String shipment, String agency, String item, List<String> serials) {

    /** {@code count} units of a dual-use item, approved for {@code agency} to {@code country} and dispatched. */
    static Shipped dualUse(String country, String agency, int count) {
        return of(country, agency, "SURVEILLANCE", true, count);
    }

    static Shipped of(String country, String agency, String category, boolean dualUse, int count) {
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("ITM");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, category, dualUse, "700.00");
        Logistics.stock(warehouse, item, count);
        UUID request = Logistics.approve(country, agency, Map.of(item, count));
        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");
        List<Map<String, Object>> units = Logistics.units(item, count);
        Logistics.dispatch(shipment, units).then().statusCode(200);
        return new Shipped(
                request,
                shipment,
                agency,
                item,
                units.stream().map(u -> (String) u.get("serialNumber")).sorted().toList());
    }

    /** The carrier delivered it at {@code at}. */
    Shipped delivered(OffsetDateTime at) {
        Logistics.deliver(shipment, at);
        return this;
    }

    /** request-service relays the partner's receipt; returns once the shipment is RECEIVED. */
    void received(List<ReceiptLine> lines) {
        ReceiptConfirmed receipt = new ReceiptConfirmed(
                request, agency, UUID.fromString(shipment), lines, "Insp. Wanjiru", OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(receipt, UUID.randomUUID(), "/request-service", OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("logistics"))
                        .when()
                        .get("/api/v1/shipments/" + shipment)
                        .then()
                        .body("status", equalTo("RECEIVED")));
    }

    String serial(int i) {
        return serials.get(i);
    }

    static Response asset(String token, String serial) {
        return given().auth().oauth2(token).when().get("/api/v1/assets/" + serial);
    }

    static Response assets(String token, String query) {
        return given().auth().oauth2(token).when().get("/api/v1/assets" + query);
    }

    static Response check(String token, String serial, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/assets/" + serial + "/checks");
    }
}
