package org.assistance.reportingservice.results;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assistance.reportingservice.results.ResultsScenario.at;
import static org.assistance.reportingservice.results.ResultsScenario.course;
import static org.assistance.reportingservice.results.ResultsScenario.summary;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.assistance.chassis.events.Values.IndicatorValue;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A programme's results framework against what its requests' events tell: participants trained,
 * equipment accepted and requests delivered on time computed per calendar year, per country and
 * per sex, measurements entered as recorded, and who may read them. Every expected figure is
 * worked out below from the events the test publishes.
 */
@QuarkusTest
class ResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    /** The scenario's indicators, by what they measure. */
    record Framework(ResultsScenario s, UUID trained, UUID accepted, UUID onTime, UUID prosecuted) {}

    /**
     * R1 (MW, needed by 2025-06-30): a course delivered 2025-03-10 to 18 (8 women, 9 men, 1 other),
     * whose roster then says 20 (9 women, 9 men, 1 other, 1 not disclosed; 16 completed, 15
     * certified, gain 21.50), an older roster arriving late; 7 of 10 units accepted 2025-05-01;
     * delivered 2025-05-20 (on time). R2 (BT, by 2025-04-30): a course delivered 2025-09-01 to 6
     * (3 women, 2 men, 1 not disclosed), no roster; 4 units accepted 2026-01-15; delivered
     * 2025-09-05 (late). R3 (MW, no date needed): in the programme by its commitment only; 2 units
     * accepted 2025-10-02; delivered 2025-10-01 (not in the on-time share). R4 (MW, by 2026-03-01): a
     * course delivered 2026-02-01 to 4 (2 women, 2 men), a second course with a roster of 30 but
     * never delivered; delivered 2026-02-20 (on time). R5 (MW, by 2025-12-01): delivered 2025-12-15
     * (late).
     */
    static Framework publishFramework() {
        ResultsScenario s = ResultsScenario.fresh();
        UUID trained = s.indicator(
                "Officers trained",
                "OUTPUT",
                "participants",
                new IndicatorValue(new java.math.BigDecimal("0"), 2024),
                new IndicatorValue(new java.math.BigDecimal("40"), 2026),
                "16.4",
                "PARTICIPANTS_TRAINED");
        UUID accepted = s.indicator(
                "Equipment in service",
                "OUTPUT",
                "units",
                null,
                new IndicatorValue(new java.math.BigDecimal("20"), 2025),
                "16.4",
                "EQUIPMENT_ACCEPTED");
        UUID onTime = s.indicator(
                "Requests delivered when needed",
                "OUTCOME",
                "%",
                new IndicatorValue(new java.math.BigDecimal("50"), 2024),
                new IndicatorValue(new java.math.BigDecimal("80"), 2026),
                "16.a",
                "REQUESTS_DELIVERED_ON_TIME");
        UUID prosecuted = s.indicator(
                "Cases prosecuted",
                "OUTCOME",
                "cases",
                new IndicatorValue(new java.math.BigDecimal("4"), 2024),
                new IndicatorValue(new java.math.BigDecimal("15"), 2025),
                "16.4",
                null);
        UUID r1 = s.request("MW", "2025-06-30");
        UUID a1 = UUID.randomUUID();
        s.approve(r1, "MW", 10, List.of(course(a1)));
        s.delivered(r1, a1, new Participants(8, 9, 1, 0, 18), "2025-03-10");
        s.roster(r1, a1, "MW", summary(20, 9, 9, 1, 1, 16, 15, "21.50"), at("2025-03-12"));
        s.roster(r1, a1, "MW", summary(18, 8, 9, 1, 0, 10, 10, "5.00"), at("2025-03-11"));
        s.receipt(r1, 7, 3, "2025-05-01");
        s.requestDelivered(r1, "2025-05-20");
        UUID r2 = s.request("BT", "2025-04-30");
        UUID a2 = UUID.randomUUID();
        s.approve(r2, "BT", 5, List.of(course(a2)));
        s.delivered(r2, a2, new Participants(3, 2, 0, 1, 6), "2025-09-01");
        s.receipt(r2, 4, 1, "2026-01-15");
        s.requestDelivered(r2, "2025-09-05");
        UUID r3 = s.request("MW", null);
        s.commit(r3);
        s.receipt(r3, 2, 0, "2025-10-02");
        s.requestDelivered(r3, "2025-10-01");
        UUID r4 = s.request("MW", "2026-03-01");
        UUID a4 = UUID.randomUUID();
        UUID a5 = UUID.randomUUID();
        s.approve(r4, "MW", 0, List.of(course(a4), course(a5)));
        s.delivered(r4, a4, new Participants(2, 2, 4), "2026-02-01");
        s.roster(r4, a5, "MW", summary(30, 15, 15, 0, 0, 30, 30, "10.00"), at("2026-02-02"));
        s.requestDelivered(r4, "2026-02-20");
        UUID r5 = s.request("MW", "2025-12-01");
        s.approve(r5, "MW", 0, List.of());
        s.requestDelivered(r5, "2025-12-15");
        // entered: the 2025 figure corrected (the later record counts, whatever the order), one for
        // MW, one for women, one for MW's women, and a half-year of 2026
        s.measured(prosecuted, "2025-01-01", "2025-12-31", "13", null, null, "Court records", at("2025-12-20"));
        s.measured(prosecuted, "2025-01-01", "2025-12-31", "12", null, null, "Court records", at("2025-12-10"));
        s.measured(prosecuted, "2025-01-01", "2025-12-31", "7", "MW", null, "Police statistics", at("2025-12-11"));
        s.measured(prosecuted, "2025-01-01", "2025-12-31", "5", null, "FEMALE", "Court records", at("2025-12-12"));
        s.measured(prosecuted, "2025-01-01", "2025-12-31", "3", "MW", "FEMALE", null, at("2025-12-13"));
        s.measured(prosecuted, "2026-01-01", "2026-06-30", "6", null, null, "Court records", at("2026-07-02"));
        return new Framework(s, trained, accepted, onTime, prosecuted);
    }

    @Test
    void a_programmes_indicators_show_targets_and_actuals_per_year_country_and_sex() {
        Framework f = publishFramework();
        String path = "/api/v1/programmes/" + f.s().programme + "/results";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode answer = read(Tokens.role("operations"), path);
            // participants trained: 2025 = R1's roster (20) + R2's delivery (6); 2026 = R4's delivered course (4);
            // R4's undelivered course (30 on its roster) counts nowhere
            JsonNode trained = indicator(answer, f.trained());
            assertThat(trained.get("computation").asText()).isEqualTo("PARTICIPANTS_TRAINED");
            assertThat(trained.get("sdgTarget").asText()).isEqualTo("16.4");
            assertThat(periods(trained))
                    .containsExactly(
                            "2025-01-01..2025-12-31 target=null actual=26 byCountry={BT=6, MW=20} "
                                    + "bySex={female=12, male=11, other=1, not-disclosed=2} sources=[]",
                            "2026-01-01..2026-12-31 target=40 actual=4 byCountry={MW=4} "
                                    + "bySex={female=2, male=2, other=0, not-disclosed=0} sources=[]");
            assertThat(trained.at("/progress/actual").asText()).isEqualTo("4");
            assertThat(trained.at("/progress/percentOfTarget").asText()).isEqualTo("10.00");
            // equipment accepted by the year of the receipt: R1's 7 and R3's 2 (its commitment's programme)
            JsonNode accepted = indicator(answer, f.accepted());
            assertThat(periods(accepted))
                    .containsExactly(
                            "2025-01-01..2025-12-31 target=20 actual=9 byCountry={MW=9} bySex={} sources=[]",
                            "2026-01-01..2026-12-31 target=null actual=4 byCountry={BT=4} bySex={} sources=[]");
            assertThat(accepted.at("/progress/percentOfTarget").asText()).isEqualTo("20.00");
            // on time: 2025 of R1 (on time), R2 and R5 (late), R3 named no date: 1 of 3; MW 1 of 2, BT 0 of 1
            JsonNode onTime = indicator(answer, f.onTime());
            assertThat(onTime.get("unit").asText()).isEqualTo("%");
            assertThat(periods(onTime))
                    .containsExactly(
                            "2025-01-01..2025-12-31 target=null actual=33.33 byCountry={BT=0.00, MW=50.00} bySex={} "
                                    + "sources=[]",
                            "2026-01-01..2026-12-31 target=80 actual=100.00 byCountry={MW=100.00} bySex={} sources=[]");
            assertThat(onTime.at("/progress/percentOfTarget").asText()).isEqualTo("125.00");
            assertThat(onTime.at("/baseline/value").asText()).isEqualTo("50");
            assertThat(onTime.at("/baseline/year").asInt()).isEqualTo(2024);
            // entered: the later 2025 record (13) is the actual; MW's women are MW's own figure, not here
            JsonNode prosecuted = indicator(answer, f.prosecuted());
            assertThat(prosecuted.get("computation").isNull()).isTrue();
            assertThat(periods(prosecuted))
                    .containsExactly(
                            "2025-01-01..2025-12-31 target=15 actual=13 byCountry={MW=7} bySex={female=5} "
                                    + "sources=[Court records, Police statistics]",
                            "2026-01-01..2026-06-30 target=null actual=6 byCountry={} bySex={} sources=[Court records]");
            assertThat(prosecuted.at("/progress/percentOfTarget").asText()).isEqualTo("40.00");
            // the programme's participants: 20 + 6 + 4; completion and gain from R1's roster only
            JsonNode p = answer.get("participants");
            assertThat(List.of(
                            p.get("women").asLong(),
                            p.get("men").asLong(),
                            p.get("other").asLong(),
                            p.get("notDisclosed").asLong(),
                            p.get("total").asLong(),
                            p.get("completed").asLong(),
                            p.get("certified").asLong()))
                    .containsExactly(14L, 13L, 1L, 2L, 30L, 16L, 15L);
            assertThat(p.get("completionRatePercent").asText()).isEqualTo("80.00");
            assertThat(p.get("averageScoreGain").asText()).isEqualTo("21.50");
        });
    }

    @Test
    void a_states_results_are_its_own_actuals_and_participants() {
        Framework f = publishFramework();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode answer = read(Tokens.focalPoint("MW"), "/api/v1/countries/MW/results");
            JsonNode programme = null;
            for (JsonNode p : answer.get("programmes")) {
                if (p.get("programme").asText().equals(f.s().programme)) {
                    programme = p;
                }
            }
            assertThat(programme).isNotNull();
            // MW's: R1's roster (20: 9, 9, 1, 1) and R4's course (4: 2, 2)
            JsonNode p = programme.get("participants");
            assertThat(List.of(
                            p.get("women").asLong(),
                            p.get("men").asLong(),
                            p.get("other").asLong(),
                            p.get("notDisclosed").asLong(),
                            p.get("total").asLong(),
                            p.get("rostered").asLong()))
                    .containsExactly(11L, 11L, 1L, 1L, 24L, 20L);
            assertThat(p.get("completionRatePercent").asText()).isEqualTo("80.00");
            assertThat(periods(indicator(programme, f.trained())))
                    .containsExactly(
                            "2025-01-01..2025-12-31 target=null actual=20 byCountry=null "
                                    + "bySex={female=9, male=9, other=1, not-disclosed=1} sources=[]",
                            "2026-01-01..2026-12-31 target=40 actual=4 byCountry=null "
                                    + "bySex={female=2, male=2, other=0, not-disclosed=0} sources=[]");
            assertThat(periods(indicator(programme, f.onTime())))
                    .containsExactly(
                            "2025-01-01..2025-12-31 target=null actual=50.00 byCountry=null bySex={} sources=[]",
                            "2026-01-01..2026-12-31 target=80 actual=100.00 byCountry=null bySex={} sources=[]");
            // entered with MW: its figure (7) and its women (3)
            assertThat(periods(indicator(programme, f.prosecuted())))
                    .containsExactly("2025-01-01..2025-12-31 target=15 actual=7 byCountry=null bySex={female=3} "
                            + "sources=[Police statistics]");
        });
        // a focal point reads its own State's results only; staff read any State's
        given().auth()
                .oauth2(Tokens.focalPoint("MW"))
                .when()
                .get("/api/v1/countries/BT/results")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/countries/BT/results")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.donor(f.s().donor))
                .when()
                .get("/api/v1/countries/MW/results")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/countries/M1/results")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void a_donor_reads_the_results_of_the_programmes_it_funds_only() {
        Framework f = publishFramework();
        String path = "/api/v1/programmes/" + f.s().programme + "/results";
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                read(Tokens.donor(f.s().donor), path).get("indicators"))
                        .hasSize(4));
        // another donor is told there is no such programme, as for one that does not exist
        given().auth()
                .oauth2(Tokens.donor("donor-" + UUID.randomUUID().toString().substring(0, 8)))
                .when()
                .get(path)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/programmes/NOSUCH" + UUID.randomUUID().toString().substring(0, 6) + "/results")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.partner("agency-mw"))
                .when()
                .get(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/programmes/not a code/results")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    static JsonNode read(String token, String path) throws Exception {
        String body = given().auth()
                .oauth2(token)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return JSON.readTree(body);
    }

    static JsonNode indicator(JsonNode answer, UUID id) {
        for (JsonNode i : answer.get("indicators")) {
            if (i.get("indicatorId").asText().equals(id.toString())) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + id + " in " + answer);
    }

    /** Each period in one line: its dates, target, actual, per country, per sex and sources. */
    static List<String> periods(JsonNode indicator) {
        List<String> lines = new ArrayList<>();
        for (JsonNode p : indicator.get("periods")) {
            lines.add(p.get("periodStart").asText() + ".." + p.get("periodEnd").asText()
                    + " target=" + value(p.get("target")) + " actual=" + value(p.get("actual"))
                    + " byCountry=" + map(p.get("byCountry"), true) + " bySex=" + map(p.get("bySex"), false)
                    + " sources=" + sources(p.get("sources")));
        }
        return lines;
    }

    private static String value(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.asText();
    }

    private static String map(JsonNode node, boolean sorted) {
        if (node == null || node.isNull()) {
            return "null";
        }
        Map<String, String> values = sorted ? new TreeMap<>() : new java.util.LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values.toString();
    }

    private static List<String> sources(JsonNode node) {
        List<String> sources = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(n -> sources.add(n.asText()));
        }
        return sources;
    }
}
