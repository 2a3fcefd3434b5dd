package org.assistance.reportingservice.results;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assistance.reportingservice.results.ResultsScenario.at;
import static org.assistance.reportingservice.results.ResultsScenario.course;
import static org.assistance.reportingservice.results.ResultsScenario.summary;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.reportingservice.feeds.FeedResource;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Participants counted as OTHER and NOT_DISCLOSED, and rosters' summaries, end to end: the
 * dashboard, the donor feeds and the timelines tell them; and nothing about any one participant
 * reaches any answer, even when an event carried it.
 */
@QuarkusTest
class ParticipantsTest {
    private static final String ROSTER_LINE =
            "Roster: 18 participants (8 women, 9 men, 1 other); 16 completed, average score gain 21.5";

    @Test
    void other_and_not_disclosed_reach_the_dashboard_the_feeds_and_the_timeline() {
        ResultsScenario s = ResultsScenario.fresh();
        // R1: a course delivered to 10 (4 women, 3 men, 2 other, 1 not disclosed), no roster
        UUID r1 = s.request("MW", "2025-06-30");
        UUID a1 = UUID.randomUUID();
        s.approve(r1, "MW", 2, List.of(course(a1)));
        s.delivered(r1, a1, new Participants(4, 3, 2, 1, 10), "2025-03-10");
        // R2: a course delivered to 17, whose roster then says 18 (8, 9, 1 other; 16 completed, 15 certified)
        UUID r2 = s.request("MW", "2025-06-30");
        UUID a2 = UUID.randomUUID();
        s.approve(r2, "MW", 0, List.of(course(a2)));
        s.delivered(r2, a2, new Participants(8, 9, 17), "2025-04-10");
        s.roster(r2, a2, "MW", summary(18, 8, 9, 1, 0, 16, 15, "21.50"), at("2025-04-12"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath kpis = given().auth()
                    .oauth2(Tokens.role("operations"))
                    .queryParam("programme", s.programme)
                    .when()
                    .get("/api/v1/dashboard")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            Map<String, Object> p = kpis.getMap("participants");
            assertThat(List.of(
                            p.get("women"),
                            p.get("men"),
                            p.get("other"),
                            p.get("notDisclosed"),
                            p.get("total"),
                            p.get("rostered"),
                            p.get("completed"),
                            p.get("certified")))
                    .containsExactly(12, 12, 3, 1, 28, 18, 16, 15);
            // 16 of the 18 on a roster completed; the one roster's gain
            assertThat(kpis.getString("participants.completionRatePercent")).isEqualTo("88.89");
            assertThat(kpis.getString("participants.averageScoreGain")).isEqualTo("21.5");
            assertThat(kpis.getInt("participantsWomen")).isEqualTo(12);
        });
        JsonPath feed = given().auth()
                .oauth2(Tokens.donor(s.donor))
                .when()
                .get("/api/v1/feeds/activities.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(feed.getInt("activities.find { it.requestId == '" + r1 + "' }.participantsOther"))
                .isEqualTo(2);
        assertThat(feed.getInt("activities.find { it.requestId == '" + r1 + "' }.participantsNotDisclosed"))
                .isEqualTo(1);
        assertThat(feed.getInt("activities.find { it.requestId == '" + r2 + "' }.participantsWomen"))
                .isEqualTo(8);
        assertThat(feed.getInt("activities.find { it.requestId == '" + r2 + "' }.participantsOther"))
                .isEqualTo(1);
        String csv = given().auth()
                .oauth2(Tokens.donor(s.donor))
                .when()
                .get("/api/v1/feeds/activities.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).endsWith(",transaction_donor,participants_other,participants_not_disclosed");
        assertThat(FeedResource.CSV_COLUMNS.subList(
                        FeedResource.CSV_COLUMNS.size() - 2, FeedResource.CSV_COLUMNS.size()))
                .containsExactly("participants_other", "participants_not_disclosed");
        String r1Row = List.of(lines).stream()
                .filter(l -> l.contains(r1.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(r1Row).endsWith(",2,1");
        for (String token : List.of(Tokens.role("operations"), Tokens.partner("agency-mw"))) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/requests/" + r2 + "/timeline")
                    .then()
                    .statusCode(200)
                    .body("summary", hasItem(ROSTER_LINE));
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/requests/" + r1 + "/timeline")
                    .then()
                    .statusCode(200)
                    .body(
                            "find { it.type == 'assistance.activity.delivered.v1' }.summary",
                            equalTo("TRAINING_COURSE delivered: Course (10 participants: 4 women, 3 men, 2 other, "
                                    + "1 not disclosed)"));
        }
    }

    @Test
    void no_answer_tells_anything_about_one_participant_even_when_an_event_carried_it() {
        ResultsScenario s = ResultsScenario.fresh();
        String participantId = "participant-" + UUID.randomUUID();
        String name = "Secretname" + UUID.randomUUID().toString().substring(0, 8);
        UUID request = s.request("MW", "2025-06-30");
        UUID activity = UUID.randomUUID();
        s.approve(request, "MW", 0, List.of(course(activity)));
        s.delivered(request, activity, new Participants(1, 1, 2), "2025-03-10");
        s.indicator("Officers trained", "OUTPUT", "participants", null, null, "16.4", "PARTICIPANTS_TRAINED");
        s.rosterWithParticipantIds(request, activity, "MW", summary(3, 2, 1, 0, 0, 3, 3, "10.00"), participantId, name);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> given().auth()
                                .oauth2(Tokens.role("operations"))
                                .when()
                                .get("/api/v1/requests/" + request + "/timeline")
                                .then()
                                .statusCode(200)
                                .body(
                                        "summary",
                                        hasItem(
                                                "Roster: 3 participants (2 women, 1 men); 3 completed, average score gain 10")));
        // the request's submission comes on another topic than the roster: the partner reads it once that is in too
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner("agency-mw"))
                        .when()
                        .get("/api/v1/requests/" + request + "/timeline")
                        .then()
                        .statusCode(200));
        List<String> answers = List.of(
                get(Tokens.role("operations"), "/api/v1/requests/" + request + "/timeline"),
                get(Tokens.partner("agency-mw"), "/api/v1/requests/" + request + "/timeline"),
                get(Tokens.role("operations"), "/api/v1/dashboard?programme=" + s.programme),
                get(Tokens.role("operations"), "/api/v1/dashboard"),
                get(Tokens.donor(s.donor), "/api/v1/feeds/activities.json"),
                get(Tokens.donor(s.donor), "/api/v1/feeds/activities.csv"),
                get(Tokens.donor(s.donor), "/api/v1/feeds/iati"),
                get(Tokens.donor(s.donor), "/api/v1/feeds/iati/programmes"),
                get(Tokens.role("operations"), "/api/v1/programmes/" + s.programme + "/results"),
                get(Tokens.focalPoint("MW"), "/api/v1/countries/MW/results"));
        // the roster's summary did arrive (3 participants) ...
        assertThat(answers.get(8)).contains("\"total\":3");
        // ... and nothing about any one of them did
        for (String answer : answers) {
            assertThat(answer).doesNotContain(participantId).doesNotContain(name);
        }
    }

    private static String get(String token, String path) {
        return given().auth()
                .oauth2(token)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }
}
