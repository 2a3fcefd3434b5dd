package org.assistance.programservice.programmes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.math.MathContext;
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

/**
 * Money attributed once: three donors with uneven contributions in two currencies, one of them
 * earmarked; every commitment and disbursement split between donors to the cent.
 */
@QuarkusTest
class AttributingMoneyToDonorsTest {

    @Test
    void commitments_split_pro_rata_to_unearmarked_money_and_an_earmarked_contribution_serves_only_its_country() {
        String code = "M" + Integer.toHexString(UUID.randomUUID().hashCode()).toUpperCase();
        admin().body(Map.of(
                        "code",
                        code,
                        "name",
                        "Programme " + code,
                        "thematicAreas",
                        List.of("CYBERCRIME"),
                        "currency",
                        "USD",
                        "iatiActivityPrefix",
                        "XM-DAC-41146-" + code))
                .when()
                .post("/api/v1/programmes")
                .then()
                .statusCode(201);
        String a = Scenario.donor("donor-a-" + code.toLowerCase());
        String b = Scenario.donor("donor-b-" + code.toLowerCase());
        String c = Scenario.donor("donor-c-" + code.toLowerCase());
        contribute(code, Map.of("donorId", a, "amount", usd("50000.00"), "date", today()));
        // 30,000 EUR at 1.0832 = 32,496.00 USD
        contribute(
                code,
                Map.of(
                        "donorId",
                        b,
                        "amount",
                        Map.of("amount", "30000.00", "currency", "EUR"),
                        "exchangeRate",
                        "1.0832",
                        "date",
                        today()));
        contribute(code, Map.of("donorId", c, "amount", usd("17504.01"), "date", today()));
        // earmarked for Uganda: only a Ugandan request may draw on it
        contribute(
                code,
                Map.of(
                        "donorId",
                        c,
                        "amount",
                        usd("5000.00"),
                        "date",
                        today(),
                        "earmark",
                        Map.of("countries", List.of("UG"))));

        // a Kenyan request: pro rata to the unearmarked money, 50,000 : 32,496 : 17,504.01
        UUID kenya = approved(code, "KE", "10000.00");
        Map<String, BigDecimal> kenyaSplit = split(kenya, "assistance.funds.committed.v1", "split");
        assertThat(kenyaSplit.keySet()).containsExactlyInAnyOrder(a, b, c);
        assertThat(sum(kenyaSplit)).isEqualByComparingTo("10000.00");
        BigDecimal unearmarked = new BigDecimal("100000.01");
        assertProRata(kenyaSplit.get(a), "10000.00", "50000.00", unearmarked);
        assertProRata(kenyaSplit.get(b), "10000.00", "32496.00", unearmarked);
        assertProRata(kenyaSplit.get(c), "10000.00", "17504.01", unearmarked);

        // a Ugandan request draws all of it from the earmarked contribution
        UUID uganda = approved(code, "UG", "4000.00");
        assertThat(split(uganda, "assistance.funds.committed.v1", "split"))
                .containsExactly(Map.entry(c, new BigDecimal("4000.00")));

        // a second Ugandan request finds 1,000 left of the earmark: not enough, so the unearmarked money serves it,
        // pro rata to what each donor has left of it
        UUID ugandaAgain = approved(code, "UG", "2000.00");
        Map<String, BigDecimal> againSplit = split(ugandaAgain, "assistance.funds.committed.v1", "split");
        assertThat(againSplit.keySet()).containsExactlyInAnyOrder(a, b, c);
        assertThat(sum(againSplit)).isEqualByComparingTo("2000.00");
        BigDecimal left = unearmarked.subtract(new BigDecimal("10000.00"));
        assertProRata(
                againSplit.get(a),
                "2000.00",
                new BigDecimal("50000.00").subtract(kenyaSplit.get(a)).toPlainString(),
                left);

        // a delivered training's cost follows the commitment's split, to the cent
        String training = given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities?requestId=" + kenya)
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.kind == 'TRAINING_COURSE' }.id");
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "actualStart",
                        LocalDate.now().minusDays(5).toString(),
                        "actualEnd",
                        LocalDate.now().minusDays(1).toString(),
                        "participants",
                        Map.of("women", 9, "men", 11, "total", 20),
                        "outcome",
                        "Examiners certified",
                        "cost",
                        usd("3333.33")))
                .when()
                .post("/api/v1/activities/" + training + "/delivery")
                .then()
                .statusCode(200);
        Map<String, BigDecimal> disbursed = split(kenya, "assistance.activity.delivered.v1", "disbursedSplit");
        assertThat(sum(disbursed)).isEqualByComparingTo("3333.33");
        assertProRata(disbursed.get(a), "3333.33", kenyaSplit.get(a).toPlainString(), new BigDecimal("10000.00"));

        // each donor's figures add up to the programme's, and no donor has more committed than it gave
        JsonPath programme = json(given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/programmes/" + code)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(dec(programme, "committed.amount")).isEqualByComparingTo("16000.00");
        assertThat(dec(programme, "received.amount")).isEqualByComparingTo("105000.01");
        for (String figure : List.of("received", "committed", "disbursed")) {
            BigDecimal total = programme.<Object>getList("donors." + figure + ".amount").stream()
                    .map(o -> new BigDecimal(o.toString()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total).as(figure).isEqualByComparingTo(dec(programme, figure + ".amount"));
        }
        List<Map<String, Object>> donors = programme.getList("donors");
        assertThat(donors).extracting(d -> d.get("donorId")).containsExactly(a, b, c);
        for (int i = 0; i < donors.size(); i++) {
            assertThat(dec(programme, "donors[" + i + "].committed.amount"))
                    .isLessThanOrEqualTo(dec(programme, "donors[" + i + "].received.amount"));
        }
        assertThat(dec(programme, "donors[2].committed.amount"))
                .isEqualByComparingTo(
                        kenyaSplit.get(c).add(new BigDecimal("4000.00")).add(againSplit.get(c)));
        assertThat(dec(programme, "donors[1].received.amount")).isEqualByComparingTo("32496.00");
        assertThat(dec(programme, "donors[0].disbursed.amount")).isEqualByComparingTo(disbursed.get(a));
    }

    @Test
    void an_earmark_is_checked_and_only_contributions_carry_one() {
        String code = Scenario.fundedProgramme("1000.00");
        String donor = "donor-" + code.toLowerCase();
        admin().body(Map.of(
                        "donorId",
                        donor,
                        "amount",
                        usd("10.00"),
                        "date",
                        today(),
                        "earmark",
                        Map.of("countries", List.of("XX"))))
                .when()
                .post("/api/v1/programmes/" + code + "/contributions")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("earmark.countries"));
        admin().body(Map.of(
                        "donorId",
                        donor,
                        "amount",
                        usd("10.00"),
                        "date",
                        today(),
                        "earmark",
                        Map.of("thematicAreas", List.of("WILDLIFE_FOREST_CRIME"))))
                .when()
                .post("/api/v1/programmes/" + code + "/contributions")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("earmark.thematicAreas[0]"));
        admin().body(Map.of(
                        "donorId",
                        donor,
                        "amount",
                        usd("10.00"),
                        "date",
                        today(),
                        "earmark",
                        Map.of("countries", List.of())))
                .when()
                .post("/api/v1/programmes/" + code + "/contributions")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("earmark"));
        admin().body(Map.of(
                        "donorId",
                        donor,
                        "amount",
                        usd("10.00"),
                        "date",
                        today(),
                        "earmark",
                        Map.of("countries", List.of("KE"))))
                .when()
                .post("/api/v1/programmes/" + code + "/pledges")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("earmark"));
        admin().body(Map.of(
                        "donorId",
                        donor,
                        "amount",
                        usd("10.00"),
                        "date",
                        today(),
                        "earmark",
                        Map.of("countries", List.of("KE"), "thematicAreas", List.of("CYBERCRIME"))))
                .when()
                .post("/api/v1/programmes/" + code + "/contributions")
                .then()
                .statusCode(201)
                .body("received.amount", org.hamcrest.Matchers.equalTo(1010.00f));
    }

    @Test
    void earmarked_money_is_not_available_to_a_request_it_is_not_for() {
        String code = Scenario.fundedProgramme("1000.00");
        String donor = "donor-" + code.toLowerCase();
        contribute(
                code,
                Map.of(
                        "donorId",
                        donor,
                        "amount",
                        usd("50000.00"),
                        "date",
                        today(),
                        "earmark",
                        Map.of("countries", List.of("CO"))));
        UUID kenya = Scenario.submittedRequest("KE");
        given().auth()
                .oauth2(Tokens.person("reviewer-ana", "reviewer"))
                .contentType(ContentType.JSON)
                .body(Scenario.approval(code, "2000.00", 4, true))
                .when()
                .post("/api/v1/reviews/" + kenya + "/decision")
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/insufficient-funds"))
                .body("detail", org.hamcrest.Matchers.containsString("earmarked"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + code)
                .then()
                .body("committed.amount", org.hamcrest.Matchers.equalTo(0.0f));
    }

    private static UUID approved(String programme, String country, String amount) {
        UUID request = Scenario.submittedRequest(country);
        given().auth()
                .oauth2(Tokens.person("reviewer-ana", "reviewer"))
                .contentType(ContentType.JSON)
                .body(Scenario.approval(programme, amount, 4, true))
                .when()
                .post("/api/v1/reviews/" + request + "/decision")
                .then()
                .statusCode(200);
        return request;
    }

    /** Each donor's part in the request's event of this type, as published on the broker. */
    private static Map<String, BigDecimal> split(UUID request, String type, String field) {
        var events = BrokerClient.await(
                Topics.REVIEWS,
                r -> request.toString().equals(r.key()) && type.equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        JsonPath event = json(new String(events.get(0).value(), StandardCharsets.UTF_8));
        Map<String, BigDecimal> parts = new java.util.LinkedHashMap<>();
        List<String> donors = event.getList(field + ".donorId");
        for (int i = 0; i < donors.size(); i++) {
            parts.put(donors.get(i), dec(event, field + "[" + i + "].amount.amount"));
        }
        return parts;
    }

    /** A part is the exact pro rata share, rounded to a cent either way. */
    private static void assertProRata(BigDecimal part, String total, String weight, BigDecimal weights) {
        BigDecimal exact =
                new BigDecimal(total).multiply(new BigDecimal(weight)).divide(weights, MathContext.DECIMAL64);
        assertThat(part.subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
    }

    private static BigDecimal sum(Map<String, BigDecimal> parts) {
        return parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal dec(JsonPath json, String path) {
        return new BigDecimal(json.get(path).toString());
    }

    private static JsonPath json(String body) {
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.role("admin")).contentType(ContentType.JSON);
    }

    private static void contribute(String code, Map<String, Object> body) {
        admin().body(new HashMap<>(body))
                .when()
                .post("/api/v1/programmes/" + code + "/contributions")
                .then()
                .statusCode(201);
    }

    private static Map<String, String> usd(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }

    private static String today() {
        return LocalDate.now().toString();
    }
}
