package org.assistance.requestservice.priorities;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.assistance.chassis.events.Topics;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatingNationalPrioritiesTest {

    @Test
    void a_focal_point_states_its_States_priorities_which_everyone_concerned_reads_by_rank() {
        String country = "GH";
        Map<String, Object> second = Priorities.body(2);
        second.put("title", "Border control of firearms");
        second.put("thematicArea", "FIREARMS_TRAFFICKING");
        second.put("assistanceTypes", List.of("TRAINING"));
        io.restassured.response.Response created = given().auth()
                .oauth2(Tokens.focalPoint(country))
                .contentType(ContentType.JSON)
                .body(second)
                .when()
                .post("/api/v1/countries/" + country + "/priorities")
                .then()
                .statusCode(201)
                .body("country", equalTo(country))
                .body("rank", equalTo(2))
                .body("thematicArea", equalTo("FIREARMS_TRAFFICKING"))
                .body("strategyReference", equalTo("National Cybercrime Strategy 2025-2029, pillar 2"))
                .body("periodFrom", equalTo("2025-01-01"))
                .body("periodTo", equalTo("2029-12-31"))
                .extract()
                .response();
        UUID secondId = UUID.fromString(created.path("id"));
        assertThat(created.header("Location")).endsWith("/api/v1/countries/GH/priorities/" + secondId);
        UUID firstId = Priorities.stated(country, 1);

        for (String token : List.of(
                Tokens.focalPoint(country),
                Tokens.partner("agency-gh"),
                Tokens.role("reviewer"),
                Tokens.role("operations"),
                Tokens.role("admin"))) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/countries/" + country + "/priorities")
                    .then()
                    .statusCode(200)
                    .body("id", contains(firstId.toString(), secondId.toString()))
                    .body("rank", contains(1, 2));
        }
        given().auth()
                .oauth2(Tokens.partner("agency-gh"))
                .when()
                .get(created.header("Location"))
                .then()
                .statusCode(200)
                .body("title", equalTo("Border control of firearms"));

        var stated = BrokerClient.await(
                Topics.REQUESTS,
                r -> ("country:" + country).equals(r.key())
                        && "assistance.country.priority-stated.v1".equals(BrokerClient.header(r, "ce_type")),
                2,
                Duration.ofSeconds(20));
        assertThat(stated)
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .anySatisfy(json -> assertThat(json)
                        .contains("\"priorityId\":\"" + secondId + "\"", "\"country\":\"GH\"", "\"rank\":2"))
                .anySatisfy(json -> assertThat(json).contains("\"priorityId\":\"" + firstId + "\""));
    }

    @Test
    void an_admin_may_state_a_priority_for_a_State() {
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Priorities.body(3))
                .when()
                .post("/api/v1/countries/SN/priorities")
                .then()
                .statusCode(201)
                .body("country", equalTo("SN"));
    }

    @Test
    void another_States_focal_point_and_a_partner_cannot_state_a_priority_and_nothing_is_written() {
        String country = "ML";
        for (String token : List.of(
                Tokens.focalPoint("SN"),
                Tokens.partner("agency-ml"),
                Tokens.role("reviewer"),
                Tokens.role("operations"))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Priorities.body(1))
                    .when()
                    .post("/api/v1/countries/" + country + "/priorities")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(Tokens.focalPoint("SN"))
                .when()
                .get("/api/v1/countries/" + country + "/priorities")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.donor("donor-eu"))
                .when()
                .get("/api/v1/countries/" + country + "/priorities")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.focalPoint(country))
                .when()
                .get("/api/v1/countries/" + country + "/priorities")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void invalid_priorities_are_refused_as_problems_naming_the_field_and_write_nothing() {
        String country = "BF";
        assertRefused(country, b -> b.remove("title"), "title");
        assertRefused(country, b -> b.put("title", "x".repeat(201)), "title");
        assertRefused(country, b -> b.put("thematicArea", "GARDENING"), "thematicArea");
        assertRefused(country, b -> b.put("assistanceTypes", List.of()), "assistanceTypes");
        assertRefused(country, b -> b.put("assistanceTypes", List.of("TRAINING", "TRAINING")), "assistanceTypes");
        assertRefused(country, b -> b.remove("strategyReference"), "strategyReference");
        assertRefused(country, b -> b.put("strategyReference", "x".repeat(501)), "strategyReference");
        assertRefused(country, b -> b.put("periodTo", "2024-12-31"), "periodTo");
        assertRefused(country, b -> b.put("periodFrom", "1999-12-31"), "periodFrom");
        assertRefused(country, b -> b.remove("periodFrom"), "periodFrom");
        assertRefused(country, b -> b.put("rank", 0), "rank");
        assertRefused(country, b -> b.put("rank", 101), "rank");
        given().auth()
                .oauth2(Tokens.focalPoint(country))
                .when()
                .get("/api/v1/countries/" + country + "/priorities")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void a_country_that_is_not_an_ISO_code_is_refused_as_a_problem() {
        for (String country : List.of("ke", "KEN", "XX", "K1")) {
            given().auth()
                    .oauth2(Tokens.role("admin"))
                    .contentType(ContentType.JSON)
                    .body(Priorities.body(1))
                    .when()
                    .post("/api/v1/countries/" + country + "/priorities")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(Tokens.role("admin"))
                    .when()
                    .get("/api/v1/countries/" + country + "/priorities")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void another_States_priority_is_not_found_under_this_State() {
        UUID theirs = Priorities.stated("NE", 1);
        given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .get("/api/v1/countries/TD/priorities/" + theirs)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static void assertRefused(String country, Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> body = Priorities.body(1);
        change.accept(body);
        var answer = given().auth()
                .oauth2(Tokens.focalPoint(country))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/countries/" + country + "/priorities")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        if (field != null) {
            answer.body("errors.field", hasItem(field));
        }
    }
}
