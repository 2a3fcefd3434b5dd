package org.assistance.requestservice.requests;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ListingRequestsTest {

    @Test
    void following_the_next_links_visits_every_request_once_newest_first() {
        String agency = "agency-pages-" + UUID.randomUUID();
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(Drafts.submit(agency, Drafts.trainingAndEquipment()).toString());
        }
        List<String> seen = new ArrayList<>();
        String next = "/api/v1/requests?limit=2";
        int pages = 0;
        while (next != null) {
            JsonPath page = given().auth().oauth2(Tokens.partner(agency)).urlEncodingEnabled(false)
                    .when().get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            next = page.getString("next");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        java.util.Collections.reverse(submitted);
        assertThat(seen).containsExactlyElementsOf(submitted);
    }

    @Test
    void filters_narrow_the_list_and_staff_see_every_agency() {
        String agency = "agency-filter-" + UUID.randomUUID();
        Map<String, Object> colombia = Drafts.trainingAndEquipment();
        colombia.put("country", "CO");
        colombia.put("priority", "URGENT");
        Drafts.submit(agency, colombia);
        Drafts.submit(agency, Drafts.trainingAndEquipment());
        given().auth().oauth2(Tokens.partner(agency)).when().get("/api/v1/requests?country=CO")
                .then().statusCode(200).body("items", hasSize(1)).body("items.country", everyItem(equalTo("CO")));
        given().auth().oauth2(Tokens.role("operations")).when().get("/api/v1/requests?priority=URGENT&limit=100")
                .then().statusCode(200).body("items.priority", everyItem(equalTo("URGENT")));
    }

    @Test
    void a_limit_over_100_or_a_forged_cursor_is_400() {
        given().auth().oauth2(Tokens.role("operations")).when().get("/api/v1/requests?limit=101")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.role("operations")).when().get("/api/v1/requests?cursor=bm90LWEtY3Vyc29y")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }
}
