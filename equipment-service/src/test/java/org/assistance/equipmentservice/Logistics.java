package org.assistance.equipmentservice;

import io.restassured.http.ContentType;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** Sets the stage as admins, logistics and program-service would: items, stock, rules, approvals. */
public final class Logistics {
    private Logistics() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + Integer.toHexString(UUID.randomUUID().hashCode()).toUpperCase().replace("-", "");
    }

    public static void warehouse(String code, String country) {
        given().auth().oauth2(Tokens.role("admin")).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Warehouse " + code, "country", country))
                .when().post("/api/v1/warehouses").then().statusCode(201);
    }

    public static void item(String code, String category, boolean dualUse, String cost) {
        given().auth().oauth2(Tokens.role("admin")).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Item " + code, "category", category,
                        "unitCost", Map.of("amount", cost, "currency", "EUR"), "dualUse", dualUse))
                .when().post("/api/v1/catalogue").then().statusCode(201);
    }

    public static void stock(String warehouse, String item, int quantity) {
        given().auth().oauth2(Tokens.role("logistics")).contentType(ContentType.JSON)
                .body(Map.of("itemCode", item, "quantity", quantity))
                .when().post("/api/v1/warehouses/" + warehouse + "/stock").then().statusCode(200);
    }

    public static void rule(String destination, String target, String measure) {
        given().auth().oauth2(Tokens.role("admin")).contentType(ContentType.JSON)
                .body(Map.of("destination", destination, "target", target, "measure", measure,
                        "reference", "Test measure " + target, "reason", "Screening test"))
                .when().post("/api/v1/export-rules").then().statusCode(201);
    }

    /** program-service approves equipment for a request (to the given country); returns the request id. */
    public static UUID approve(String country, String agency, Map<String, Integer> lines) {
        UUID request = UUID.randomUUID();
        RequestApproved approved = new RequestApproved(request, agency, country, "CYBERCRIME", "GLOCY",
                new Money(new BigDecimal("10000.00"), "EUR"), false,
                lines.entrySet().stream().map(l -> new EquipmentLine(l.getKey(), l.getValue(), "needed")).toList(),
                List.of(), List.of(), List.of("reviewer-1"), OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(approved, UUID.randomUUID(), "/program-service", OffsetDateTime.now()));
        return request;
    }

    public static List<Map<String, Object>> awaitShipments(UUID request, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.role("logistics")).when().get("/api/v1/shipments?requestId=" + request)
                        .then().statusCode(200).body("size()", greaterThanOrEqualTo(atLeast)));
        return given().auth().oauth2(Tokens.role("logistics")).when().get("/api/v1/shipments?requestId=" + request)
                .then().extract().jsonPath().getList("$");
    }
}
