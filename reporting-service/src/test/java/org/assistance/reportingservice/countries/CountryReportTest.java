package org.assistance.reportingservice.countries;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.CountryEvents.PriorityStated;
import org.assistance.chassis.events.RequestEvents.RequestEndorsed;
import org.assistance.chassis.events.RequestEvents.RequestEndorsementDeclined;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ReviewEvents.RequestRejected;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A State ("QC", a code no other test uses) stated two national priorities; its requests name one,
 * the other, none, or one it never stated. The country report gives each priority its requests,
 * value approved and value delivered, and the share of approved value answering a priority, as
 * this test works them out from the events it published.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountryReportTest {
    private static final String QC = "QC";
    private static final OffsetDateTime T0 =
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(60).withNano(0);
    private static final List<DonorShare> EU =
            List.of(new DonorShare("donor-eu", "European Union", "XI-IATI-EC_INTPA"));

    private final UUID cybercrime = UUID.randomUUID();
    private final UUID borders = UUID.randomUUID();

    private final UUID r1 = UUID.randomUUID(); // cybercrime, approved in USD, delivered, endorsed
    private final UUID r2 = UUID.randomUUID(); // borders, approved in USD, endorsed
    private final UUID r3 = UUID.randomUUID(); // no priority, approved in USD, no decision
    private final UUID r4 = UUID.randomUUID(); // cybercrime, approved in EUR, endorsed then declined
    private final UUID r5 = UUID.randomUUID(); // borders, rejected, declined
    private final UUID r6 = UUID.randomUUID(); // a priority QC never stated, not approved, no decision

    private static final Money R1_APPROVED = usd("10000.00");
    private static final Money R2_APPROVED = usd("5000.00");
    private static final Money R3_APPROVED = usd("3000.00");
    private static final Money R4_APPROVED = new Money(new BigDecimal("2000.00"), "EUR");
    private static final Money R1_EQUIPMENT_DELIVERED = usd("4000.00");
    private static final Money R1_TRAINING_DISBURSED = usd("1500.00");

    @BeforeAll
    void publishTheStatesRequests() {
        publish(priority(cybercrime, 1, "Cybercrime capacity", T0), "/request-service");
        // a later statement of the same priority replaces it; an earlier one arriving late does not
        publish(priority(cybercrime, 1, "Cybercrime capacity (revised)", T0.plusDays(2)), "/request-service");
        publish(priority(cybercrime, 3, "Cybercrime capacity (first draft)", T0.minusDays(1)), "/request-service");
        publish(
                new PriorityStated(
                        borders,
                        QC,
                        2,
                        "Border control",
                        "BORDER_MANAGEMENT",
                        Set.of("EQUIPMENT"),
                        "National Border Strategy 2025-2030",
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2030, 12, 31),
                        "focal-qc",
                        T0),
                "/request-service");

        submitted(r1, cybercrime);
        submitted(r2, borders);
        submitted(r3, null);
        submitted(r4, cybercrime);
        submitted(r5, borders);
        submitted(r6, UUID.randomUUID());

        approved(r1, R1_APPROVED);
        approved(r2, R2_APPROVED);
        approved(r3, R3_APPROVED);
        approved(r4, R4_APPROVED);
        publish(
                new RequestRejected(r5, "agency-qc", "OUT_OF_MANDATE", null, "reviewer", T0.plusDays(5)),
                "/program-service");

        publish(
                new ShipmentDelivered(r1, UUID.randomUUID(), R1_EQUIPMENT_DELIVERED, T0.plusDays(20)),
                "/equipment-service");
        publish(
                new ActivityDelivered(
                        r1,
                        UUID.randomUUID(),
                        "GLOCY",
                        "TRAINING_COURSE",
                        "Forensics",
                        T0.plusDays(21).toLocalDate(),
                        T0.plusDays(22).toLocalDate(),
                        new Participants(5, 5, 10),
                        List.of("DCI"),
                        "done",
                        R1_TRAINING_DISBURSED,
                        null,
                        T0.plusDays(22)),
                "/program-service");

        endorsed(r1, T0.plusDays(2));
        endorsed(r2, T0.plusDays(2));
        endorsed(r4, T0.plusDays(2));
        // declined later: the later decision stands
        publish(
                new RequestEndorsementDeclined(
                        r4, "agency-qc", QC, "MIN/QC/2", "not a priority now", "focal-qc", T0.plusDays(3)),
                "/request-service");
        publish(
                new RequestEndorsementDeclined(
                        r5, "agency-qc", QC, "MIN/QC/3", "covered by another partner", "focal-qc", T0.plusDays(3)),
                "/request-service");
    }

    @Test
    void the_report_gives_each_priority_and_the_requests_naming_none_their_requests_and_values() {
        JsonPath report = awaitReport(Tokens.role("operations"));

        assertThat(report.getString("country")).isEqualTo(QC);
        assertThat(report.getList("priorities.title"))
                .containsExactly("Cybercrime capacity (revised)", "Border control");
        Map<String, Object> first = report.getMap("priorities[0]");
        assertThat(first.get("priorityId")).isEqualTo(cybercrime.toString());
        assertThat(((Number) first.get("rank")).intValue()).isEqualTo(1);
        assertThat(first.get("thematicArea")).isEqualTo("CYBERCRIME");
        assertThat(first.get("periodFrom")).isEqualTo("2025-01-01");
        assertThat(first.get("periodTo")).isEqualTo("2027-12-31");
        assertThat(((Number) first.get("requests")).intValue()).isEqualTo(2); // r1, r4
        assertThat(((Number) first.get("approvedRequests")).intValue()).isEqualTo(2);
        assertThat(amounts(first.get("approved")))
                .isEqualTo(Map.of("EUR", text(R4_APPROVED.amount()), "USD", text(R1_APPROVED.amount())));
        assertThat(amounts(first.get("delivered")))
                .isEqualTo(Map.of("USD", text(R1_EQUIPMENT_DELIVERED.amount().add(R1_TRAINING_DISBURSED.amount()))));

        Map<String, Object> second = report.getMap("priorities[1]");
        assertThat(second.get("strategyReference")).isEqualTo("National Border Strategy 2025-2030");
        assertThat(((Number) second.get("requests")).intValue()).isEqualTo(2); // r2, r5
        assertThat(((Number) second.get("approvedRequests")).intValue()).isEqualTo(1);
        assertThat(amounts(second.get("approved"))).isEqualTo(Map.of("USD", text(R2_APPROVED.amount())));
        assertThat(amounts(second.get("delivered"))).isEmpty();

        Map<String, Object> none = report.getMap("noPriority");
        assertThat(none.get("priorityId")).isNull();
        assertThat(((Number) none.get("requests")).intValue()).isEqualTo(2); // r3, and r6 naming no stated priority
        assertThat(((Number) none.get("approvedRequests")).intValue()).isEqualTo(1);
        assertThat(amounts(none.get("approved"))).isEqualTo(Map.of("USD", text(R3_APPROVED.amount())));
    }

    @Test
    void the_priority_share_is_the_approved_value_answering_a_stated_priority_per_currency() {
        JsonPath report = awaitReport(Tokens.role("admin"));
        BigDecimal usdForPriorities = R1_APPROVED.amount().add(R2_APPROVED.amount());
        BigDecimal usdApproved = usdForPriorities.add(R3_APPROVED.amount());
        Map<String, Object> usd = report.getMap("currencies.find { it.currency == 'USD' }");
        assertThat(decimal(usd.get("approved"))).isEqualByComparingTo(usdApproved);
        assertThat(decimal(usd.get("approvedForPriorities"))).isEqualByComparingTo(usdForPriorities);
        assertThat(decimal(usd.get("delivered")))
                .isEqualByComparingTo(R1_EQUIPMENT_DELIVERED.amount().add(R1_TRAINING_DISBURSED.amount()));
        assertThat(decimal(usd.get("priorityShare")))
                .isEqualByComparingTo(usdForPriorities.divide(usdApproved, 4, RoundingMode.HALF_UP))
                .isEqualByComparingTo("0.8333");
        Map<String, Object> eur = report.getMap("currencies.find { it.currency == 'EUR' }");
        assertThat(decimal(eur.get("priorityShare"))).isEqualByComparingTo("1.0000");
        assertThat(decimal(eur.get("delivered"))).isEqualByComparingTo("0");
    }

    @Test
    void the_report_counts_the_focal_points_latest_decision_on_each_request() {
        JsonPath report = awaitReport(Tokens.role("reviewer"));
        assertThat(((Number) report.getMap("endorsements").get("endorsed")).intValue())
                .isEqualTo(2); // r1, r2
        assertThat(((Number) report.getMap("endorsements").get("declined")).intValue())
                .isEqualTo(2); // r4, r5
        assertThat(((Number) report.getMap("endorsements").get("none")).intValue())
                .isEqualTo(2); // r3, r6
    }

    @Test
    void a_focal_point_reads_its_own_states_report_and_is_refused_another_states() {
        JsonPath own = awaitReport(Tokens.focalPoint(QC));
        assertThat(own.getList("priorities")).hasSize(2);
        given().auth()
                .oauth2(Tokens.focalPoint("KE"))
                .get("/api/v1/countries/QC/report")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.partner("agency-qc"))
                .get("/api/v1/countries/QC/report")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .get("/api/v1/countries/QC/report")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.role("operations"))
                .get("/api/v1/countries/Q1/report")
                .then()
                .statusCode(400);
    }

    @Test
    void a_state_with_nothing_approved_has_no_share() {
        JsonPath empty = new JsonPath(given().auth()
                .oauth2(Tokens.role("operations"))
                .get("/api/v1/countries/QD/report")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(empty.getList("priorities")).isEmpty();
        assertThat(empty.getList("currencies")).isEmpty();
        assertThat(((Number) empty.getMap("noPriority").get("requests")).intValue())
                .isZero();
    }

    private static JsonPath awaitReport(String token) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonPath report = report(Tokens.role("operations"));
                    assertThat(report.getList("priorities.title"))
                            .containsExactly("Cybercrime capacity (revised)", "Border control");
                    assertThat(report.getList("priorities.requests").stream()
                                            .mapToInt(n -> ((Number) n).intValue())
                                            .sum()
                                    + ((Number) report.getMap("noPriority").get("requests")).intValue())
                            .isEqualTo(6);
                    assertThat(((Number) report.getMap("endorsements").get("declined")).intValue())
                            .isEqualTo(2);
                    assertThat(((Number) report.getMap("endorsements").get("endorsed")).intValue())
                            .isEqualTo(2);
                    assertThat(report.getList("currencies")).hasSize(2);
                    assertThat(report.getList("priorities[0].delivered")).hasSize(1);
                    assertThat(decimal(
                                    report.getMap("priorities[0].delivered[0]").get("amount")))
                            .isEqualByComparingTo(
                                    R1_EQUIPMENT_DELIVERED.amount().add(R1_TRAINING_DISBURSED.amount()));
                    assertThat(((Number) report.getMap("priorities[0]").get("approvedRequests")).intValue())
                            .isEqualTo(2);
                    assertThat(((Number) report.getMap("priorities[1]").get("approvedRequests")).intValue())
                            .isEqualTo(1);
                    assertThat(((Number) report.getMap("noPriority").get("approvedRequests")).intValue())
                            .isEqualTo(1);
                });
        return report(token);
    }

    private static JsonPath report(String token) {
        String body = given().auth()
                .oauth2(token)
                .get("/api/v1/countries/QC/report")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static Map<String, String> amounts(Object list) {
        Map<String, String> amounts = new java.util.TreeMap<>();
        for (Object item : (List<?>) list) {
            Map<?, ?> amount = (Map<?, ?>) item;
            amounts.put((String) amount.get("currency"), text(decimal(amount.get("amount"))));
        }
        return amounts;
    }

    private static String text(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    private static PriorityStated priority(UUID id, int rank, String title, OffsetDateTime at) {
        return new PriorityStated(
                id,
                QC,
                rank,
                title,
                "CYBERCRIME",
                Set.of("EQUIPMENT", "TRAINING"),
                "National Cybersecurity Strategy 2025",
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2027, 12, 31),
                "focal-qc",
                at);
    }

    private static void submitted(UUID request, UUID priority) {
        publish(
                new RequestSubmitted(
                        request,
                        "agency-qc",
                        QC,
                        null,
                        "CYBERCRIME",
                        Set.of("EQUIPMENT"),
                        "HIGH",
                        "Request " + request,
                        "needs",
                        null,
                        List.of(),
                        List.of(),
                        null,
                        T0.plusDays(1),
                        priority),
                "/request-service");
    }

    private static void approved(UUID request, Money amount) {
        publish(
                new RequestApproved(
                        request,
                        "agency-qc",
                        QC,
                        "CYBERCRIME",
                        "GLOCY",
                        amount,
                        false,
                        List.of(),
                        List.of(),
                        EU,
                        List.of("reviewer"),
                        T0.plusDays(5)),
                "/program-service");
    }

    private static void endorsed(UUID request, OffsetDateTime at) {
        publish(
                new RequestEndorsed(request, "agency-qc", QC, "MIN/QC/1", "a national priority", "focal-qc", at),
                "/request-service");
    }

    private static void publish(AssistanceEvent event, String source) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), source, OffsetDateTime.now()));
    }
}
