package org.assistance.reportingservice.results;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assistance.reportingservice.results.ResultsScenario.at;
import static org.assistance.reportingservice.results.ResultsScenario.course;
import static org.assistance.reportingservice.results.ResultsScenario.summary;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assistance.chassis.events.Values.IndicatorValue;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.reportingservice.feeds.IatiSchemaCheck;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Results in IATI 2.03: the programme as an activity of hierarchy 1 with its results framework
 * (one actual per country and per sex besides the programme-wide one), and each request an
 * activity of hierarchy 2 related to it, reporting only the indicators that fit what it approved.
 * Both documents validate against the official schema.
 */
@QuarkusTest
class IatiResultsTest {

    /** The requests of the scenario. */
    record Scenario(ResultsScenario s, UUID both, UUID trainingOnly, UUID equipmentOnly, UUID neither) {}

    /**
     * "both" (MW): 10 units and a course delivered 2025-03-10 to 18, whose roster says 20 (9 women,
     * 9 men, 1 other, 1 not disclosed), delivered by the date it named; "trainingOnly" (BT): a
     * course delivered 2025-09-01 to 6 (3 women, 2 men, 1 not disclosed); "equipmentOnly" (MW): 3
     * units; "neither" (MW): approved with no equipment and no activity.
     */
    static Scenario publish() {
        ResultsScenario s = ResultsScenario.fresh();
        s.indicator(
                "Officers trained",
                "OUTPUT",
                "participants",
                new IndicatorValue(BigDecimal.ZERO, 2024),
                new IndicatorValue(new BigDecimal("40"), 2026),
                "16.4",
                "PARTICIPANTS_TRAINED");
        s.indicator(
                "Requests delivered when needed",
                "OUTCOME",
                "%",
                null,
                new IndicatorValue(new BigDecimal("80"), 2025),
                "16.a",
                "REQUESTS_DELIVERED_ON_TIME");
        UUID both = s.request("MW", "2025-06-30");
        UUID a1 = UUID.randomUUID();
        s.approve(both, "MW", 10, List.of(course(a1)));
        s.delivered(both, a1, new Participants(8, 9, 1, 0, 18), "2025-03-10");
        s.roster(both, a1, "MW", summary(20, 9, 9, 1, 1, 16, 15, "21.50"), at("2025-03-12"));
        s.receipt(both, 7, 3, "2025-05-01");
        s.requestDelivered(both, "2025-05-20");
        UUID trainingOnly = s.request("BT", "2025-12-31");
        UUID a2 = UUID.randomUUID();
        s.approve(trainingOnly, "BT", 0, List.of(course(a2)));
        s.delivered(trainingOnly, a2, new Participants(3, 2, 0, 1, 6), "2025-09-01");
        UUID equipmentOnly = s.request("MW", null);
        s.approve(equipmentOnly, "MW", 3, List.of());
        UUID neither = s.request("MW", null);
        s.approve(neither, "MW", 0, List.of());
        return new Scenario(s, both, trainingOnly, equipmentOnly, neither);
    }

