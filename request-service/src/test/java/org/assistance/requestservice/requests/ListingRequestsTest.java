package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

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
            JsonPath page = given().auth()
                    .oauth2(Tokens.partner(agency))
                    .urlEncodingEnabled(false)
                    .when()
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
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
        // only what this test submits: earlier tests' requests are older than this (the service stamps
        // submissions with the same clock); a second's margin let in those of the test just before
        String since = Instant.now().toString();
        String agency = "agency-filter-" + UUID.randomUUID();
        String other = "agency-filter-other-" + UUID.randomUUID();
        Map<String, Object> urgentInColombia = Drafts.trainingAndEquipment();
        urgentInColombia.put("country", "CO");
        urgentInColombia.put("priority", "URGENT");
        String colombia = Drafts.submit(agency, urgentInColombia).toString();
        String kenya = Drafts.submit(agency, Drafts.trainingAndEquipment()).toString();
        Map<String, Object> urgentElsewhere = Drafts.trainingAndEquipment();
        urgentElsewhere.put("priority", "URGENT");
        String othersUrgent = Drafts.submit(other, urgentElsewhere).toString();

        JsonPath inColombia = given().auth()
                .oauth2(Tokens.partner(agency))
                .queryParam("country", "CO")
                .queryParam("submittedFrom", since)
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(inColombia.getList("items.id", String.class)).containsExactly(colombia);
        assertThat(inColombia.getList("items.country", String.class)).containsExactly("CO");

        // a partner sees only its own agency's, even where another agency's would match
        JsonPath partnersUrgent = given().auth()
                .oauth2(Tokens.partner(agency))
                .queryParam("priority", "URGENT")
                .queryParam("submittedFrom", since)
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(partnersUrgent.getList("items.id", String.class)).containsExactly(colombia);

        // staff see every agency's: both agencies' urgent requests, and only urgent ones
        JsonPath staffUrgent = given().auth()
                .oauth2(Tokens.role("operations"))
                .queryParam("priority", "URGENT")
                .queryParam("submittedFrom", since)
                .queryParam("limit", 100)
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(staffUrgent.getList("items.id", String.class))
                .containsExactly(othersUrgent, colombia)
                .doesNotContain(kenya);
        assertThat(staffUrgent.getList("items.agencyId", String.class)).containsExactly(other, agency);
        assertThat(staffUrgent.getList("items.priority", String.class)).containsOnly("URGENT");

        // and without a filter, staff see both agencies' requests, newest first
        JsonPath staffAll = given().auth()
                .oauth2(Tokens.role("operations"))
                .queryParam("submittedFrom", since)
                .queryParam("limit", 100)
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(staffAll.getList("items.id", String.class)).containsExactly(othersUrgent, kenya, colombia);
    }

    @Test
    void a_limit_over_100_or_a_forged_cursor_is_400() {
        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/requests?limit=101")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/requests?cursor=bm90LWEtY3Vyc29y")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }
}
