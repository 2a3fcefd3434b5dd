package org.assistance.reportingservice.timelines;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.MessagePosted;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The messages of a request's conversation in its timeline: staff read that a note between staff
 * was written; the partner agency's timeline has no line of it, and no line tells what was written.
 */
@QuarkusTest
class InternalNotesInTheTimelineTest {
    private static final String AGENCY = "agency-notes";

    @Test
    void a_partner_never_reads_of_an_internal_note_in_its_timeline() {
        UUID request = UUID.randomUUID();
        OffsetDateTime t0 = OffsetDateTime.now().minusHours(1).withNano(0);
        publish(
                new RequestSubmitted(
                        request,
                        AGENCY,
                        "KE",
                        null,
                        "CYBERCRIME",
                        Set.of("TRAINING"),
                        "HIGH",
                        "Forensics course",
                        "needs",
                        LocalDate.now().plusMonths(2),
                        List.of(),
                        List.of(),
                        null,
                        t0),
                t0);
        publish(
                new MessagePosted(
                        request,
                        AGENCY,
                        UUID.randomUUID(),
                        "INTERNAL",
                        "programme",
                        "reviewer-ana",
                        null,
                        null,
                        false,
                        t0.plusMinutes(1)),
                t0.plusMinutes(1));
        publish(
                new MessagePosted(
                        request,
                        AGENCY,
                        UUID.randomUUID(),
                        "PARTNER_AND_PROGRAMME",
                        "partner",
                        "clerk-1",
                        null,
                        "Twelve examiners",
                        true,
                        t0.plusMinutes(2)),
                t0.plusMinutes(2));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("operations"))
                        .get("/api/v1/requests/" + request + "/timeline")
                        .then()
                        .statusCode(200)
                        .body("$", hasSize(3)));
        List<String> staff = summaries(Tokens.role("operations"), request);
        assertThat(staff.get(1)).isEqualTo("Internal note by reviewer-ana");
        assertThat(staff.get(2)).isEqualTo("Message from the partner, answering the request for information");

        List<String> partner = summaries(Tokens.partner(AGENCY), request);
        assertThat(partner).hasSize(2).noneMatch(line -> line.contains("Internal") || line.contains("reviewer-ana"));
        assertThat(partner.get(1)).isEqualTo("Message from the partner, answering the request for information");
    }

    private static List<String> summaries(String token, UUID request) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/requests/" + request + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("summary", String.class);
    }

    private static void publish(AssistanceEvent event, OffsetDateTime time) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), "/request-service", time));
    }
}
