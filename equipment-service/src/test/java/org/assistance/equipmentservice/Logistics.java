package org.assistance.equipmentservice;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventCodec;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.RequestingAuthority;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;

/** Sets the stage as admins, logistics and program-service would: items, stock, rules, approvals. */
public final class Logistics {
    private Logistics() {}

    public static String unique(String prefix) {
        return prefix + "-"
                + Integer.toHexString(UUID.randomUUID().hashCode())
                        .toUpperCase()
                        .replace("-", "");
    }

    public static void warehouse(String code, String country) {
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Warehouse " + code, "country", country))
                .when()
                .post("/api/v1/warehouses")
                .then()
                .statusCode(201);
    }

    public static void item(String code, String category, boolean dualUse, String cost) {
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code,
                        "name",
                        "Item " + code,
                        "category",
                        category,
                        "unitCost",
                        Map.of("amount", cost, "currency", "EUR"),
                        "dualUse",
                        dualUse))
                .when()
                .post("/api/v1/catalogue")
                .then()
                .statusCode(201);
    }

    public static void stock(String warehouse, String item, int quantity) {
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of("itemCode", item, "quantity", quantity))
                .when()
                .post("/api/v1/warehouses/" + warehouse + "/stock")
                .then()
                .statusCode(200);
    }

    /** Adds an export rule; returns its id. */
    public static String rule(String destination, String target, String measure) {
        return given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "destination",
                        destination,
                        "target",
                        target,
                        "measure",
                        measure,
                        "reference",
                        "Test measure " + target,
                        "reason",
                        "Screening test",
                        "basis",
                        "NATIONAL_EXPORT_CONTROL",
                        "imposedBy",
                        "Federal Ministry of Labour and Economy (AT)",
                        "instrument",
                        "Foreign Trade Act 2011, section 13"))
                .when()
                .post("/api/v1/export-rules")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Retires a rule so that it holds nothing in later tests. */
    public static void retire(String rule) {
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "End of test"))
                .when()
                .post("/api/v1/export-rules/" + rule + "/retirement")
                .then()
                .statusCode(200);
    }

    /**
     * Retires every export rule in force. Rules screen every shipment to their destination,
     * whichever test planned it: a class that makes rules calls this after each test (while its
     * application still answers), so no rule of one class holds another's shipments, in any order.
     */
    public static void retireEveryRuleInForce() {
        List<String> inForce;
        while (!(inForce = given().auth()
                        .oauth2(Tokens.role("admin"))
                        .when()
                        .get("/api/v1/export-rules")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id", String.class))
                .isEmpty()) {
            inForce.forEach(Logistics::retire);
        }
    }

    /** program-service approves equipment for a request (to the given country); returns the request id. */
    public static UUID approve(String country, String agency, Map<String, Integer> lines) {
        return approve(UUID.randomUUID(), country, agency, lines);
    }

    /** program-service approves equipment for the given request. */
    public static UUID approve(UUID request, String country, String agency, Map<String, Integer> lines) {
        RequestApproved approved = new RequestApproved(
                request,
                agency,
                country,
                "CYBERCRIME",
                "GLOCY",
                new Money(new BigDecimal("10000.00"), "EUR"),
                false,
                lines.entrySet().stream()
                        .map(l -> new EquipmentLine(l.getKey(), l.getValue(), "needed"))
                        .toList(),
                List.of(),
                List.of(),
                List.of("reviewer-1"),
                OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(approved, UUID.randomUUID(), "/program-service", OffsetDateTime.now()));
        return request;
    }

    /** request-service publishes a submission with the given priority (what backorders are ordered by). */
    public static void submitted(UUID request, String agency, String priority) {
        RequestSubmitted submitted = new RequestSubmitted(
                request,
                agency,
                "KE",
                new RequestingAuthority("Directorate of Criminal Investigations", "POLICE"),
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                priority,
                "Forensic kits",
                "Needed",
                LocalDate.now().plusMonths(6),
                List.of(),
                List.of(),
                new Money(new BigDecimal("1000.00"), "EUR"),
                OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(submitted, UUID.randomUUID(), "/request-service", OffsetDateTime.now()));
    }

    /** The events equipment-service published about a request, in order, once at least {@code atLeast} are there. */
    public static List<CloudEvent<AssistanceEvent>> shipmentEvents(UUID request, int atLeast) {
        return BrokerClient.await(
                        Topics.SHIPMENTS, r -> request.toString().equals(r.key()), atLeast, Duration.ofSeconds(30))
                .stream()
                .map(EventCodec::decode)
                .toList();
    }

    /** The first event of the type, once published. */
    public static <T extends AssistanceEvent> T awaitEvent(UUID request, Class<T> type) {
        String typeName = EventType.of(type).typeName();
        ConsumerRecord<String, byte[]> record = BrokerClient.await(
                        Topics.SHIPMENTS,
                        r -> request.toString().equals(r.key()) && typeName.equals(BrokerClient.header(r, "ce_type")),
                        1,
                        Duration.ofSeconds(30))
                .get(0);
        return type.cast(EventCodec.decode(record).data());
    }

    /** Serial numbers for {@code count} units of an item, unique to the test run (the register holds each once). */
    public static List<Map<String, Object>> units(String item, int count) {
        String batch = unique("SN");
        return java.util.stream.IntStream.rangeClosed(1, count)
                .<Map<String, Object>>mapToObj(
                        i -> Map.of("itemCode", item, "serialNumber", batch + "/" + item + "." + i))
                .toList();
    }

    /** Logistics hands a shipment to the carrier by air, with these units' serial numbers (none when empty). */
    public static io.restassured.response.Response dispatch(String shipment, List<Map<String, Object>> units) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                "mode",
                "AIR",
                "carrier",
                "Air cargo",
                "trackingReference",
                "TRK-" + shipment.substring(0, 8),
                "expectedDelivery",
                LocalDate.now().plusDays(10).toString()));
        if (!units.isEmpty()) {
            body.put("units", units);
        }
        return given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/shipments/" + shipment + "/dispatch");
    }

    /** Logistics records the carrier's delivery. */
    public static void deliver(String shipment, OffsetDateTime at) {
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of("deliveredAt", at.toString()))
                .when()
                .post("/api/v1/shipments/" + shipment + "/delivery")
                .then()
                .statusCode(200);
    }

    public static List<Map<String, Object>> backorders(UUID request) {
        return given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/backorders?requestId=" + request)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    public static List<Map<String, Object>> awaitBackorders(UUID request, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> backorders(request).size() >= atLeast);
        return backorders(request);
    }

    public static List<Map<String, Object>> awaitShipments(UUID request, int atLeast) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("logistics"))
                        .when()
                        .get("/api/v1/shipments?requestId=" + request)
                        .then()
                        .statusCode(200)
                        .body("size()", greaterThanOrEqualTo(atLeast)));
        return given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/shipments?requestId=" + request)
                .then()
                .extract()
                .jsonPath()
                .getList("$");
    }
}
