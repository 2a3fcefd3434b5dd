package org.assistance.reportingservice.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Feed downloads hold a database connection while they stream: one download at a time here, so
 * a second one waits its turn (503, Retry-After) while the rest of the API answers; and pages
 * of two activities, so a donor follows the next link to the rest.
 */
@QuarkusTest
@TestProfile(FeedDownloadLimitTest.OneDownloadAtATimeInPagesOfTwo.class)
class FeedDownloadLimitTest {
    private static final OffsetDateTime T0 = OffsetDateTime.now().minusDays(5).withNano(0);

    public static class OneDownloadAtATimeInPagesOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "assistance.feeds.max-concurrent-streams",
                    "1",
                    "assistance.feeds.page-size",
                    "2",
                    "assistance.feeds.retry-after-seconds",
                    "7");
        }
    }

    @Inject
    FeedStreams streams;

    @Test
    void while_one_download_streams_a_second_is_told_to_retry_later_and_the_apis_other_reads_still_answer() {
        UUID request = approvedFor("donor-busy");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.donor("donor-busy"))
                        .get("/api/v1/feeds/activities.json")
                        .then()
                        .statusCode(200)
                        .body("activities.requestId", org.hamcrest.Matchers.hasItem(request.toString())));

        try (FeedStreams.Permit slowDownload = streams.tryStart().orElseThrow()) {
            for (String feed : List.of("iati", "activities.json", "activities.csv")) {
                given().auth()
                        .oauth2(Tokens.donor("donor-busy"))
                        .get("/api/v1/feeds/" + feed)
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "7")
                        .body("status", equalTo(503));
            }
            given().auth()
                    .oauth2(Tokens.role("operations"))
                    .get("/api/v1/requests/" + request + "/timeline")
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(Tokens.role("operations"))
                    .get("/api/v1/dashboard")
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(Tokens.donor("donor-busy"))
                .get("/api/v1/feeds/activities.csv")
                .then()
                .statusCode(200);
        // every download gave its place back: the only place is free again
        try (FeedStreams.Permit free = streams.tryStart().orElseThrow()) {
            assertThat(free).isNotNull();
        }
    }

    @Test
    void a_donor_follows_the_next_link_page_by_page_and_sees_each_activity_once() {
        String donor = "donor-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> requests = List.of(
                approvedFor(donor), approvedFor(donor), approvedFor(donor), approvedFor(donor), approvedFor(donor));
        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            seen.clear();
            String url = "/api/v1/feeds/activities.json";
            for (int pages = 0; url != null && pages < 10; pages++) {
                Response page = given().auth()
                        .oauth2(Tokens.donor(donor))
                        .urlEncodingEnabled(false)
                        .get(url);
                page.then().statusCode(200);
                List<String> activities = page.jsonPath().getList("activities.requestId");
                assertThat(activities).hasSizeLessThanOrEqualTo(2);
                seen.addAll(activities);
                String link = page.getHeader("Link");
                assertThat(page.jsonPath().getString("next")).isEqualTo(page.getHeader(FeedResource.CURSOR_HEADER));
                url = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            }
            assertThat(seen)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(
                            requests.stream().map(UUID::toString).toList());
        });
    }

    private static UUID approvedFor(String donor) {
        UUID request = UUID.randomUUID();
        publish(new RequestSubmitted(
                request,
                "agency-ke",
                "KE",
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                "HIGH",
                "Forensic kits",
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                T0));
        publish(new RequestApproved(
                request,
                "agency-ke",
                "KE",
                "CYBERCRIME",
                "GLOCY",
                new Money(new BigDecimal("1000.00"), "EUR"),
                false,
                List.of(new EquipmentLine("A", 1, "j")),
                List.of(),
                List.of(new DonorShare(donor, "Donor " + donor, null)),
                List.of("r1"),
                T0.plusDays(1)));
        return request;
    }

    private static void publish(AssistanceEvent event) {
        BrokerClient.send(CloudEvent.toRecord(
                event,
                UUID.randomUUID(),
                Topics.expectedSource(EventType.of(event).topic()),
                OffsetDateTime.now()));
    }
}
