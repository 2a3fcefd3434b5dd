package org.assistance.requestservice.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** As in production: webhooks reach neither loopback nor private addresses, nor plain http. */
@QuarkusTest
@TestProfile(PrivateAddressesRefusedTest.AsInProduction.class)
class PrivateAddressesRefusedTest {
    private static final String AGENCY = "agency-wh-prod";

    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "assistance.webhooks.allow-private-addresses", "false",
                    "assistance.webhooks.allow-http", "false");
        }
    }

    @Inject
    EntityManager entityManager;

    @AfterEach
    void nothing_left_to_deliver() {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("delete from webhook_subscriptions where agency_id = ?1")
                        .setParameter(1, AGENCY)
                        .executeUpdate());
    }

    @Test
    void a_webhook_to_a_loopback_or_private_address_or_over_http_is_refused() {
        for (String url : List.of(
                "https://127.0.0.1/hook", "https://10.0.0.8/hook", "https://[::1]/hook", "https://localhost/hook")) {
            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", url, "events", List.of("*")))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("detail", containsString("may not reach"));
        }
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://partner.example/hook", "events", List.of("*")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(422)
                .body("detail", containsString("https"));
    }

    @Test
    void an_address_that_became_private_is_refused_at_delivery() throws Exception {
        try (Receiver receiver = new Receiver()) {
            // subscribed while its name resolved elsewhere; now it points to loopback
            QuarkusTransaction.requiringNew()
                    .run(() -> entityManager
                            .createNativeQuery("""
                                    insert into webhook_subscriptions (id, agency_id, url, events, status, secret, created_at)
                                    values ('01a23600-0000-7000-8000-000000000001', ?1, ?2, '["*"]', 'ACTIVE', ?3, now())""")
                            .setParameter(1, AGENCY)
                            .setParameter(2, receiver.url().replace("http:", "https:"))
                            .setParameter(3, WebhookSignature.newSecret())
                            .executeUpdate());
            String id = "01a23600-0000-7000-8000-000000000001";
            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .post("/api/v1/webhooks/" + id + "/test")
                    .then()
                    .statusCode(202);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().auth()
                            .oauth2(Tokens.partner(AGENCY))
                            .get("/api/v1/webhooks/" + id + "/deliveries")
                            .then()
                            .body("items[0].attemptLog[0].error", containsString("loopback"))
                            .body("items[0].attemptLog[0].statusCode", equalTo(null)));
            assertThat(receiver.received()).isEmpty();
        }
    }
}
