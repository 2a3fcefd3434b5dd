package org.assistance.requestservice.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a partner agency does with its webhooks, and what the platform does to them, is in the
 * audit trail (kind webhook) with before and after, never with a signing secret; every delivery
 * is counted by outcome for the alert on failing endpoints.
 */
@QuarkusTest
class WebhookChangesAuditedTest {
    private static final String AGENCY = "agency-wh-audited";

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
    void subscribing_testing_retrying_rotating_and_deleting_are_audited_without_the_secret() throws Exception {
        try (Receiver receiver = new Receiver()) {
            JsonPath created = PartnerWebhooksTest.subscribe(AGENCY, receiver.url(), List.of("*"));
            String id = created.getString("webhook.id");
            String firstSecret = created.getString("secret");
            String delivery = given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .post("/api/v1/webhooks/" + id + "/test")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.received().size() == 1);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> given().auth()
                            .oauth2(Tokens.partner(AGENCY))
                            .get("/api/v1/webhooks/" + id + "/deliveries")
                            .then()
                            .body("items[0].status", equalTo("DELIVERED")));
            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/retry")
                    .then()
                    .statusCode(202);
            String secondSecret = given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .post("/api/v1/webhooks/" + id + "/secret-rotation")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("secret");
            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .delete("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(204);

            String trail = auditOf(id);
            JsonPath entries = JsonPath.from(trail);
            assertThat(entries.getList("action"))
                    .containsExactly("removed", "secret-rotated", "delivery-retried", "test-sent", "created");
            assertThat(entries.getList("kind")).containsOnly("webhook");
            assertThat(entries.getList("[4].actorRoles")).contains("partner");
            assertThat(entries.getString("[4].after.url")).isEqualTo(receiver.url());
            assertThat(entries.getString("[4].after.status")).isEqualTo("ACTIVE");
            assertThat((Object) entries.get("[4].before")).isNull();
            assertThat(entries.getString("[3].after.delivery")).isEqualTo(delivery);
            assertThat(entries.getString("[2].before.status")).isEqualTo("DELIVERED");
            assertThat(entries.getString("[2].after.status")).isEqualTo("PENDING");
            assertThat((Object) entries.get("[1].before.previousSecretValidUntil"))
                    .isNull();
            assertThat(entries.getString("[1].after.previousSecretValidUntil")).isNotNull();
            assertThat(entries.getString("[0].before.url")).isEqualTo(receiver.url());
            assertThat((Object) entries.get("[0].after")).isNull();
            // the whole entries, every field: neither secret, nor anything shaped like one
            assertThat(trail)
                    .doesNotContain(firstSecret)
                    .doesNotContain(secondSecret)
                    .doesNotContain(firstSecret.substring(6))
                    .doesNotContain(secondSecret.substring(6))
                    .doesNotContain("whsec_")
                    .doesNotContainIgnoringCase("secret\"");
        }
    }

    @Test
    void the_platform_disabling_a_failing_endpoint_is_audited_as_the_systems_change() throws Exception {
        try (Receiver receiver = new Receiver().answering(503)) {
            JsonPath created = PartnerWebhooksTest.subscribe(AGENCY, receiver.url(), List.of("*"));
            String id = created.getString("webhook.id");
            // it has failed for four days already (the window is three)
            QuarkusTransaction.requiringNew()
                    .run(() -> entityManager
                            .createNativeQuery(
                                    "update webhook_subscriptions set failing_since = now() - interval '4 days'"
                                            + " where id = cast(?1 as uuid)")
                            .setParameter(1, id)
                            .executeUpdate());
            double givenUpBefore = deliveries("given-up");
            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .post("/api/v1/webhooks/" + id + "/test")
                    .then()
                    .statusCode(202);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().auth()
                            .oauth2(Tokens.partner(AGENCY))
                            .get("/api/v1/webhooks/" + id)
                            .then()
                            .body("status", equalTo("DISABLED")));

            String trail = auditOf(id);
            JsonPath entries = JsonPath.from(trail);
            assertThat(entries.getList("action")).containsExactly("disabled", "test-sent", "created");
            assertThat(entries.getString("[0].actor")).isEqualTo("system");
            assertThat(entries.getString("[0].before.status")).isEqualTo("ACTIVE");
            assertThat(entries.getString("[0].after.status")).isEqualTo("DISABLED");
            assertThat(entries.getString("[0].after.disabledAt")).isNotNull();
            assertThat(trail).doesNotContain(created.getString("secret")).doesNotContain("whsec_");
            assertThat(deliveries("given-up")).isGreaterThan(givenUpBefore);
        }
    }

    @Test
    void deliveries_are_counted_as_delivered_failed_or_given_up() throws Exception {
        double deliveredBefore = deliveries("delivered");
        double failedBefore = deliveries("failed");
        try (Receiver receiver = new Receiver().answering(500)) {
            String id = PartnerWebhooksTest.subscribe(AGENCY, receiver.url(), List.of("*"))
                    .getString("webhook.id");
            given().auth()
                    .oauth2(Tokens.partner(AGENCY))
                    .post("/api/v1/webhooks/" + id + "/test")
                    .then()
                    .statusCode(202);
            // the first attempt is answered 500, the retry 200
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.received().size() == 2);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(deliveries("delivered")).isGreaterThan(deliveredBefore));
            assertThat(deliveries("failed")).isGreaterThan(failedBefore);
        }
    }

    /** Every audit entry of this webhook, newest first, as the admin API answers them (the JSON text). */
    private static String auditOf(String id) {
        List<Map<String, Object>> all = given().auth()
                .oauth2(Tokens.role("admin"))
                .queryParam("kind", "webhook")
                .queryParam("limit", 1000)
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        List<Map<String, Object>> mine =
                all.stream().filter(e -> id.equals(e.get("subject"))).toList();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(mine);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** assistance_webhook_deliveries_total of the outcome in the Prometheus scrape, 0 before the first. */
    private static double deliveries(String outcome) {
        String scrape = given().get(io.quarkus.test.common.http.TestHTTPResourceManager.getManagementUri() + "/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher m = Pattern.compile("(?m)^assistance_webhook_deliveries_total\\{([^}]*)\\} ([0-9.eE+-]+)")
                .matcher(scrape);
        while (m.find()) {
            if (m.group(1).contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