    @Test
    void the_programme_feed_reports_each_indicator_per_year_with_one_actual_per_country_and_sex() throws Exception {
        Scenario scenario = publish();
        ResultsScenario s = scenario.s();
        String identifier = "XM-EXAMPLE-TA-" + s.programme;
        String[] xml = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            xml[0] = given().auth()
                    .oauth2(Tokens.donor(s.donor))
                    .when()
                    .get("/api/v1/feeds/iati/programmes")
                    .then()
                    .statusCode(200)
                    .contentType("application/xml")
                    .extract()
                    .asString();
            Element programme = activity(xml[0], identifier);
            assertThat(programme).isNotNull();
            assertThat(actuals(period(indicator(programme, "Officers trained"), "2025-01-01")))
                    .containsExactly(
                            "26",
                            "6 country=BT",
                            "20 country=MW",
                            "12 sex=female",
                            "11 sex=male",
                            "1 sex=other",
                            "2 sex=not-disclosed");
        });
        IatiSchemaCheck.validate(xml[0]);
        Element programme = activity(xml[0], identifier);
        assertThat(programme.getAttribute("hierarchy")).isEqualTo("1");
        List<String> tags = new ArrayList<>();
        NodeList tagged = programme.getElementsByTagName("tag");
        for (int i = 0; i < tagged.getLength(); i++) {
            Element tag = (Element) tagged.item(i);
            assertThat(tag.getAttribute("vocabulary")).isEqualTo("3");
            tags.add(tag.getAttribute("code"));
        }
        assertThat(tags).containsExactly("16.4", "16.a");
        assertThat(roles(programme, "1")).containsExactly("XI-IATI-" + s.donor.toUpperCase());
        Element trained = indicator(programme, "Officers trained");
        assertThat(trained.getAttribute("measure")).isEqualTo("1");
        assertThat(trained.getAttribute("ascending")).isEqualTo("1");
        assertThat(((Element) trained.getParentNode()).getAttribute("type")).isEqualTo("1");
        Element baseline = (Element) trained.getElementsByTagName("baseline").item(0);
        assertThat(baseline.getAttribute("year")).isEqualTo("2024");
        assertThat(baseline.getAttribute("value")).isEqualTo("0");
        // the target's year is a period of its own, with its target and nothing measured yet
        Element targetYear = period(trained, "2026-01-01");
        assertThat(((Element) targetYear.getElementsByTagName("target").item(0)).getAttribute("value"))
                .isEqualTo("40");
        assertThat(actuals(targetYear)).isEmpty();
        Element onTime = indicator(programme, "Requests delivered when needed");
        assertThat(onTime.getAttribute("measure")).isEqualTo("2");
        assertThat(((Element) onTime.getParentNode()).getAttribute("type")).isEqualTo("2");
        assertThat(actuals(period(onTime, "2025-01-01"))).containsExactly("100.00", "100.00 country=MW");
        // a donor funding none of it does not read the programme
        String other = given().auth()
                .oauth2(Tokens.donor("donor-" + UUID.randomUUID().toString().substring(0, 8)))
                .when()
                .get("/api/v1/feeds/iati/programmes")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(other).doesNotContain(identifier);
        given().auth()
                .oauth2(Tokens.partner("agency-mw"))
                .when()
                .get("/api/v1/feeds/iati/programmes")
                .then()
                .statusCode(403);
    }

    @Test
    void each_request_reports_the_indicators_that_fit_what_it_approved_under_its_programme() throws Exception {
        Scenario scenario = publish();
        ResultsScenario s = scenario.s();
        String[] xml = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            xml[0] = given().auth()
                    .oauth2(Tokens.donor(s.donor))
                    .when()
                    .get("/api/v1/feeds/iati")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            Element both = activity(xml[0], scenario.both().toString());
            assertThat(both).isNotNull();
            assertThat(actuals(period(indicator(both, "Participants trained"), null)))
                    .containsExactly("20", "9 sex=female", "9 sex=male", "1 sex=other", "1 sex=not-disclosed");
            assertThat(activity(xml[0], scenario.trainingOnly().toString())).isNotNull();
            assertThat(activity(xml[0], scenario.equipmentOnly().toString())).isNotNull();
            assertThat(activity(xml[0], scenario.neither().toString())).isNotNull();
            Element trainingOnly = activity(xml[0], scenario.trainingOnly().toString());
            assertThat(trainingOnly.getElementsByTagName("indicator").getLength())
                    .isEqualTo(1);
        });
        IatiSchemaCheck.validate(xml[0]);
        String programme = "XM-EXAMPLE-TA-" + s.programme;
        for (UUID request :
                List.of(scenario.both(), scenario.trainingOnly(), scenario.equipmentOnly(), scenario.neither())) {
            Element activity = activity(xml[0], request.toString());
            assertThat(activity.getAttribute("hierarchy")).isEqualTo("2");
            Element related =
                    (Element) activity.getElementsByTagName("related-activity").item(0);
            assertThat(related.getAttribute("ref")).isEqualTo(programme);
            assertThat(related.getAttribute("type")).isEqualTo("1");
        }
        Element both = activity(xml[0], scenario.both().toString());
        assertThat(actuals(
                        period(indicator(both, "Equipment items accepted by the recipient (of those approved)"), null)))
                .containsExactly("7");
        // a training only: participants, no equipment (3 women, 2 men, 1 not disclosed: no "other" figure of 0)
        Element trainingOnly = activity(xml[0], scenario.trainingOnly().toString());
        assertThat(indicatorTitles(trainingOnly)).containsExactly("Participants trained");
        assertThat(actuals(period(indicator(trainingOnly, "Participants trained"), null)))
                .containsExactly("6", "3 sex=female", "2 sex=male", "1 sex=not-disclosed");
        // equipment only: no participants indicator
        assertThat(indicatorTitles(activity(xml[0], scenario.equipmentOnly().toString())))
                .containsExactly("Equipment items accepted by the recipient (of those approved)");
        // neither: no result at all
        assertThat(activity(xml[0], scenario.neither().toString())
                        .getElementsByTagName("result")
                        .getLength())
                .isZero();
    }

    private static Element activity(String xml, String identifierEnd) throws Exception {
        NodeList activities = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("iati-activity");
        for (int i = 0; i < activities.getLength(); i++) {
            Element activity = (Element) activities.item(i);
            String identifier =
                    activity.getElementsByTagName("iati-identifier").item(0).getTextContent();
            if (identifier.endsWith(identifierEnd)) {
                return activity;
            }
        }
        return null;
    }

    private static List<String> roles(Element activity, String role) {
        List<String> refs = new ArrayList<>();
        NodeList orgs = activity.getElementsByTagName("participating-org");
        for (int i = 0; i < orgs.getLength(); i++) {
            Element org = (Element) orgs.item(i);
            if (org.getAttribute("role").equals(role)) {
                refs.add(org.getAttribute("ref"));
            }
        }
        return refs;
    }

    private static List<String> indicatorTitles(Element activity) {
        List<String> titles = new ArrayList<>();
        NodeList indicators = activity.getElementsByTagName("indicator");
        for (int i = 0; i < indicators.getLength(); i++) {
            titles.add(title((Element) indicators.item(i)));
        }
        return titles;
    }

    private static String title(Element indicator) {
        return ((Element) indicator.getElementsByTagName("title").item(0))
                .getElementsByTagName("narrative")
                .item(0)
                .getTextContent();
    }

    private static Element indicator(Element activity, String title) {
        NodeList indicators = activity.getElementsByTagName("indicator");
        for (int i = 0; i < indicators.getLength(); i++) {
            if (title((Element) indicators.item(i)).equals(title)) {
                return (Element) indicators.item(i);
            }
        }
        throw new AssertionError("no indicator " + title);
    }

    /** The period starting on the day given (null: the only one). */
    private static Element period(Element indicator, String start) {
        NodeList periods = indicator.getElementsByTagName("period");
        for (int i = 0; i < periods.getLength(); i++) {
            Element period = (Element) periods.item(i);
            Element periodStart =
                    (Element) period.getElementsByTagName("period-start").item(0);
            if (start == null || periodStart.getAttribute("iso-date").equals(start)) {
                return period;
            }
        }
        throw new AssertionError("no period from " + start);
    }

    /** Each actual of the period: its value and its dimension, in document order. */
    private static List<String> actuals(Element period) {
        List<String> actuals = new ArrayList<>();
        NodeList all = period.getElementsByTagName("actual");
        for (int i = 0; i < all.getLength(); i++) {
            Element actual = (Element) all.item(i);
            NodeList dimensions = actual.getElementsByTagName("dimension");
            StringBuilder line = new StringBuilder(actual.getAttribute("value"));
            for (int d = 0; d < dimensions.getLength(); d++) {
                Element dimension = (Element) dimensions.item(d);
                line.append(' ')
                        .append(dimension.getAttribute("name"))
                        .append('=')
                        .append(dimension.getAttribute("value"));
            }
            actuals.add(line.toString());
        }
        return actuals;
    }
}
