package org.assistance.reportingservice.feeds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** A feed cursor the feed never gave out is the client's mistake: 400 naming since, never a 500. */
@QuarkusTest
class FeedCursorsOutOfRangeTest {

    @Test
    void a_since_beyond_2_to_the_64_is_refused_with_a_problem_naming_since() {
        for (String position :
                List.of("18446744073709551616", "99999999999999999999", "-1", "12a", "1|not-a-uuid", "1|2|3")) {
            for (String feed : List.of("iati", "activities.json", "activities.csv")) {
                given().auth()
                        .oauth2(Tokens.role("operations"))
                        .queryParam("since", cursor(position))
                        .when()
                        .get("/api/v1/feeds/" + feed)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("since"))
                        .body("detail", containsString("not a cursor this feed gave out"));
            }
        }
    }

    @Test
    void a_since_that_is_not_even_a_cursor_or_is_too_long_is_refused_with_a_problem_naming_since() {
        for (String since : List.of("%%%", "abc def", "a.b", "A".repeat(101), "not base64 at all!")) {
            given().auth()
                    .oauth2(Tokens.role("operations"))
                    .queryParam("since", since)
                    .when()
                    .get("/api/v1/feeds/activities.json")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("since"));
        }
        given().auth()
                .oauth2(Tokens.role("operations"))
                .header("If-None-Match", "\"" + "e".repeat(1001) + "\"")
                .when()
                .get("/api/v1/feeds/activities.json")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void the_largest_transaction_id_is_a_cursor_that_simply_has_nothing_new() {
        given().auth()
                .oauth2(Tokens.role("operations"))
                .queryParam("since", cursor("18446744073709551615"))
                .when()
                .get("/api/v1/feeds/activities.json")
                .then()
                .statusCode(200)
                .body("activities.size()", equalTo(0));
    }

    private static String cursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }
}
