package org.assistance.programservice.results;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assistance.chassis.events.Topics;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DefiningIndicatorsTest {
    private static final String DEFINED = "assistance.indicator.defined.v1";

    @Test
    void an_indicator_is_defined_with_its_baseline_target_and_sdg_target_and_published_keyed_by_its_programme() {
        String programme = Scenario.fundedProgramme("50000.00");
        Response created = define(
                Tokens.person("reviewer-ana", "reviewer"),
                programme,
                indicator(
                        "Share of seized devices examined within 30 days",
                        "OUTCOME",
                        "%",
                        Map.of("value", "35.5", "year", 2025),
                        Map.of("value", 80, "year", 2028),
                        "16.4",
                        null));
        String id = created.then().statusCode(201).extract().path("id");
        created.then()
                .header("Location", endsWith("/api/v1/programmes/" + programme + "/indicators/" + id))
                .body("programmeCode", equalTo(programme))
                .body("title", equalTo("Share of seized devices examined within 30 days"))
                .body("kind", equalTo("OUTCOME"))
                .body("unit", equalTo("%"))
                .body("baseline.value", equalTo(35.5f))
                .body("baseline.year", equalTo(2025))
                .body("target.value", equalTo(80))
                .body("target.year", equalTo(2028))
                .body("sdgTarget", equalTo("16.4"))
                .body("computation", nullValue())
                .body("computed", equalTo(false))
                .body("definedBy", equalTo("reviewer-ana"))
                .body("measurements", empty());

        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/programmes/" + programme + "/indicators/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Share of seized devices examined within 30 days"))
                .body("baseline.value", equalTo(35.5f));
        var defined = BrokerClient.await(
                Topics.REVIEWS,
                r -> ("programme:" + programme).equals(r.key()) && DEFINED.equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(new String(defined.get(0).value(), StandardCharsets.UTF_8))
                .contains(
                        "\"indicatorId\":\"" + id + "\"",
                        "\"programmeCode\":\"" + programme + "\"",
                        "\"kind\":\"OUTCOME\"",
                        "\"unit\":\"%\"",
                        "\"baseline\":{\"value\":35.5,\"year\":2025}",
                        "\"target\":{\"value\":80,\"year\":2028}",
                        "\"sdgTarget\":\"16.4\"",
                        "\"computation\":null",
                        "\"definedBy\":\"reviewer-ana\"");
    }

    @Test
    void a_computed_indicator_takes_its_computations_unit_and_no_other() {
        String programme = Scenario.fundedProgramme("50000.00");
        define(
                        Tokens.role("admin"),
                        programme,
                        indicator(
                                "Investigators trained",
                                "OUTPUT",
                                "people",
                                null,
                                null,
                                "16.a",
                                "PARTICIPANTS_TRAINED"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/unit-disagrees-with-computation"));
        define(
                        Tokens.role("admin"),
                        programme,
                        indicator(
                                "Investigators trained",
                                "OUTPUT",
                                null,
                                null,
                                Map.of("value", 400, "year", 2027),
                                "16.a",
                                "PARTICIPANTS_TRAINED"))
                .then()
                .statusCode(201)
                .body("unit", equalTo("participants"))
                .body("computation", equalTo("PARTICIPANTS_TRAINED"))
                .body("computed", equalTo(true));
        define(
                        Tokens.role("admin"),
                        programme,
                        indicator("Delivered on time", "OUTPUT", "%", null, null, null, "REQUESTS_DELIVERED_ON_TIME"))
                .then()
                .statusCode(201)
                .body("unit", equalTo("%"))
                .body("computed", equalTo(true));

        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/programmes/" + programme + "/indicators")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("title", equalTo(List.of("Investigators trained", "Delivered on time")))
                .body("computed", equalTo(List.of(true, true)));
        assertThat(Scenario.recordedEvents("programme:" + programme)).containsExactly(DEFINED, DEFINED);
    }

    @Test
    void donors_read_the_indicators_of_programmes_they_fund_only() {
        String funded = Scenario.fundedProgramme("50000.00");
        String other = Scenario.fundedProgramme("50000.00");
        define(
                        Tokens.role("admin"),
                        funded,
                        indicator("Forensic labs equipped", "OUTPUT", "labs", null, null, null, null))
                .then()
                .statusCode(201);
        String id = define(
                        Tokens.role("admin"),
                        other,
                        indicator("Prosecutions", "OUTCOME", "cases", null, null, null, null))
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().auth()
                .oauth2(Tokens.donor("donor-" + funded.toLowerCase()))
                .when()
                .get("/api/v1/programmes/" + funded + "/indicators")
                .then()
                .statusCode(200)
                .body("title", equalTo(List.of("Forensic labs equipped")));
        given().auth()
                .oauth2(Tokens.donor("donor-" + funded.toLowerCase()))
                .when()
                .get("/api/v1/programmes/" + other + "/indicators")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.donor("donor-" + funded.toLowerCase()))
                .when()
                .get("/api/v1/programmes/" + other + "/indicators/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.donor("donor-" + other.toLowerCase()))
                .when()
                .get("/api/v1/programmes/" + other + "/indicators/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Prosecutions"));
        given().auth()
                .oauth2(Tokens.partner("agency-ke"))
                .when()
                .get("/api/v1/programmes/" + funded + "/indicators")
                .then()
                .statusCode(403);
        // an indicator is read under its own programme only
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + funded + "/indicators/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void an_indicator_breaking_a_rule_is_refused_and_leaves_no_row_and_no_event() {
        String programme = Scenario.fundedProgramme("50000.00");
        Map<String, Object> baseline = Map.of("value", 10, "year", 2026);

        refused(programme, indicator("t", "OUTPUT", "cases", null, null, "18.1", null), 400, "sdgTarget");
        refused(programme, indicator("t", "OUTPUT", "cases", null, null, "16.A", null), 400, "sdgTarget");
        refused(programme, indicator("t", "OUTPUT", "cases", null, null, "0.1", null), 400, "sdgTarget");
        refused(
                programme,
                indicator("t", "OUTPUT", "cases", baseline, Map.of("value", 20, "year", 2025), null, null),
                400,
                "target.year");
        refused(
                programme,
                indicator("t", "OUTCOME", "%", Map.of("value", "100.5", "year", 2026), null, null, null),
                400,
                "baseline.value");
        refused(
                programme,
                indicator(
                        "t", "OUTPUT", "cases", Map.of("value", "1000000000000.0001", "year", 2026), null, null, null),
                400,
                "baseline.value");
        refused(
                programme,
                indicator("t", "OUTPUT", "cases", Map.of("value", "1.00001", "year", 2026), null, null, null),
                400,
                "baseline.value");
        refused(
                programme,
                indicator("t", "OUTPUT", "cases", Map.of("value", -1, "year", 2026), null, null, null),
                400,
                "baseline.value");
        refused(
                programme,
                indicator("t", "OUTPUT", "cases", Map.of("value", 1, "year", 1999), null, null, null),
                400,
                "baseline.year");
        refused(programme, indicator("t", "OUTPUT", null, null, null, null, null), 400, "unit");
        refused(programme, indicator("t", "IMPACT", "cases", null, null, null, null), 400, "kind");
        refused(programme, indicator("t".repeat(201), "OUTPUT", "cases", null, null, null, null), 400, "title");
        refused(programme, indicator("t", "OUTPUT", "u".repeat(41), null, null, null, null), 400, "unit");
        refused(
                programme,
                indicator("t", "OUTPUT", "cases", null, null, null, "EQUIPMENT_DONATED"),
                400,
                "computation");
        define(Tokens.role("admin"), "NOSUCH", indicator("t", "OUTPUT", "cases", null, null, null, null))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        define(Tokens.role("operations"), programme, indicator("t", "OUTPUT", "cases", null, null, null, null))
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .get("/api/v1/programmes/" + programme + "/indicators")
                .then()
                .body("$", empty());
        assertThat(Scenario.count("select count(*) from indicators where programme_code = ?1", programme))
                .isZero();
        assertThat(Scenario.recordedEvents("programme:" + programme)).isEmpty();
        // the bounds themselves are accepted: 1e12 with four decimals' worth, 100 for a percentage, SDG 17.19
        define(
                        Tokens.role("admin"),
                        programme,
                        indicator(
                                "t",
                                "OUTPUT",
                                "cases",
                                Map.of("value", "1000000000000.0000", "year", 2000),
                                Map.of("value", "0.0001", "year", 2100),
                                "17.19",
                                null))
                .then()
                .statusCode(201);
        define(
                        Tokens.role("admin"),
                        programme,
                        indicator("t", "OUTCOME", "%", null, Map.of("value", 100, "year", 2030), "5.2", null))
                .then()
                .statusCode(201);
    }

    private static void refused(String programme, Map<String, Object> body, int status, String field) {
        define(Tokens.role("admin"), programme, body)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    static Response define(String token, String programme, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/programmes/" + programme + "/indicators");
    }

    static Map<String, Object> indicator(
            String title,
            String kind,
            String unit,
            Map<String, Object> baseline,
            Map<String, Object> target,
            String sdgTarget,
            String computation) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("kind", kind);
        if (unit != null) {
            body.put("unit", unit);
        }
        if (baseline != null) {
            body.put("baseline", baseline);
        }
        if (target != null) {
            body.put("target", target);
        }
        if (sdgTarget != null) {
            body.put("sdgTarget", sdgTarget);
        }
        if (computation != null) {
            body.put("computation", computation);
        }
        return body;
    }
}
