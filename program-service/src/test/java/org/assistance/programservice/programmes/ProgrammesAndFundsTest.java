package org.assistance.programservice.programmes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgrammesAndFundsTest {

    @Test
    void pledges_and_contributions_make_the_funds_and_available_is_received_minus_committed() {
        String code = Scenario.fundedProgramme("100000.00");
        String donor = "donor-" + code.toLowerCase();
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "donorId",
                        donor,
                        "amount",
                        Map.of("amount", "250000.00", "currency", "USD"),
                        "date",
                        LocalDate.now().toString()))
                .when()
                .post("/api/v1/programmes/" + code + "/pledges")
                .then()
                .statusCode(201)
                .body("pledged.amount", equalTo(250000.00f))
                .body("received.amount", equalTo(100000.00f))
                .body("available.amount", equalTo(100000.00f));
        var pledged = org.assistance.testsupport.BrokerClient.await(
                org.assistance.chassis.events.Topics.REVIEWS,
                r -> ("programme:" + code).equals(r.key()),
                1,
                java.time.Duration.ofSeconds(20));
        org.assertj.core.api.Assertions.assertThat(
                        org.assistance.testsupport.BrokerClient.header(pledged.get(0), "ce_type"))
                .isEqualTo("assistance.funds.pledged.v1");
        org.assertj.core.api.Assertions.assertThat(
                        new String(pledged.get(0).value(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"amount\":250000.00", "\"donorId\":\"" + donor + "\"");
    }

    @Test
    void an_amount_in_another_currency_needs_the_exchange_rate_which_is_recorded() {
        String code = Scenario.fundedProgramme("1000.00");
        String donor = "donor-" + code.toLowerCase();
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "donorId",
                        donor,
                        "amount",
                        Map.of("amount", "1000.00", "currency", "EUR"),
                        "date",
                        LocalDate.now().toString()))
                .when()
                .post("/api/v1/programmes/" + code + "/contributions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("exchangeRate"));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "donorId",
                        donor,
                        "amount",
                        Map.of("amount", "1000.00", "currency", "EUR"),
                        "exchangeRate",
                        "1.0832",
                        "date",
                        LocalDate.now().toString()))
                .when()
                .post("/api/v1/programmes/" + code + "/contributions")
                .then()
                .statusCode(201)
                .body("received.amount", equalTo(2083.20f));
    }

    @Test
    void bad_money_is_refused_and_nothing_is_written() {
        String code = Scenario.fundedProgramme("500.00");
        String donor = "donor-" + code.toLowerCase();
        for (Object amount : List.of("0", "-10.00", "12.345")) {
            given().auth()
                    .oauth2(Tokens.role("admin"))
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "donorId",
                            donor,
                            "amount",
                            Map.of("amount", amount, "currency", "USD"),
                            "date",
                            LocalDate.now().toString()))
                    .when()
                    .post("/api/v1/programmes/" + code + "/contributions")
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("amount.amount"));
        }
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "donorId",
                        donor,
                        "amount",
                        Map.of("amount", "10.00", "currency", "USX"),
                        "date",
                        LocalDate.now().toString()))
                .when()
                .post("/api/v1/programmes/" + code + "/contributions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("amount.currency"));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "donorId",
                        donor,
                        "amount",
                        Map.of("amount", "10.00", "currency", "USD"),
                        "date",
                        LocalDate.now().toString()))
                .when()
                .post("/api/v1/programmes/NOPE/contributions")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + code)
                .then()
                .body("received.amount", equalTo(500.00f));
    }

    @Test
    void a_partner_reads_programme_names_only_and_a_donor_only_what_it_funds() {
        String funded = Scenario.fundedProgramme("100.00");
        String other = Scenario.fundedProgramme("100.00");
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/programmes")
                .then()
                .statusCode(200)
                .body("code", hasItem(funded))
                .body("[0].received", equalTo(null));
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/reviews")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/programmes/" + funded)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.donor("donor-" + funded.toLowerCase()))
                .when()
                .get("/api/v1/programmes")
                .then()
                .statusCode(200)
                .body("code", hasItem(funded))
                .body("code", not(hasItem(other)));
        given().auth()
                .oauth2(Tokens.donor("donor-" + funded.toLowerCase()))
                .when()
                .get("/api/v1/programmes/" + other)
                .then()
                .statusCode(404);
    }

    @Test
    void only_admin_manages_donors_and_programmes() {
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .contentType(ContentType.JSON)
                .body(Map.of("id", "donor-x", "name", "X", "iatiIdentifier", "XM-1", "type", "GOVERNMENT"))
                .when()
                .post("/api/v1/donors")
                .then()
                .statusCode(403);
    }
}
