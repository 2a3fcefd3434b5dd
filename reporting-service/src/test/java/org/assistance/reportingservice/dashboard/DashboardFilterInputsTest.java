package org.assistance.reportingservice.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Whatever a dashboard reader types into the filters, the answer is the KPIs or a 400 naming the filter. */
@QuarkusTest
class DashboardFilterInputsTest {

    @Test
    void a_donor_id_with_a_backslash_or_quotes_is_only_a_donor_that_funds_nothing() {
        for (String donor : List.of("a\\", "\"", "\\\"]", "donor\\u0041", "[\"x\"]")) {
            given().auth()
                    .oauth2(Tokens.role("operations"))
                    .queryParam("donor", donor)
                    .when()
                    .get("/api/v1/dashboard")
                    .then()
                    .statusCode(200)
                    .body("requests", equalTo(0))
                    .body("filter.donor", equalTo(donor));
        }
    }

    @Test
    void a_filter_holding_a_control_character_is_refused_naming_the_filter() {
        for (String filter : List.of("country", "thematicArea", "programme", "donor")) {
            given().auth()
                    .oauth2(Tokens.role("operations"))
                    .queryParam(filter, "K\u0000")
                    .when()
                    .get("/api/v1/dashboard")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(filter));
        }
    }

    @Test
    void a_date_beyond_the_four_digit_years_is_refused_naming_the_filter() {
        for (Map.Entry<String, String> day : List.of(
                Map.entry("from", "+10000-01-01"),
                Map.entry("to", "+999999999-12-31"),
                Map.entry("from", "0000-01-01"),
                Map.entry("to", "-0001-06-01"))) {
            given().auth()
                    .oauth2(Tokens.role("operations"))
                    .queryParam(day.getKey(), day.getValue())
                    .when()
                    .get("/api/v1/dashboard")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(day.getKey()));
        }
        given().auth()
                .oauth2(Tokens.role("operations"))
                .queryParam("from", "0001-01-01")
                .queryParam("to", "9999-12-31")
                .when()
                .get("/api/v1/dashboard")
                .then()
                .statusCode(200);
    }

    @Test
    void a_filter_longer_than_any_value_it_can_match_is_refused_naming_the_filter() {
        Map<String, String> tooLong = Map.of(
                "country",
                "KEN",
                "thematicArea",
                "C".repeat(41),
                "programme",
                "P".repeat(21),
                "donor",
                "d".repeat(101));
        tooLong.forEach((filter, value) -> given().auth()
                .oauth2(Tokens.role("operations"))
                .queryParam(filter, value)
                .when()
                .get("/api/v1/dashboard")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(filter)));
        given().auth()
                .oauth2(Tokens.role("operations"))
                .queryParam("thematicArea", "CYBERCRIME'; drop table x; --")
                .when()
                .get("/api/v1/dashboard")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("thematicArea"));
    }
}
