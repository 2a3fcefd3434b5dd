package org.assistance.chassis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Tokens as an identity provider issues them: for this platform's audience, at most an hour old,
 * signed with a key the provider publishes by kid in its JWKS, which it rotates while services run.
 */
@QuarkusTest
class TokensAsAnIdentityProviderIssuesThemTest {

    @Test
    void a_token_for_another_audience_is_refused() {
        UUID id = Fixtures.submit("seen by the platform's own tokens only");
        assertThat(statusReading(id, Tokens.forAudience("another-application", "reviewer")))
                .isEqualTo(401);
        assertThat(statusReading(id, Tokens.role("reviewer"))).isEqualTo(200);
    }

    @Test
    void a_token_older_than_the_maximum_age_is_refused() {
        UUID id = Fixtures.submit("seen by fresh tokens only");
        assertRefused(Tokens.issuedAgo(Tokens.MAXIMUM_AGE.plusMinutes(5), "reviewer"), id);
        assertThat(statusReading(id, Tokens.issuedAgo(Duration.ofMinutes(30), "reviewer")))
                .isEqualTo(200);
    }

    @Test
    void a_token_signed_with_an_unknown_key_is_refused() {
        UUID id = Fixtures.submit("seen by published keys only");
        assertRefused(Tokens.unknownKey("reviewer"), id);
    }

    @Test
    void after_a_key_rotation_tokens_of_the_old_and_the_new_key_are_both_accepted_without_restart() {
        UUID id = Fixtures.submit("read across a key rotation");
        String before = Tokens.role("reviewer");
        String oldKey = Tokens.signingKeyId();
        assertThat(statusReading(id, before)).isEqualTo(200);

        String newKey = Tokens.rotateKeys();
        String after = Tokens.role("reviewer");

        assertThat(newKey).isNotEqualTo(oldKey);
        // the service reads the JWKS again when it first sees the new kid (the JWKS client skips a
        // second read within 300 ms of the last, so the first answer may come just before it)
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(statusReading(id, after))
                        .as("a token of the new key")
                        .isEqualTo(200));
        assertThat(statusReading(id, before))
                .as("a token of the old key, still published")
                .isEqualTo(200);
        given().auth()
                .oauth2(Tokens.partner("agency-rotation"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"written with the new key\"}")
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(200);
    }

    @Test
    void an_agency_claim_over_100_characters_is_refused_as_problem_json_not_500() {
        String agency = "agency-" + "x".repeat(94);
        assertThat(agency).hasSize(101);
        given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"from an agency with a long name\"}")
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void a_country_claim_that_is_not_two_capital_letters_is_refused() {
        for (String country : new String[] {"ke", "KEN", "K", "", "=1+1", "K\u0001"}) {
            given().auth()
                    .oauth2(Tokens.partnerWithClaim("country", country))
                    .when()
                    .get("/fixture/requests/" + java.util.UUID.randomUUID())
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void an_agency_claim_of_100_characters_is_served() {
        String agency = "agency-" + "x".repeat(93);
        given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"from an agency with a long name\"}")
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(200)
                .body("agency", equalTo(agency));
    }

    @Test
    void tenant_claims_that_could_harm_a_reader_are_refused() {
        for (String agency :
                new String[] {"agency\u0001ke", "=HYPERLINK(\"http://x\")", "agency ke", "", "agency/../ke"}) {
            given().auth()
                    .oauth2(Tokens.partnerWithClaim("agency", agency))
                    .contentType(ContentType.JSON)
                    .body("{\"title\":\"from a strange agency\"}")
                    .when()
                    .post("/fixture/requests")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
        assertThat(statusReading(Fixtures.submit("for donors"), Tokens.person("donor-" + "d".repeat(100), "reviewer")))
                .as("a subject over 100 characters")
                .isEqualTo(401);
    }

    private static void assertRefused(String token, UUID id) {
        given().auth()
                .oauth2(token)
                .when()
                .get("/fixture/requests/" + id)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    private static int statusReading(UUID id, String token) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/fixture/requests/" + id)
                .then()
                .extract()
                .statusCode();
    }
}
