package org.assistance.requestservice.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.requestservice.requests.DraftsAccess;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The catalogue copied from equipment-service's events decides which items an agency may ask for. */
@QuarkusTest
class ItemsOutsideTheCatalogueTest {
    private static final String AGENCY = "agency-catalogue";

    @Test
    void an_unknown_item_and_a_withdrawn_item_are_refused_at_submission_naming_each_line() {
        String withdrawn = "OLD-CAM-" + UUID.randomUUID().toString().substring(0, 8);
        CatalogueItems.published(withdrawn);
        CatalogueItems.withdrawn(withdrawn, "Model discontinued");
        Map<String, Object> draft = DraftsAccess.trainingAndEquipment();
        draft.put(
                "equipmentLines",
                List.of(
                        Map.of("itemCode", "FOR-WB-001", "quantity", 2, "justification", "Labs"),
                        Map.of("itemCode", "NO-SUCH-ITEM", "quantity", 1, "justification", "Labs"),
                        Map.of("itemCode", withdrawn, "quantity", 3, "justification", "Border posts")));

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("equipmentLines[1].itemCode", "equipmentLines[2].itemCode"))
                .body("errors[0].message", containsString("not in the catalogue"))
                .body("errors[1].message", containsString("Model discontinued"));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void an_amendment_naming_an_item_outside_the_catalogue_is_refused_and_changes_nothing() {
        UUID id = DraftsAccess.submit(AGENCY + "-amend");
        String etag = given().auth()
                .oauth2(Tokens.partner(AGENCY + "-amend"))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(Tokens.partner(AGENCY + "-amend"))
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(
                        "{\"equipmentLines\": [{\"itemCode\": \"NO-SUCH-ITEM\", \"quantity\": 1, \"justification\": \"x\"}]}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("equipmentLines[0].itemCode"));
        given().auth()
                .oauth2(Tokens.partner(AGENCY + "-amend"))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .body("equipmentLines[0].itemCode", equalTo("FOR-WB-001"))
                .header("ETag", equalTo(etag));
    }

    @Test
    void an_item_published_again_after_its_withdrawal_may_be_asked_for() {
        String code = "CAM-" + UUID.randomUUID().toString().substring(0, 8);
        CatalogueItems.published(code);
        CatalogueItems.withdrawn(code, "Recalled");
        CatalogueItems.published(code);
        Map<String, Object> draft = DraftsAccess.trainingAndEquipment();
        draft.put("equipmentLines", List.of(Map.of("itemCode", code, "quantity", 2, "justification", "Labs")));
        given().auth()
                .oauth2(Tokens.partner(AGENCY + "-again"))
                .contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(201);
    }

    @Test
    void a_partner_lists_the_items_it_may_ask_for_and_a_withdrawn_one_is_not_among_them() {
        String kept = "KIT-" + UUID.randomUUID().toString().substring(0, 8);
        String gone = "KIT-" + UUID.randomUUID().toString().substring(0, 8);
        CatalogueItems.published(kept);
        CatalogueItems.published(gone);
        CatalogueItems.withdrawn(gone, "Recalled");

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/catalogue")
                .then()
                .statusCode(200)
                .body("itemCode", hasItem(kept))
                .body("itemCode", not(hasItem(gone)))
                .body("find { it.itemCode == '" + kept + "' }.name", equalTo("Item " + kept));
        given().when().get("/api/v1/catalogue").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.donor("donor-eu"))
                .when()
                .get("/api/v1/catalogue")
                .then()
                .statusCode(403);
    }
}
