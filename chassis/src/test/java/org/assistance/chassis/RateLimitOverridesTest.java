package org.assistance.chassis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * An admin gives one caller a limit of its own, in place of its role's (a partner agency here may
 * burst 5 calls, one more a second: RateLimitTest's low limits), and every refusal is counted by
 * policy and caller for the alert on rejections per caller.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitOverridesTest {
    private static final String API = "/api/v1/fixture/whoami";
    private static final String OVERRIDES = "/api/v1/admin/rate-limits/";

    @Inject
    DataSource database;

    @Test
    void an_override_raises_an_agencys_limit_and_lifting_it_gives_back_the_partners_limit() {
        String agency = agency();
        set("agency:" + agency, 8, 1, null).then().statusCode(201);

        String token = Tokens.partner(agency);
        int served = 0;
        long began = System.nanoTime();
        Response answer;
        while ((answer = call(token)).statusCode() == 200 && served < 30) {
            served++;
        }
        // one token refills a second: a slow machine may serve one more per second the burst took
        long refilled = (System.nanoTime() - began) / 1_000_000_000L + 1;
        assertTrue(
                served >= 8 && served <= 8 + refilled,
                "the override's burst of 8 is served, not the partner's 5: " + served);
        answer.then()
                .statusCode(429)
                .header("RateLimit-Policy", "\"override\";q=8;w=8")
                .body("detail", containsString("override"));

        given().auth()
                .oauth2(admin())
                .when()
                .delete(OVERRIDES + "agency:" + agency)
                .then()
                .statusCode(204);
        call(token).then().statusCode(200).header("RateLimit-Policy", "\"partner\";q=5;w=5");
    }

    @Test
    void an_override_lowers_a_runaway_agencys_limit_below_the_partners() {
        String agency = agency();
        String token = Tokens.partner(agency);
        call(token).then().statusCode(200).header("RateLimit-Policy", "\"partner\";q=5;w=5");

        set("agency:" + agency, 2, 1, null).then().statusCode(201).body("capacity", equalTo(2));
        call(token).then().statusCode(200).header("RateLimit", "\"override\";r=1;t=1");
        call(token).then().statusCode(200);
        call(token)
                .then()
                .statusCode(429)
                .header("Retry-After", "1")
                .header("RateLimit-Policy", "\"override\";q=2;w=2");
        // another agency keeps its role's limit
        call(Tokens.partner(agency())).then().statusCode(200).header("RateLimit-Policy", "\"partner\";q=5;w=5");
    }

    @Test
    void an_expired_override_no_longer_applies() throws InterruptedException {
        String agency = agency();
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2);
        set("agency:" + agency, 50, 1, expires).then().statusCode(201);
        String token = Tokens.partner(agency);
        call(token).then().statusCode(200).header("RateLimit-Policy", "\"override\";q=50;w=50");

        Thread.sleep(Math.max(0, expires.toInstant().toEpochMilli() - System.currentTimeMillis()) + 200);
        call(token).then().statusCode(200).header("RateLimit-Policy", "\"partner\";q=5;w=5");
        // still listed, with its expiry, until replaced or removed
        given().auth()
                .oauth2(admin())
                .when()
                .get(OVERRIDES)
                .then()
                .statusCode(200)
                .body("caller", hasItem("agency:" + agency));
    }

    @Test
    void an_override_set_on_another_instance_applies_here_within_the_refresh() throws Exception {
        String agency = agency();
        // another instance wrote it: this one learns of it only from the table
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into rate_limit_overrides (caller, capacity, per_second, reason, set_by, set_at) "
                                + "values (?, 40, 4, 'set elsewhere', 'ops-elsewhere', now())")) {
            insert.setString(1, "agency:" + agency);
            insert.executeUpdate();
        }
        String token = Tokens.partner(agency);
        long deadline = System.currentTimeMillis() + 5_000;
        String policy;
        do {
            Thread.sleep(250);
            policy = call(token).header("RateLimit-Policy");
        } while (!policy.startsWith("\"override\"") && System.currentTimeMillis() < deadline);
        assertEquals("\"override\";q=40;w=10", policy, "the other instance's override applies here too");
    }

    @Test
    void setting_changing_and_lifting_an_override_are_audited_with_before_and_after() {
        String agency = agency();
        String caller = "agency:" + agency;
        String ops = Tokens.person("ops-lead-" + agency, "admin");
        set(ops, caller, 300, 30, "nightly synchronisation of " + agency, null)
                .then()
                .statusCode(201)
                .body("setBy", equalTo("ops-lead-" + agency));
        set(ops, caller, 600, 60, "the synchronisation grew", null)
                .then()
                .statusCode(200)
                .body("capacity", equalTo(600));
        given().auth().oauth2(ops).when().delete(OVERRIDES + caller).then().statusCode(204);

        JsonPath trail = given().auth()
                .oauth2(admin())
                .queryParam("kind", "rate-limit-override")
                .queryParam("actor", "ops-lead-" + agency)
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // newest first
        assertEquals(List.of("removed", "changed", "created"), trail.getList("action"));
        assertEquals(List.of(caller, caller, caller), trail.getList("subject"));
        assertNull(trail.get("[2].before"));
        assertEquals(300, trail.getInt("[2].after.capacity"));
        assertEquals("nightly synchronisation of " + agency, trail.getString("[2].after.reason"));
        assertEquals(300, trail.getInt("[1].before.capacity"));
        assertEquals(30, trail.getInt("[1].before.perSecond"));
        assertEquals(600, trail.getInt("[1].after.capacity"));
        assertEquals("the synchronisation grew", trail.getString("[1].after.reason"));
        assertEquals(600, trail.getInt("[0].before.capacity"));
        assertNull(trail.get("[0].after"));
        assertTrue(trail.getList("[0].actorRoles").contains("admin"));
    }

    @Test
    void only_admins_see_and_set_overrides() {
        String caller = "agency:" + agency();
        for (String token : List.of(Tokens.partner("agency-a"), Tokens.role("reviewer"), Tokens.role("operations"))) {
            given().auth().oauth2(token).when().get(OVERRIDES).then().statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("capacity", 1000, "perSecond", 100, "reason", "more for me"))
                    .when()
                    .put(OVERRIDES + caller)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .when()
                    .delete(OVERRIDES + caller)
                    .then()
                    .statusCode(403);
        }
        given().when().get(OVERRIDES).then().statusCode(401);
        given().auth()
                .oauth2(admin())
                .when()
                .get(OVERRIDES)
                .then()
                .statusCode(200)
                .body("caller", not(hasItem(caller)));
    }

    @Test
    void a_bad_override_is_a_400_problem_naming_the_field_and_sets_nothing() {
        String agency = agency();
        String caller = "agency:" + agency;
        Response zero = set(caller, 0, 1, null);
        zero.then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", containsString("capacity"));
        set(caller, 10, 0, null).then().statusCode(400).body("errors[0].field", containsString("perSecond"));
        set(caller, 10, 1, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("expiresAt"))
                .body("errors[0].message", equalTo("must be in the future"));
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("capacity", 10, "perSecond", 1, "reason", "  "))
                .when()
                .put(OVERRIDES + caller)
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("reason"))
                .body("errors[0].message", equalTo("must say why this caller's limit differs"));
        // a key the limiter never names (an address, a bare id), in the caller's language
        for (String notACaller : List.of("address:203.0.113.5", agency, "agency:", "partner:" + agency)) {
            given().auth()
                    .oauth2(admin())
                    .header("Accept-Language", "fr")
                    .contentType(ContentType.JSON)
                    .body(Map.of("capacity", 10, "perSecond", 1, "reason", "a test"))
                    .when()
                    .put(OVERRIDES + notACaller)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].message", containsString("doit être agency:<id>"));
        }
        given().auth()
                .oauth2(admin())
                .when()
                .delete(OVERRIDES + caller)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo(caller + " has no rate-limit override"));
        given().auth()
                .oauth2(admin())
                .when()
                .get(OVERRIDES)
                .then()
                .statusCode(200)
                .body("caller", not(hasItem(caller)));
        call(Tokens.partner(agency)).then().statusCode(200).header("RateLimit-Policy", "\"partner\";q=5;w=5");
    }

    @Test
    void every_refusal_is_counted_by_policy_and_caller_never_by_address_or_subject() {
        String agency = agency();
        String token = Tokens.partner(agency);
        double partnerBefore = rejections("partner", agency);
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            refused += call(token).statusCode() == 429 ? 1 : 0;
        }
        assertTrue(refused >= 1, "the burst over 5 is refused");
        assertEquals(
                partnerBefore + refused,
                rejections("partner", agency),
                () -> "each refusal of the agency counted; the scrape has: "
                        + metrics()
                                .lines()
                                .filter(line -> line.contains("rate_limit"))
                                .toList());

        String held = agency();
        set("agency:" + held, 1, 1, null).then().statusCode(201);
        String heldToken = Tokens.partner(held);
        call(heldToken).then().statusCode(200);
        call(heldToken).then().statusCode(429);
        assertEquals(1.0, rejections("override", held), "counted under the override's policy");

        // staff are counted as staff, never by their subject
        String subject = "reviewer-" + UUID.randomUUID().toString().substring(0, 8);
        double staffBefore = rejections("override", "staff");
        set("subject:" + subject, 1, 1, null).then().statusCode(201);
        String reviewer = Tokens.person(subject, "reviewer");
        call(reviewer).then().statusCode(200);
        call(reviewer).then().statusCode(429);
        assertEquals(staffBefore + 1, rejections("override", "staff"));

        // calls without a token as anonymous, never by address
        String address = "198.51.100." + (1 + (int) (Math.random() * 250));
        double anonymousBefore = rejections("anonymous", "anonymous");
        int anonymousRefused = 0;
        for (int i = 0; i < 5; i++) {
            anonymousRefused += given().header("X-Forwarded-For", address)
                                    .when()
                                    .get("/api/v1/fixture/public")
                                    .statusCode()
                            == 429
                    ? 1
                    : 0;
        }
        assertTrue(anonymousRefused >= 1);
        assertEquals(anonymousBefore + anonymousRefused, rejections("anonymous", "anonymous"));

        String scrape = metrics();
        assertFalse(scrape.contains(subject), "no subject is a label");
        assertFalse(scrape.contains(address), "no address is a label");
    }

    private static Response set(String caller, long capacity, long perSecond, OffsetDateTime expiresAt) {
        return set(admin(), caller, capacity, perSecond, "a test of " + caller, expiresAt);
    }

    private static Response set(
            String token, String caller, long capacity, long perSecond, String reason, OffsetDateTime expiresAt) {
        StringBuilder body = new StringBuilder("{\"capacity\":")
                .append(capacity)
                .append(",\"perSecond\":")
                .append(perSecond)
                .append(",\"reason\":\"")
                .append(reason)
                .append('"');
        if (expiresAt != null) {
            body.append(",\"expiresAt\":\"").append(expiresAt).append('"');
        }
        body.append('}');
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body.toString())
                .when()
                .put(OVERRIDES + caller);
    }

    /** The counter's value in the Prometheus scrape, 0 before its first refusal. */
    private static double rejections(String policy, String caller) {
        Matcher m = Pattern.compile("(?m)^assistance_rate_limit_rejections_total\\{([^}]*)\\} ([0-9.eE+-]+)")
                .matcher(metrics());
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("caller=\"" + caller + "\"") && labels.contains("policy=\"" + policy + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private static String metrics() {
        return given().when()
                .get(SecurityTest.management("/metrics"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static Response call(String token) {
        return given().auth().oauth2(token).when().get(API);
    }

    private static String admin() {
        return Tokens.role("admin");
    }

    private static String agency() {
        return "agency-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
