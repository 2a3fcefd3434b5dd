package org.assistance.programservice.results;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.Topics;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeasuringIndicatorsTest {
    private static final String MEASURED = "assistance.indicator.measured.v1";
    private static final LocalDate JANUARY = LocalDate.of(2026, 1, 1);
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 30);

    @Test
    void a_measurement_is_entered_with_its_source_once_per_period_country_and_sex_and_published() {
        String programme = Scenario.fundedProgramme("50000.00");
        String indicator = indicator(programme, "%", null);

        measure(
                        Tokens.person("officer-eva", "operations"),
                        programme,
                        indicator,
                        measurement(JANUARY, JUNE, "42.75", "KE", "FEMALE", "National police survey 2026, table 4"))
                .then()
                .statusCode(201)
                .header(
                        "Location",
                        endsWith("/api/v1/programmes/" + programme + "/indicators/" + indicator + "/measurements"))
                .body("indicatorId", equalTo(indicator))
                .body("periodStart", equalTo("2026-01-01"))
                .body("periodEnd", equalTo("2026-06-30"))
                .body("value", equalTo(42.75f))
                .body("country", equalTo("KE"))
                .body("sex", equalTo("FEMALE"))
                .body("source", equalTo("National police survey 2026, table 4"))
                .body("recordedBy", equalTo("officer-eva"));
        measure(
                        Tokens.role("reviewer"),
                        programme,
                        indicator,
                        measurement(JANUARY, JUNE, "40", "KE", "FEMALE", "Another survey"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/measurement-exists"));
        // the same period disaggregated otherwise, and the programme's whole figure, are other measurements
        measure(Tokens.role("admin"), programme, indicator, measurement(JANUARY, JUNE, "38", "KE", "MALE", "Survey"))
                .then()
                .statusCode(201);
        measure(Tokens.role("admin"), programme, indicator, measurement(JANUARY, JUNE, "40", null, null, "Survey"))
                .then()
                .statusCode(201)
                .body("country", nullValue())
                .body("sex", nullValue());
        measure(Tokens.role("admin"), programme, indicator, measurement(JANUARY, JUNE, "41", null, null, "Survey"))
                .then()
                .statusCode(409)
                .body("type", endsWith("/measurement-exists"));

        given().auth()
                .oauth2(Tokens.donor("donor-" + programme.toLowerCase()))
                .when()
                .get("/api/v1/programmes/" + programme + "/indicators/" + indicator + "/measurements")
                .then()
                .statusCode(200)
                .body("$", hasSize(3))
                .body("value", equalTo(List.of(40f, 42.75f, 38f)))
                .body("sex", equalTo(java.util.Arrays.asList(null, "FEMALE", "MALE")));
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/programmes/" + programme + "/indicators/" + indicator)
                .then()
                .body("computed", equalTo(false))
                .body("measurements", hasSize(3));

        var measured = BrokerClient.await(
                Topics.REVIEWS,
                r -> ("programme:" + programme).equals(r.key()) && MEASURED.equals(BrokerClient.header(r, "ce_type")),
                3,
                Duration.ofSeconds(20));
        assertThat(new String(measured.get(0).value(), StandardCharsets.UTF_8))
                .contains(
                        "\"indicatorId\":\"" + indicator + "\"",
                        "\"programmeCode\":\"" + programme + "\"",
                        "\"periodStart\":\"2026-01-01\"",
                        "\"periodEnd\":\"2026-06-30\"",
                        "\"value\":42.75",
                        "\"country\":\"KE\"",
                        "\"sex\":\"FEMALE\"",
                        "\"source\":\"National police survey 2026, table 4\"",
                        "\"recordedBy\":\"officer-eva\"");
        assertThat(Scenario.recordedEvents("programme:" + programme))
                .containsExactly("assistance.indicator.defined.v1", MEASURED, MEASURED, MEASURED);
    }

    @Test
    void nobody_enters_a_value_for_an_indicator_the_platform_computes() {
        String programme = Scenario.fundedProgramme("50000.00");
        String computed = indicator(programme, null, "EQUIPMENT_ACCEPTED");

        measure(Tokens.role("admin"), programme, computed, measurement(JANUARY, JUNE, "12", null, null, "Receipts"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/indicator-computed"))
                .body("detail", containsString("the platform measures it from its own facts"));
        assertThat(Scenario.count(
                        "select count(*) from indicator_measurements where indicator_id = ?1",
                        UUID.fromString(computed)))
                .isZero();
        assertThat(Scenario.recordedEvents("programme:" + programme))
                .containsExactly("assistance.indicator.defined.v1");
    }

    @Test
    void a_measurement_breaking_a_rule_is_refused_and_leaves_no_row_and_no_event() {
        String programme = Scenario.fundedProgramme("50000.00");
        String percentage = indicator(programme, "%", null);
        String count = indicator(programme, "cases", null);
        LocalDate today = LocalDate.now();

        refused(programme, count, measurement(JUNE, JANUARY, "1", null, null, "s"), "periodEnd");
        refused(programme, count, measurement(JANUARY, JANUARY.plusDays(366), "1", null, null, "s"), "periodEnd");
        refused(
                programme,
                count,
                measurement(today.plusDays(1), today.plusDays(2), "1", null, null, "s"),
                "periodStart");
        refused(
                programme,
                count,
                measurement(LocalDate.of(1999, 12, 31), LocalDate.of(2000, 1, 1), "1", null, null, "s"),
                "periodStart");
        refused(programme, percentage, measurement(JANUARY, JUNE, "100.01", null, null, "s"), "value");
        refused(programme, count, measurement(JANUARY, JUNE, "1000000000000.0001", null, null, "s"), "value");
        refused(programme, count, measurement(JANUARY, JUNE, "-0.5", null, null, "s"), "value");
        refused(programme, count, measurement(JANUARY, JUNE, "1", "XX", null, "s"), "country");
        refused(programme, count, measurement(JANUARY, JUNE, "1", null, "UNKNOWN", "s"), "sex");
        refused(programme, count, measurement(JANUARY, JUNE, "1", null, null, null), "source");
        refused(programme, count, measurement(JANUARY, JUNE, "1", null, null, " "), "source");
        refused(programme, count, measurement(JANUARY, JUNE, "1", null, null, "s".repeat(501)), "source");
        measure(
                        Tokens.role("admin"),
                        programme,
                        UUID.randomUUID().toString(),
                        measurement(JANUARY, JUNE, "1", null, null, "s"))
                .then()
                .statusCode(404);
        String elsewhere = indicator(Scenario.fundedProgramme("50000.00"), "cases", null);
        measure(Tokens.role("admin"), programme, elsewhere, measurement(JANUARY, JUNE, "1", null, null, "s"))
                .then()
                .statusCode(404);
        measure(Tokens.role("logistics"), programme, count, measurement(JANUARY, JUNE, "1", null, null, "s"))
                .then()
                .statusCode(403);
        measure(
                        Tokens.donor("donor-" + programme.toLowerCase()),
                        programme,
                        count,
                        measurement(JANUARY, JUNE, "1", null, null, "s"))
                .then()
                .statusCode(403);

        assertThat(Scenario.count(
                        "select count(*) from indicator_measurements m join indicators i on i.id = m.indicator_id"
                                + " where i.programme_code = ?1",
                        programme))
                .isZero();
        assertThat(Scenario.recordedEvents("programme:" + programme))
                .containsExactly("assistance.indicator.defined.v1", "assistance.indicator.defined.v1");
        // at the bounds: a leap year's 366 days, 100 %, starting today
        measure(
                        Tokens.role("admin"),
                        programme,
                        percentage,
                        measurement(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "100", null, null, "s"))
                .then()
                .statusCode(201);
        measure(Tokens.role("admin"), programme, count, measurement(today, today.plusDays(30), "7", "CO", "OTHER", "s"))
                .then()
                .statusCode(201);
    }

    private static void refused(String programme, String indicator, Map<String, Object> body, String field) {
        measure(Tokens.role("admin"), programme, indicator, body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    /** An indicator of the programme, with the unit or computed as named; its id. */
    static String indicator(String programme, String unit, String computation) {
        return DefiningIndicatorsTest.define(
                        Tokens.role("admin"),
                        programme,
                        DefiningIndicatorsTest.indicator("Indicator", "OUTCOME", unit, null, null, null, computation))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Response measure(String token, String programme, String indicator, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/programmes/" + programme + "/indicators/" + indicator + "/measurements");
    }

    static Map<String, Object> measurement(
            LocalDate start, LocalDate end, String value, String country, String sex, String source) {
        Map<String, Object> body = new HashMap<>();
        body.put("periodStart", start.toString());
        body.put("periodEnd", end.toString());
        body.put("value", new java.math.BigDecimal(value));
        if (country != null) {
            body.put("country", country);
        }
        if (sex != null) {
            body.put("sex", sex);
        }
        if (source != null) {
            body.put("source", source);
        }
        return body;
    }
}
