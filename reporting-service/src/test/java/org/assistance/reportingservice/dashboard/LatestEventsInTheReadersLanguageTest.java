package org.assistance.reportingservice.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's latest events, on the page and in the live stream, read in the language of the
 * person watching: staff in Arabic and in French watch the same event, each in their own words.
 */
@QuarkusTest
class LatestEventsInTheReadersLanguageTest {
    @TestHTTPResource("/api/v1/dashboard/stream")
    URL stream;

    @Inject
    DashboardListener listener;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> databasePassword;

    @Test
    void staff_watching_in_french_and_in_arabic_read_the_same_new_request_each_in_their_language() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(listener::listening);
        String title = "Live in two languages " + UUID.randomUUID();
        try (LiveStream french = LiveStream.open(
                        stream, databaseUrl, databaseUser.orElse(null), databasePassword.orElse(null), "fr-FR");
                LiveStream arabic = LiveStream.open(
                        stream, databaseUrl, databaseUser.orElse(null), databasePassword.orElse(null), "ar")) {
            submit(
                    title,
                    "AREA_LIVE_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
            await().atMost(Duration.ofSeconds(30)).until(() -> french.arrivalOf(title) != null);
            await().atMost(Duration.ofSeconds(5)).until(() -> arabic.arrivalOf(title) != null);
            assertThat(french.arrivalOf("Soumise par agency-live : " + title)).isNotNull();
            assertThat(arabic.arrivalOf("قدّمته agency-live: " + title)).isNotNull();
            // the thematic area the platform names, in each reader's words
            assertThat(french.arrivalOf("Cybercriminalité")).isNotNull();
            assertThat(arabic.arrivalOf("الجريمة السيبرانية")).isNotNull();
        }
    }

    @Test
    void the_latest_events_on_the_page_read_in_the_readers_language() {
        String area =
                "AREA_LATEST_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String title = "Latest in Spanish " + UUID.randomUUID();
        submit(title, area);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(given().auth()
                                .oauth2(Tokens.role("operations"))
                                .header("Accept-Language", "es")
                                .queryParam("thematicArea", area)
                                .when()
                                .get("/api/v1/dashboard")
                                .then()
                                .statusCode(200)
                                .header("Content-Language", "es")
                                .extract()
                                .jsonPath()
                                .getList("latestEvents.summary", String.class))
                        .anySatisfy(line -> assertThat(line)
                                .startsWith("Presentada por agency-live")
                                .contains(title)));
        // and in English, word for word as before
        assertThat(given().auth()
                        .oauth2(Tokens.role("operations"))
                        .queryParam("thematicArea", area)
                        .when()
                        .get("/api/v1/dashboard")
                        .then()
                        .statusCode(200)
                        .header("Content-Language", "en")
                        .extract()
                        .jsonPath()
                        .getList("latestEvents.summary", String.class))
                .anySatisfy(line -> assertThat(line).startsWith("Submitted by agency-live: " + title));
    }

    private static void submit(String title, String area) {
        RequestSubmitted submitted = new RequestSubmitted(
                UUID.randomUUID(),
                "agency-live",
                "KE",
                null,
                area.startsWith("AREA_LIVE") ? "CYBERCRIME" : area,
                Set.of("TRAINING"),
                "HIGH",
                title,
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(submitted, UUID.randomUUID(), "/request-service", OffsetDateTime.now()));
    }
}
