package org.assistance.chassis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.assistance.chassis.ratelimit.Allowance;
import org.assistance.chassis.ratelimit.RateLimitConfig;
import org.assistance.chassis.ratelimit.RateLimitOverrides;
import org.assistance.chassis.ratelimit.RateLimiter;
import org.assistance.chassis.ratelimit.RatePolicy;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Rate limits with limits low enough to reach: a partner agency may burst 5 calls and gets
 * one more a second; a call without a token 3 at once, one more a second, per address.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {
    private static final String API = "/api/v1/fixture/whoami";

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "assistance.rate-limit.partner.capacity", "5",
                    "assistance.rate-limit.partner.per-second", "1",
                    "assistance.rate-limit.anonymous.capacity", "3",
                    "assistance.rate-limit.anonymous.per-second", "1",
                    // another instance's override change is seen within a second (RateLimitOverridesTest)
                    "assistance.rate-limit.overrides-refresh-every", "1s",
                    // the test client stands behind a proxy it trusts, so each call can come from its own address
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    @Inject
    RateLimitConfig config;

    @Inject
    DataSource database;

    @Inject
    RateLimitOverrides overrides;

    @Inject
    MeterRegistry metrics;

    @Test
    void one_agencys_burst_is_limited_while_another_agency_is_served() {
        String busy = agency();
        String quiet = agency();
        int served = 0;
        int refused = 0;
        long began = System.nanoTime();
        for (int i = 0; i < 12; i++) {
            int status = call(Tokens.partner(busy)).statusCode();
            served += status == 200 ? 1 : 0;
            refused += status == 429 ? 1 : 0;
        }
        // one token refills a second: a slow machine may serve one more per second the burst took
        long refilled = (System.nanoTime() - began) / 1_000_000_000L + 1;
        assertTrue(
                served >= 5 && served <= 5 + refilled,
                "the burst of 5 (and what refilled meanwhile) is served: " + served);
        assertTrue(refused >= 5, "the rest is refused: " + refused);

        call(Tokens.partner(quiet))
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", "\"partner\";q=5;w=5")
                .header("RateLimit", "\"partner\";r=4;t=1");
        // another token of the busy agency spends the same agency's bucket: it is refused before a
        // fresh bucket's 5 are served (on a slow machine a token or two may have refilled meanwhile)
        String anotherTokenOfBusy = Tokens.partner(busy);
        int servedBeforeRefusal = 0;
        while (servedBeforeRefusal < 5 && call(anotherTokenOfBusy).statusCode() == 200) {
            servedBeforeRefusal++;
        }
        assertTrue(
                servedBeforeRefusal < 5,
                "the busy agency's other token shares its spent bucket: " + servedBeforeRefusal + " served");
    }

    @Test
    void the_429_says_when_to_retry_and_what_the_policy_is() throws InterruptedException {
        String agency = agency();
        String token = Tokens.partner(agency);
        for (int i = 0; i < 5; i++) {
            call(token).then().statusCode(200).header("RateLimit", containsString(";r=" + (4 - i) + ";"));
        }
        Response refused = call(token);
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .header("RateLimit-Policy", "\"partner\";q=5;w=5")
                .header("RateLimit", "\"partner\";r=0;t=1")
                .body("status", equalTo(429))
                .body("title", equalTo("Too many requests"))
                .body("type", equalTo("https://assistance.example/problems/rate-limited"))
                .body("detail", containsString("retry after 1 s"))
                .body("instance", equalTo(API));

        Thread.sleep(1000 * Long.parseLong(refused.header("Retry-After")));
        call(token).then().statusCode(200);
    }

    @Test
    void two_instances_of_a_service_share_one_agencys_budget() {
        String agency = agency();
        // another instance: its own limiter and connections, on the same database
        RateLimiter otherInstance = new RateLimiter(config, database, overrides, metrics);
        RateLimiter.Bucket bucket =
                new RateLimiter.Bucket(RatePolicy.of("partner", config.partner()), "agency:" + agency);
        for (int i = 0; i < 4; i++) {
            Allowance allowance = otherInstance.take(bucket);
            assertTrue(allowance.served());
        }
        call(Tokens.partner(agency)).then().statusCode(200).header("RateLimit", "\"partner\";r=0;t=5");
        call(Tokens.partner(agency)).then().statusCode(429);
        assertEquals(false, otherInstance.take(bucket).served(), "the other instance sees this one's calls too");
    }

    @Test
    void one_agencys_calls_from_many_connections_at_once_spend_its_bucket_exactly() throws Exception {
        // 8 callers at once on one bucket of 40, refilled at 1 a second: the bucket's arithmetic is done
        // in one statement per call, so no two calls spend the same token and none is lost
        RatePolicy policy = new RatePolicy("partner", 40, 1);
        RateLimiter.Bucket bucket = new RateLimiter.Bucket(policy, "agency:" + agency());
        AtomicInteger served = new AtomicInteger();
        long began = System.nanoTime();
        try (var callers = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                callers.submit(() -> {
                    if (new RateLimiter(config, database, overrides, metrics)
                            .take(bucket)
                            .served()) {
                        served.incrementAndGet();
                    }
                });
            }
        }
        long refilled = (System.nanoTime() - began) / 1_000_000_000L + 1;
        assertTrue(
                served.get() >= 40 && served.get() <= 40 + refilled,
                "served " + served.get() + " of 200 calls; the bucket holds 40 and refilled at most " + refilled);
    }

    @Test
    void a_forged_token_does_not_spend_a_real_agencys_budget() {
        String victim = agency();
        String forged = forgedPartner(victim);
        String attacker = "198.51.100." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", attacker)
                    .auth()
                    .oauth2(forged)
                    .when()
                    .get(API)
                    .then()
                    .statusCode(i < 3 ? 401 : 429)
                    .header("RateLimit-Policy", "\"anonymous\";q=3;w=3");
        }
        call(Tokens.partner(victim)).then().statusCode(200).header("RateLimit", "\"partner\";r=4;t=1");
    }

    @Test
    void calls_without_a_token_are_limited_per_address() {
        String first = "203.0.113." + (1 + (int) (Math.random() * 250));
        String second = "192.0.2." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", first)
                    .when()
                    .get("/api/v1/fixture/public")
                    .then()
                    .statusCode(200)
                    .header("RateLimit", "\"anonymous\";r=" + (2 - i) + ";t=" + (i + 1));
        }
        given().header("X-Forwarded-For", first)
                .when()
                .get("/api/v1/fixture/public")
                .then()
                .statusCode(429)
                .header("Retry-After", "1");
        given().header("X-Forwarded-For", first).when().get(API).then().statusCode(429);
        given().header("X-Forwarded-For", second)
                .when()
                .get("/api/v1/fixture/public")
                .then()
                .statusCode(200);
        given().header("X-Forwarded-For", second)
                .when()
                .get(API)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("RateLimit", matchesPattern("\"anonymous\";r=\\d+;t=\\d+"));
    }

    @Test
    void what_is_not_the_api_is_not_limited() {
        for (int i = 0; i < 10; i++) {
            given().when().get("/asyncapi").then().statusCode(200).header("RateLimit", nullValue());
        }
    }

    private static Response call(String token) {
        return given().auth().oauth2(token).when().get(API);
    }

    private static String agency() {
        return "agency-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A partner token for the given agency, signed with a key the service does not trust. */
    private static String forgedPartner(String agency) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            return Jwt.issuer(Tokens.ISSUER)
                    .subject("mallory")
                    .groups(Set.of("partner"))
                    .claim("agency", agency)
                    .expiresIn(3600)
                    .sign(keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
