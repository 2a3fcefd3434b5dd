package org.assistance.programservice.programmes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Money, rates, dates and names at and beyond their bounds: refused with a 400 naming the field
 * (or a 409/422 for a rule), never a 500, never a programme's row locked for long.
 */
@QuarkusTest
class FundsWithinBoundsTest {

    @Test
    void an_exchange_rate_of_ten_to_the_thirty_is_refused_naming_the_field_and_nothing_is_recorded() {
        String code = Scenario.fundedProgramme("1000.00");
        contributeInEuros(code, "1000.00", "1000000000000000000000000000000")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("exchangeRate"));
        receivedIs(code, 1000.00f);
    }

    @Test
    void an_exchange_rate_with_a_billion_digits_is_refused_at_once_and_leaves_the_programme_free() {
        String code = Scenario.fundedProgramme("1000.00");
        for (String rate : List.of("1e999999999", "1e-999999999", "-1e999999999")) {
            long started = System.nanoTime();
            given().auth()
                    .oauth2(Tokens.role("admin"))
                    .contentType(ContentType.JSON)
                    // a JSON number, not a string: as an attacker would send it
                    .body("{\"donorId\":\"donor-" + code.toLowerCase() + "\",\"amount\":{\"amount\":\"1000.00\","
                            + "\"currency\":\"EUR\"},\"exchangeRate\":" + rate + ",\"date\":\"" + LocalDate.now()
                            + "\"}")
                    .when()
                    .post("/api/v1/programmes/" + code + "/contributions")
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("exchangeRate"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
        long started = System.nanoTime();
        contributeInEuros(code, "1000.00", "1.0832").then().statusCode(201).body("received.amount", equalTo(2083.20f));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void an_exchange_rate_beyond_ten_million_or_finer_than_eight_decimals_or_not_positive_is_refused() {
        String code = Scenario.fundedProgramme("1000.00");
        for (String rate : List.of("10000000.00000001", "99999999999", "1.000000001", "0", "-1.08")) {
            contributeInEuros(code, "1000.00", rate)
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("exchangeRate"));
        }
        contributeInEuros(code, "0.01", "10000000").then().statusCode(201).body("received.amount", equalTo(101000.00f));
        contributeInEuros(code, "1000.00", "0.00000001").then().statusCode(400).body("errors.field", hasItem("amount"));
    }

    @Test
    void an_amount_that_converts_beyond_what_a_programme_can_record_is_refused_naming_the_amount() {
        String code = Scenario.fundedProgramme("1000.00");
        contributeInEuros(code, "999999999999999.99", "2")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", startsWith("is 1999999999999999.98 USD"));
        receivedIs(code, 1000.00f);
    }

    @Test
    void a_contribution_that_would_take_the_programme_beyond_what_it_can_record_is_refused_and_the_funds_stay() {
        String code = Scenario.fundedProgramme("1000.00");
        contribute(
                        code,
                        Map.of("amount", "999999999999999.99", "currency", "USD"),
                        LocalDate.now().toString())
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        pledge(code, "999999999999999.99").then().statusCode(201);
        pledge(code, "0.01").then().statusCode(422);
        receivedIs(code, 1000.00f);
    }

    @Test
    void a_value_date_before_2000_or_a_billion_years_away_is_refused_naming_the_date() {
        String code = Scenario.fundedProgramme("1000.00");
        for (String date : List.of("1999-12-31", "-999999999-01-01", "+999999999-12-31")) {
            contribute(code, Map.of("amount", "10.00", "currency", "USD"), date)
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("date"));
        }
        contribute(code, Map.of("amount", "10.00", "currency", "USD"), "2000-01-01")
                .then()
                .statusCode(201);
        receivedIs(code, 1010.00f);
    }

    @Test
    void a_contribution_waits_at_most_seconds_for_a_programme_another_change_holds_then_is_told_to_retry()
            throws Exception {
        String code = Scenario.fundedProgramme("1000.00");
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding =
                    holder.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                        Programme.lockedForFunds(code);
                        locked.countDown();
                        sleep(Duration.ofSeconds(9));
                    }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            contribute(
                            code,
                            Map.of("amount", "10.00", "currency", "USD"),
                            LocalDate.now().toString())
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .header("Retry-After", "1");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
            holding.get(20, TimeUnit.SECONDS);
        } finally {
            holder.shutdownNow();
        }
        contribute(
                        code,
                        Map.of("amount", "10.00", "currency", "USD"),
                        LocalDate.now().toString())
                .then()
                .statusCode(201);
        receivedIs(code, 1010.00f);
    }

    @Test
    void a_change_stuck_inside_its_transaction_loses_the_programme_after_ten_seconds_and_funds_flow_again()
            throws Exception {
        String code = Scenario.fundedProgramme("1000.00");
        RowLocks rowLocks = Arc.container().instance(RowLocks.class).get();
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService stuck = Executors.newSingleThreadExecutor();
        try {
            Future<?> stuckChange = stuck.submit(() -> {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        rowLocks.bounded();
                        Programme.lockedForFunds(code);
                        locked.countDown();
                        // as a conversion of an unbounded rate once did: busy in Java, silent towards the database
                        sleep(Duration.ofSeconds(14));
                    });
                } catch (RuntimeException expected) {
                    // PostgreSQL ended its session: it cannot commit
                }
            });
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            sleep(Duration.ofSeconds(6));
            long started = System.nanoTime();
            contribute(
                            code,
                            Map.of("amount", "10.00", "currency", "USD"),
                            LocalDate.now().toString())
                    .then()
                    .statusCode(201)
                    .body("received.amount", equalTo(1010.00f));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            stuckChange.get(30, TimeUnit.SECONDS);
        } finally {
            stuck.shutdownNow();
        }
        for (int i = 0; i < 5; i++) {
            receivedIs(code, 1010.00f);
        }
    }

    @Test
    void two_admins_registering_the_same_donor_or_programme_at_once_get_one_success_and_conflicts_never_a_500()
            throws Exception {
        String id = "donor-twice-" + UUID.randomUUID().toString().substring(0, 8);
        String programme =
                "TWICE" + Integer.toHexString(UUID.randomUUID().hashCode()).toUpperCase();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> given().auth()
                    .oauth2(Tokens.role("admin"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("id", id, "name", "Twice", "iatiIdentifier", "XM-DAC-7", "type", "GOVERNMENT"))
                    .when()
                    .post("/api/v1/donors")
                    .statusCode());
            calls.add(() -> given().auth()
                    .oauth2(Tokens.role("admin"))
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "code",
                            programme,
                            "name",
                            "Twice",
                            "thematicAreas",
                            List.of("CYBERCRIME"),
                            "currency",
                            "USD",
                            "iatiActivityPrefix",
                            "XM-DAC-41146-" + programme))
                    .when()
                    .post("/api/v1/programmes")
                    .statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(2);
    }

    @Test
    void names_count_their_characters_as_the_contract_does_and_overlong_names_and_codes_are_refused() {
        String euros = "\uD83D\uDCB6"; // one character outside the BMP, two UTF-16 units
        String id = "donor-emoji-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", euros.repeat(100), "iatiIdentifier", "XM-DAC-8", "type", "FOUNDATION"))
                .when()
                .post("/api/v1/donors")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .get("/api/v1/donors")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.name", equalTo(euros.repeat(100)));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("id", id + "-x", "name", euros.repeat(101), "iatiIdentifier", "XM-DAC-8", "type", "OTHER"))
                .when()
                .post("/api/v1/donors")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("name"));

        String code = Scenario.fundedProgramme("1000.00");
        contribute(
                        code,
                        Map.of("amount", "10.00", "currency", "USD"),
                        LocalDate.now().toString(),
                        "d".repeat(101))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("donorId"));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .get("/api/v1/programmes/" + "P".repeat(21))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("code"));
        // a NUL character would fail in the database: a code is upper-case letters and digits only
        for (String path : List.of("A%00B", "glocy", "GL%C3%96CY")) {
            given().auth()
                    .oauth2(Tokens.role("admin"))
                    .urlEncodingEnabled(false)
                    .when()
                    .get("/api/v1/programmes/" + path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("code"));
        }
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        "AREAS",
                        "name",
                        "Too many areas",
                        "currency",
                        "USD",
                        "iatiActivityPrefix",
                        "XM-DAC-41146-AREAS",
                        "thematicAreas",
                        java.util.stream.IntStream.range(0, 21)
                                .mapToObj(i -> "AREA" + i)
                                .toList()))
                .when()
                .post("/api/v1/programmes")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("thematicAreas"));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        "LONGAREA",
                        "name",
                        "Long area",
                        "currency",
                        "USD",
                        "iatiActivityPrefix",
                        "XM-DAC-41146-LONGAREA",
                        "thematicAreas",
                        List.of("A".repeat(41))))
                .when()
                .post("/api/v1/programmes")
                .then()
                .statusCode(400);
        receivedIs(code, 1000.00f);
    }

    private static Response contributeInEuros(String code, String amount, String rate) {
        return given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "donorId",
                        "donor-" + code.toLowerCase(),
                        "amount",
                        Map.of("amount", amount, "currency", "EUR"),
                        "exchangeRate",
                        rate,
                        "date",
                        LocalDate.now().toString()))
                .when()
                .post("/api/v1/programmes/" + code + "/contributions");
    }

    private static Response contribute(String code, Map<String, Object> amount, String date) {
        return contribute(code, amount, date, "donor-" + code.toLowerCase());
    }

    private static Response contribute(String code, Map<String, Object> amount, String date, String donor) {
        return given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "amount", amount, "date", date))
                .when()
                .post("/api/v1/programmes/" + code + "/contributions");
    }

    private static Response pledge(String code, String amount) {
        return given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "donorId",
                        "donor-" + code.toLowerCase(),
                        "amount",
                        Map.of("amount", amount, "currency", "USD"),
                        "date",
                        LocalDate.now().toString()))
                .when()
                .post("/api/v1/programmes/" + code + "/pledges");
    }

    private static void receivedIs(String code, float amount) {
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + code)
                .then()
                .statusCode(200)
                .body("received.amount", equalTo(amount));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
