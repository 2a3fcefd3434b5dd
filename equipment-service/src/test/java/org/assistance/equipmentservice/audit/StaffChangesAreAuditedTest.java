package org.assistance.equipmentservice.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.equipmentservice.Logistics;
import org.assistance.equipmentservice.audit.Trail.Staff;
import org.assistance.testsupport.DocumentUploads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every change staff and admins make in equipment-service is in the audit trail: who (the token's
 * subject), what kind, which one, what was done, and the thing before and after. A change that is
 * refused leaves no entry, since the entry is written in the change's own transaction.
 */
@QuarkusTest
class StaffChangesAreAuditedTest {

    @AfterEach
    void leaveNoRuleInForce() {
        Logistics.retireEveryRuleInForce();
    }

    @Test
    void an_admins_export_rule_is_audited_as_added_changed_and_retired_with_its_wording_before_and_after() {
        Staff ana = Trail.staff("ana.admin", "admin");
        String rule = Trail.post(ana, "/api/v1/export-rules", rule("NE", "Decree 2027/1"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> changed = rule("NE", "Decree 2027/2");
        changed.put("measure", "PROHIBITED");
        Trail.put(ana, "/api/v1/export-rules/" + rule, changed).then().statusCode(200);
        Trail.post(ana, "/api/v1/export-rules/" + rule + "/retirement", Map.of("reason", "Lifted by decree 2027/3"))
                .then()
                .statusCode(200);
        // refused: a retired rule is neither retired again nor changed
        Trail.post(ana, "/api/v1/export-rules/" + rule + "/retirement", Map.of("reason", "again"))
                .then()
                .statusCode(409);
        Trail.put(ana, "/api/v1/export-rules/" + rule, rule("NE", "Decree 2027/4"))
                .then()
                .statusCode(409);

        JsonPath trail = Trail.of(ana, "export-rule");
        assertThat(trail.getList("action")).containsExactly("retired", "changed", "created");
        assertThat(trail.getList("subject")).containsOnly(rule);
        assertThat(trail.getList("actor")).containsOnly(ana.subject());
        assertThat(trail.getList("actorRoles", List.class))
                .allSatisfy(roles -> assertThat(roles).contains("admin"));

        assertThat(trail.getMap("[2].before")).isNull();
        assertThat(trail.getString("[2].after.reference")).isEqualTo("Decree 2027/1");
        assertThat(trail.getString("[2].after.measure")).isEqualTo("LICENCE_REQUIRED");
        assertThat(trail.getString("[2].after.createdBy")).isEqualTo(ana.subject());

        assertThat(trail.getString("[1].before.reference")).isEqualTo("Decree 2027/1");
        assertThat(trail.getString("[1].before.measure")).isEqualTo("LICENCE_REQUIRED");
        assertThat(trail.getString("[1].after.reference")).isEqualTo("Decree 2027/2");
        assertThat(trail.getString("[1].after.measure")).isEqualTo("PROHIBITED");
        assertThat(trail.getList("[1].before.revisions")).isEmpty();
        assertThat(trail.getList("[1].after.revisions.reference")).containsExactly("Decree 2027/1");

        assertThat(trail.getBoolean("[0].before.active")).isTrue();
        assertThat(trail.getBoolean("[0].after.active")).isFalse();
        assertThat(trail.getString("[0].after.retirementReason")).isEqualTo("Lifted by decree 2027/3");
        assertThat(trail.getString("[0].after.retiredBy")).isEqualTo(ana.subject());
    }

    @Test
    void lifting_a_rule_is_audited_as_its_retirement_and_lifting_it_again_adds_nothing() {
        Staff ana = Trail.staff("ana.admin", "admin");
        String rule = Trail.post(ana, "/api/v1/export-rules", rule("NE", "Order 7"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(ana.token())
                .queryParam("reason", "Order 7 repealed")
                .when()
                .delete("/api/v1/export-rules/" + rule)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(ana.token())
                .when()
                .delete("/api/v1/export-rules/" + rule)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(ana.token())
                .when()
                .delete("/api/v1/export-rules/" + UUID.randomUUID())
                .then()
                .statusCode(404);

        JsonPath trail = Trail.of(ana, "export-rule");
        assertThat(trail.getList("action")).containsExactly("retired", "created");
        assertThat(trail.getString("[0].after.retirementReason")).isEqualTo("Order 7 repealed");
    }

    @Test
    void an_admins_catalogue_item_is_audited_as_added_changed_and_withdrawn_and_refusals_leave_nothing() {
        Staff ana = Trail.staff("ana.admin", "admin");
        String code = Logistics.unique("SUR");
        Trail.post(ana, "/api/v1/catalogue", item(code, "Body camera", false))
                .then()
                .statusCode(201);
        Trail.post(ana, "/api/v1/catalogue", item(code, "Body camera again", false))
                .then()
                .statusCode(409);
        Trail.put(ana, "/api/v1/catalogue/" + code, item(null, "Body camera with night vision", true))
                .then()
                .statusCode(200);
        Trail.post(ana, "/api/v1/catalogue/" + code + "/withdrawal", Map.of("reason", "Model recalled"))
                .then()
                .statusCode(200);
        Trail.post(ana, "/api/v1/catalogue/" + code + "/withdrawal", Map.of("reason", "twice"))
                .then()
                .statusCode(409);
        Trail.put(ana, "/api/v1/catalogue/" + code, item(null, "After withdrawal", false))
                .then()
                .statusCode(409);

        JsonPath trail = Trail.of(ana, "catalogue-item");
        assertThat(trail.getList("action")).containsExactly("withdrawn", "changed", "created");
        assertThat(trail.getList("subject")).containsOnly(code);
        assertThat(trail.getString("[2].after.name")).isEqualTo("Body camera");
        assertThat(trail.getString("[2].after.unitCost.currency")).isEqualTo("EUR");
        assertThat(trail.getString("[1].before.name")).isEqualTo("Body camera");
        assertThat(trail.getBoolean("[1].before.dualUse")).isFalse();
        assertThat(trail.getString("[1].after.name")).isEqualTo("Body camera with night vision");
        assertThat(trail.getBoolean("[1].after.dualUse")).isTrue();
        assertThat(trail.getBoolean("[0].before.withdrawn")).isFalse();
        assertThat(trail.getBoolean("[0].after.withdrawn")).isTrue();
        assertThat(trail.getString("[0].after.withdrawalReason")).isEqualTo("Model recalled");
        assertThat(trail.getString("[0].after.withdrawnBy")).isEqualTo(ana.subject());
    }

    @Test
    void a_warehouse_and_the_goods_received_into_it_are_audited_with_the_stock_before_and_after() {
        Staff ana = Trail.staff("ana.admin", "admin");
        Staff lee = Trail.staff("lee.logistics", "logistics");
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("LAB");
        Logistics.item(item, "LABORATORY", false, "40.00");
        Trail.post(ana, "/api/v1/warehouses", Map.of("code", warehouse, "name", "Mombasa port", "country", "KE"))
                .then()
                .statusCode(201);
        Trail.post(ana, "/api/v1/warehouses", Map.of("code", warehouse, "name", "Taken", "country", "KE"))
                .then()
                .statusCode(409);
        // two units wait for the item: the first receipt's stock after shows them reserved
        UUID request = Logistics.approve("KE", "agency-audit", Map.of(item, 2));
        Logistics.awaitBackorders(request, 1);

        Trail.post(lee, "/api/v1/warehouses/" + warehouse + "/stock", Map.of("itemCode", item, "quantity", 5))
                .then()
                .statusCode(200);
        Trail.post(lee, "/api/v1/warehouses/" + warehouse + "/stock", Map.of("itemCode", item, "quantity", 3))
                .then()
                .statusCode(200);
        Trail.post(lee, "/api/v1/warehouses/NO-SUCH-W/stock", Map.of("itemCode", item, "quantity", 3))
                .then()
                .statusCode(404);
        Trail.post(
                        lee,
                        "/api/v1/warehouses/" + warehouse + "/stock",
                        Map.of("itemCode", Logistics.unique("NOT-LISTED"), "quantity", 3))
                .then()
                .statusCode(422);

        JsonPath warehouses = Trail.of(ana, "warehouse");
        assertThat(warehouses.getList("action")).containsExactly("created");
        assertThat(warehouses.getString("[0].subject")).isEqualTo(warehouse);
        assertThat(warehouses.getMap("[0].after"))
                .containsEntry("code", warehouse)
                .containsEntry("name", "Mombasa port")
                .containsEntry("country", "KE");

        JsonPath stock = Trail.of(lee, "stock");
        assertThat(stock.getList("action")).containsExactly("received", "received");
        assertThat(stock.getList("subject")).containsOnly(warehouse + "/" + item);
        assertThat(stock.getMap("[1].before"))
                .as("the warehouse never held the item")
                .isNull();
        assertThat(stock.getMap("[1].after"))
                .containsEntry("onHand", 5)
                .containsEntry("reserved", 2)
                .containsEntry("free", 3);
        assertThat(stock.getMap("[0].before")).containsEntry("onHand", 5).containsEntry("reserved", 2);
        assertThat(stock.getMap("[0].after")).containsEntry("onHand", 8).containsEntry("free", 6);
        assertThat(stock.getList("actorRoles", List.class))
                .allSatisfy(roles -> assertThat(roles).contains("logistics"));
    }

    @Test
    void logistics_clearing_dispatching_and_delivering_a_held_shipment_is_audited_step_by_step() {
        Staff lee = Trail.staff("lee.logistics", "logistics");
        String item = stocked("SUR", "SURVEILLANCE", 2);
        Logistics.rule("NE", "SURVEILLANCE", "LICENCE_REQUIRED");
        UUID request = Logistics.approve("NE", "agency-ne", Map.of(item, 2));
        String shipment = awaitStatus(request, "HELD");

        Trail.post(
                        lee,
                        "/api/v1/shipments/" + shipment + "/clearance",
                        Map.of(
                                "licenceReference",
                                "EXP-NE-77",
                                "licenceDate",
                                LocalDate.now().toString()))
                .then()
                .statusCode(200)
                .body("status", equalTo("CLEARED"));
        // refused: it is cleared, no longer held
        Trail.post(
                        lee,
                        "/api/v1/shipments/" + shipment + "/clearance",
                        Map.of(
                                "licenceReference",
                                "EXP-NE-78",
                                "licenceDate",
                                LocalDate.now().toString()))
                .then()
                .statusCode(409);
        Map<String, Object> dispatch = new LinkedHashMap<>();
        dispatch.put("mode", "LAND");
        dispatch.put("carrier", "Sahel Freight");
        dispatch.put("trackingReference", "SF-1234");
        dispatch.put("units", Logistics.units(item, 2));
        Trail.post(lee, "/api/v1/shipments/" + shipment + "/dispatch", dispatch)
                .then()
                .statusCode(200);
        OffsetDateTime customs = OffsetDateTime.now(ZoneOffset.UTC);
        Trail.post(
                        lee,
                        "/api/v1/shipments/" + shipment + "/milestones",
                        Map.of("milestone", "CUSTOMS_ENTRY", "location", "Niamey", "occurredAt", customs.toString()))
                .then()
                .statusCode(200);
        // delivered after the dispatch (a delivery before it is refused)
        OffsetDateTime delivered = OffsetDateTime.now(ZoneOffset.UTC);
        Trail.post(lee, "/api/v1/shipments/" + shipment + "/delivery", Map.of("deliveredAt", delivered.toString()))
                .then()
                .statusCode(200);
        // refused: a delivered shipment is not cancelled
        Trail.post(lee, "/api/v1/shipments/" + shipment + "/cancellation", Map.of("reason", "too late"))
                .then()
                .statusCode(409);

        JsonPath trail = Trail.of(lee, "shipment");
        assertThat(trail.getList("action")).containsExactly("delivered", "milestone-recorded", "dispatched", "cleared");
        assertThat(trail.getList("subject")).containsOnly(shipment);
        assertThat(trail.getList("before.status")).containsExactly("IN_TRANSIT", "DISPATCHED", "CLEARED", "HELD");
        assertThat(trail.getList("after.status")).containsExactly("DELIVERED", "IN_TRANSIT", "DISPATCHED", "CLEARED");
        assertThat(trail.getString("[3].before.licenceReference")).isNull();
        assertThat(trail.getString("[3].after.licenceReference")).isEqualTo("EXP-NE-77");
        assertThat(trail.getString("[2].after.carrier")).isEqualTo("Sahel Freight");
        assertThat(trail.getList("[1].before.milestones")).isEmpty();
        assertThat(trail.getList("[1].after.milestones.location")).containsExactly("Niamey");
        assertThat(trail.getString("[0].before.deliveredAt")).isNull();
        assertThat(OffsetDateTime.parse(trail.getString("[0].after.deliveredAt")))
                .isAtSameInstantAs(delivered);
    }

    @Test
    void a_cancellation_by_logistics_is_audited_whether_asked_for_or_made_by_removing_every_held_line() {
        Staff lee = Trail.staff("lee.logistics", "logistics");
        String prohibited = stocked("SUR", "SURVEILLANCE", 1);
        Logistics.rule("NE", "SURVEILLANCE", "PROHIBITED");
        String held = awaitStatus(Logistics.approve("NE", "agency-ne", Map.of(prohibited, 1)), "HELD");
        String planned = awaitStatus(
                Logistics.approve("KE", "agency-ke", Map.of(stocked("LAB", "LABORATORY", 1), 1)), "PLANNED");

        Trail.post(
                        lee,
                        "/api/v1/shipments/" + held + "/clearance",
                        Map.of("removeItems", List.of(prohibited), "reason", "Prohibited for Niger"))
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        Trail.post(lee, "/api/v1/shipments/" + planned + "/cancellation", Map.of("reason", "Agency closed"))
                .then()
                .statusCode(200);
        Trail.post(lee, "/api/v1/shipments/" + planned + "/cancellation", Map.of("reason", "twice"))
                .then()
                .statusCode(409);

        JsonPath trail = Trail.of(lee, "shipment");
        assertThat(trail.getList("action")).containsExactly("cancelled", "cancelled");
        assertThat(trail.getList("subject")).containsExactly(planned, held);
        assertThat(trail.getList("before.status")).containsExactly("PLANNED", "HELD");
        assertThat(trail.getList("after.status")).containsExactly("CANCELLED", "CANCELLED");
        assertThat(trail.getList("after.cancelledBy")).containsOnly(lee.subject());
        assertThat(trail.getList("after.cancellationReason")).containsExactly("Agency closed", "Prohibited for Niger");
    }

    @Test
    void an_impediment_is_audited_as_recorded_and_as_resolved_once() {
        Staff lee = Trail.staff("lee.logistics", "logistics");
        String shipment = awaitStatus(
                Logistics.approve("KE", "agency-ke", Map.of(stocked("LAB", "LABORATORY", 1), 1)), "PLANNED");
        OffsetDateTime occurred =
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> draft = new HashMap<>();
        draft.put("kind", "CARRIER_REFUSAL");
        draft.put("party", "Blue Sky Cargo");
        draft.put("basis", "UNILATERAL_MEASURE");
        draft.put("occurredAt", occurred.toString());
        draft.put("note", "Refused the booking");
        String impediment = Trail.post(lee, "/api/v1/shipments/" + shipment + "/impediments", draft)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String resolution = "/api/v1/shipments/" + shipment + "/impediments/" + impediment + "/resolution";
        Map<String, Object> resolved = Map.of(
                "resolvedAt",
                occurred.plusDays(1).toString(),
                "extraCost",
                Trail.money("300.00"),
                "note",
                "Another carrier took it");
        Trail.post(lee, resolution, resolved).then().statusCode(200);
        Trail.post(lee, resolution, resolved).then().statusCode(409);
        Trail.post(lee, "/api/v1/shipments/" + UUID.randomUUID() + "/impediments", draft)
                .then()
                .statusCode(404);

        JsonPath trail = Trail.of(lee, "impediment");
        assertThat(trail.getList("action")).containsExactly("resolved", "created");
        assertThat(trail.getList("subject")).containsOnly(impediment);
        assertThat(trail.getMap("[1].before")).isNull();
        assertThat(trail.getString("[1].after.party")).isEqualTo("Blue Sky Cargo");
        assertThat(trail.getString("[1].after.shipmentId")).isEqualTo(shipment);
        assertThat(trail.getString("[0].before.resolvedAt")).isNull();
        assertThat(trail.getString("[0].after.resolvedAt")).isNotNull();
        assertThat(trail.getString("[0].after.resolvedBy")).isEqualTo(lee.subject());
        assertThat(trail.getString("[0].after.extraCost.currency")).isEqualTo("EUR");
    }

    @Test
    void a_backorder_cancelled_by_logistics_is_audited_once() {
        Staff lee = Trail.staff("lee.logistics", "logistics");
        String item = Logistics.unique("VEH");
        Logistics.item(item, "VEHICLES", false, "25000.00");
        UUID request = Logistics.approve("KE", "agency-ke", Map.of(item, 3));
        String reference = (String) Logistics.awaitBackorders(request, 1).get(0).get("reference");

        Trail.post(lee, "/api/v1/backorders/" + reference + "/cancellation", Map.of("reason", "Supplier gone"))
                .then()
                .statusCode(200);
        Trail.post(lee, "/api/v1/backorders/" + reference + "/cancellation", Map.of("reason", "twice"))
                .then()
                .statusCode(409);

        JsonPath trail = Trail.of(lee, "backorder");
        assertThat(trail.getList("action")).containsExactly("cancelled");
        assertThat(trail.getString("[0].subject")).isEqualTo(reference);
        assertThat(trail.getString("[0].before.status")).isEqualTo("OPEN");
        assertThat(trail.getInt("[0].before.remaining")).isEqualTo(3);
        assertThat(trail.getString("[0].after.status")).isEqualTo("CANCELLED");
        assertThat(trail.getString("[0].after.cancellationReason")).isEqualTo("Supplier gone");
        assertThat(trail.getString("[0].after.cancelledBy")).isEqualTo(lee.subject());
    }

    @Test
    void an_end_use_check_recorded_by_operations_is_audited_and_one_refused_is_not() {
        Staff otto = Trail.staff("otto.operations", "operations");
        String item = stocked("SUR", "SURVEILLANCE", 1);
        String shipment = awaitStatus(Logistics.approve("KE", "agency-ke", Map.of(item, 1)), "PLANNED");
        List<Map<String, Object>> units = Logistics.units(item, 1);
        Logistics.dispatch(shipment, units).then().statusCode(200);
        Logistics.deliver(shipment, OffsetDateTime.now(ZoneOffset.UTC));
        String serial = (String) units.get(0).get("serialNumber");
        String checks = "/api/v1/assets/" + serial + "/checks";

        String check = given().auth()
                .oauth2(otto.token())
                .contentType("application/json")
                .body(Map.of(
                        "result",
                        "IN_USE",
                        "checkedAt",
                        LocalDate.now(ZoneOffset.UTC).toString(),
                        "by",
                        "UNODC Nairobi"))
                .when()
                .post(checks)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(otto.token())
                .contentType("application/json")
                .body(Map.of(
                        "result",
                        "IN_USE",
                        "checkedAt",
                        LocalDate.now(ZoneOffset.UTC).plusDays(3).toString(),
                        "by",
                        "UNODC Nairobi"))
                .when()
                .post(checks)
                .then()
                .statusCode(422);

        JsonPath trail = Trail.of(otto, "end-use-check");
        assertThat(trail.getList("action")).containsExactly("created");
        assertThat(trail.getString("[0].subject")).isEqualTo(check);
        assertThat(trail.getMap("[0].after"))
                .containsEntry("serialNumber", serial)
                .containsEntry("result", "IN_USE")
                .containsEntry("checkNumber", 1)
                .containsEntry("recordedBy", otto.subject());
    }

    @Test
    void a_document_attached_by_logistics_is_audited_with_what_it_is_never_its_content() {
        Staff lee = Trail.staff("lee.logistics", "logistics");
        String shipment = awaitStatus(
                Logistics.approve("KE", "agency-ke", Map.of(stocked("FOR", "FORENSIC_IT", 1), 1)), "PLANNED");
        String documents = "/api/v1/shipments/" + shipment + "/documents";
        DocumentUploads.Sample pdf = DocumentUploads.accepted().get(0);
        String document = DocumentUploads.upload(documents, lee.token(), pdf, "EXPORT_LICENCE")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        DocumentUploads.upload(documents, lee.token(), DocumentUploads.refused().get(0), "EXPORT_LICENCE")
                .then()
                .statusCode(415);

        JsonPath trail = Trail.of(lee, "shipment-document");
        assertThat(trail.getList("action")).containsExactly("created");
        assertThat(trail.getString("[0].subject")).isEqualTo(document);
        assertThat(trail.getMap("[0].after"))
                .containsEntry("kind", "EXPORT_LICENCE")
                .containsEntry("filename", pdf.filename())
                .containsEntry("mediaType", "application/pdf")
                .containsEntry("sha256", DocumentUploads.sha256(pdf.content()))
                .containsEntry("uploadedBy", lee.subject());
        assertThat(trail.prettify()).doesNotContain("%PDF");
    }

    private static Map<String, Object> rule(String destination, String reference) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("destination", destination);
        rule.put("target", "VEHICLES");
        rule.put("measure", "LICENCE_REQUIRED");
        rule.put("reference", reference);
        rule.put("reason", "Audit test");
        rule.put("basis", "NATIONAL_EXPORT_CONTROL");
        rule.put("imposedBy", "Ministry of Trade");
        return rule;
    }

    private static Map<String, Object> item(String code, String name, boolean dualUse) {
        Map<String, Object> item = new HashMap<>();
        if (code != null) {
            item.put("code", code);
        }
        item.put("name", name);
        item.put("category", "SURVEILLANCE");
        item.put("unitCost", Trail.money("900.00"));
        item.put("dualUse", dualUse);
        return item;
    }

    /** A new item of the category with {@code units} in a new warehouse; its code. */
    private static String stocked(String prefix, String category, int units) {
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique(prefix);
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, category, category.equals("SURVEILLANCE"), "500.00");
        Logistics.stock(warehouse, item, units);
        return item;
    }

    /** The request's one shipment, once planned, in the given status; its id. */
    private static String awaitStatus(UUID request, String status) {
        Map<String, Object> shipment = Logistics.awaitShipments(request, 1).get(0);
        assertThat(shipment.get("status")).isEqualTo(status);
        return (String) shipment.get("id");
    }
}
