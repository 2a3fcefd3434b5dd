package org.assistance.chassis;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Where no proxy is trusted (the default), a made-up X-Forwarded-For does not give a caller a fresh bucket. */
@QuarkusTest
@TestProfile(RateLimitAddressTest.SlowRefill.class)
class RateLimitAddressTest {

    /** A refill slow enough that two calls in a row show in the remaining quota. */
    public static class SlowRefill implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "assistance.rate-limit.anonymous.capacity",
                    "1000",
                    "assistance.rate-limit.anonymous.per-second",
                    "1");
        }
    }

    private static final Pattern REMAINING = Pattern.compile("\"anonymous\";r=(\\d+);t=\\d+");

    @Test
    void a_made_up_forwarded_address_is_not_another_caller() {
        long before = remaining(given().when().get("/api/v1/fixture/public").header("RateLimit"));
        long after = remaining(given().header("X-Forwarded-For", "203.0.113.99")
                .header("Forwarded", "for=203.0.113.99")
                .when()
                .get("/api/v1/fixture/public")
                .header("RateLimit"));
        assertEquals(before - 1, after, "the same address' bucket answered");
    }

    private static long remaining(String field) {
        Matcher m = REMAINING.matcher(field);
        if (!m.matches()) {
            throw new AssertionError("not a RateLimit field of the anonymous policy: " + field);
        }
        return Long.parseLong(m.group(1));
    }
}
