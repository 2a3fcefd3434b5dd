package org.assistance.reportingservice.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.DonorSplit;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.FundsCommitted;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Money attributed once: with three donors, uneven splits, amounts that do not divide evenly and
 * two currencies, every donor's figures add up exactly to the programme's, on the dashboard and
 * in the JSON, CSV and IATI feeds; equipment delivered before its commitment arrived is
 * attributed once the commitment is known.
 */
@QuarkusTest
class MoneyAttributedOnceTest {
    private static final OffsetDateTime T0 = OffsetDateTime.now().minusDays(40).withNano(0);
    /** Amounts read as exact decimals, never as floating-point numbers. */
    private static final JsonPathConfig EXACT =
            JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String programme = "P" + suffix.toUpperCase();
    private final DonorShare eu = donor("eu");
    private final DonorShare uk = donor("uk");
    private final DonorShare no = donor("no");

    @Test
    void every_amount_is_credited_once_and_the_donors_add_up_to_the_programme_everywhere() throws Exception {
        UUID usdRequest = UUID.randomUUID();
        UUID eurRequest = UUID.randomUUID();
        Money committed = usd("100000.00");
        List<DonorAmount> split =
                List.of(part(eu, usd("50000.00")), part(uk, usd("33333.33")), part(no, usd("16666.67")));
        Money equipment = usd("10000.01");
        Money course = usd("1000.00");

        // equipment delivered before the commitment is known: not attributed to any donor yet, but not lost
        publish(submitted(usdRequest), T0);
        publish(approved(usdRequest, committed, List.of(eu, uk, no)), T0.plusDays(1));
        publish(new ShipmentDelivered(usdRequest, UUID.randomUUID(), equipment, T0.plusDays(5)), T0.plusDays(5));
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> assertThat(donorFigures().get("(unattributed)|USD"))
                        .containsEntry("spent", new BigDecimal("10000.01")));

        publish(
                new FundsCommitted(usdRequest, programme, committed, List.of(eu, uk, no), split, T0.plusDays(1)),
                T0.plusDays(1));
        publish(
                new ActivityDelivered(
                        usdRequest,
                        UUID.randomUUID(),
                        programme,
                        "TRAINING_COURSE",
                        "Course",
                        T0.toLocalDate().plusDays(8),
                        T0.toLocalDate().plusDays(9),
                        new Participants(5, 5, 10),
                        List.of(),
                        "done",
                        course,
                        DonorSplit.apportion(course, split),
                        T0.plusDays(9)),
                T0.plusDays(9));

        // a first-version commitment (no split) in a programme of two donors: 30,000 shows once, 15,000 each
        Money eurCommitted = eur("30000.00");
        Money eurCourse = eur("999.99");
        Money eurEquipment = eur("7777.77");
        publish(submitted(eurRequest), T0);
        publish(approved(eurRequest, eurCommitted, List.of(eu, uk)), T0.plusDays(2));
        publish(
                new FundsCommitted(eurRequest, programme, eurCommitted, List.of(eu, uk), null, T0.plusDays(2)),
                T0.plusDays(2));
        publish(
                new ActivityDelivered(
                        eurRequest,
                        UUID.randomUUID(),
                        programme,
                        "ADVISORY_MISSION",
                        "Advice",
                        T0.toLocalDate().plusDays(6),
                        T0.toLocalDate().plusDays(7),
                        new Participants(1, 1, 2),
                        List.of(),
                        "done",
                        eurCourse,
                        null,
                        T0.plusDays(7)),
                T0.plusDays(7));
        publish(new ShipmentDelivered(eurRequest, UUID.randomUUID(), eurEquipment, T0.plusDays(8)), T0.plusDays(8));

        List<DonorAmount> eurBasis = List.of(part(eu, eur("15000.00")), part(uk, eur("15000.00")));
        Map<String, Map<String, BigDecimal>> expected = new HashMap<>();
        expect(expected, "committed", split);
        expect(expected, "disbursed", DonorSplit.apportion(course, split));
        expect(expected, "spent", DonorSplit.apportion(equipment, split));
        expect(expected, "committed", eurBasis);
        expect(expected, "disbursed", DonorSplit.apportion(eurCourse, eurBasis));
        expect(expected, "spent", DonorSplit.apportion(eurEquipment, eurBasis));

        // the dashboard: each donor's figures as apportioned, and their sums are the programme's exactly
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> assertThat(donorFigures()).isEqualTo(expected));
        assertThat(expected.get(eu.donorId() + "|EUR").get("committed")).isEqualByComparingTo("15000.00");
        JsonPath dashboard = dashboard();
        for (Map<String, Object> total : dashboard.<Map<String, Object>>getList("programmes")) {
            String currency = (String) total.get("currency");
            for (String figure : List.of("committed", "disbursed", "spent")) {
                BigDecimal sum = dashboard.<Map<String, Object>>getList("funds").stream()
                        .filter(f -> f.get("currency").equals(currency))
                        .map(f -> new BigDecimal(f.get(figure).toString()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(sum)
                        .as(figure + " " + currency)
                        .isEqualByComparingTo(new BigDecimal(total.get(figure).toString()));
            }
        }
        assertThat(dashboard.getString("programmes.find { it.currency == 'USD' }.spent"))
                .isEqualTo("10000.01");
        assertThat(dashboard.getString("programmes.find { it.currency == 'EUR' }.committed"))
                .isEqualTo("30000.00");

        // the JSON feed: each request's transactions are the donors' parts, adding up to each amount
        Map<String, BigDecimal> amounts = Map.of(
                usdRequest + "|2",
                committed.amount(),
                usdRequest + "|3",
                course.amount(),
                usdRequest + "|4",
                equipment.amount(),
                eurRequest + "|2",
                eurCommitted.amount(),
                eurRequest + "|3",
                eurCourse.amount(),
                eurRequest + "|4",
                eurEquipment.amount());
        JsonPath json = given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/feeds/activities.json")
                .then()
                .extract()
                .jsonPath(EXACT);
        Map<String, BigDecimal> fromJson = new HashMap<>();
        Map<String, BigDecimal> perDonor = new HashMap<>();
        for (UUID request : List.of(usdRequest, eurRequest)) {
            List<Map<String, Object>> transactions =
                    json.getList("activities.find { it.requestId == '" + request + "' }.transactions");
            for (Map<String, Object> t : transactions) {
                BigDecimal value = new BigDecimal(t.get("value").toString());
                fromJson.merge(request + "|" + t.get("type"), value, BigDecimal::add);
                perDonor.merge(t.get("donor") + "|" + t.get("currency") + "|" + t.get("type"), value, BigDecimal::add);
            }
        }
        assertSameAmounts(fromJson, amounts);
        assertThat(perDonor.get(uk.donorId() + "|USD|4"))
                .isEqualByComparingTo(expected.get(uk.donorId() + "|USD").get("spent"));

        // the CSV feed: one row per donor's part, adding up the same way
        Map<String, BigDecimal> fromCsv = new HashMap<>();
        for (Map<String, String> row : csvRows()) {
            if (row.get("request_id").equals(usdRequest.toString())
                    || row.get("request_id").equals(eurRequest.toString())) {
                fromCsv.merge(
                        row.get("request_id") + "|" + row.get("transaction_type"),
                        new BigDecimal(row.get("transaction_value")),
                        BigDecimal::add);
                assertThat(row.get("transaction_donor")).isIn(eu.donorId(), uk.donorId(), no.donorId());
            }
        }
        assertSameAmounts(fromCsv, amounts);

        // the IATI feed: valid, each transaction one donor's part (its provider), adding up the same way
        String xml = given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/feeds/iati")
                .asString();
        IatiSchema.validate(xml);
        Map<String, BigDecimal> fromIati = new HashMap<>();
        for (UUID request : List.of(usdRequest, eurRequest)) {
            NodeList transactions = activityOf(xml, request).getElementsByTagName("transaction");
            for (int i = 0; i < transactions.getLength(); i++) {
                Element t = (Element) transactions.item(i);
                String type =
                        ((Element) t.getElementsByTagName("transaction-type").item(0)).getAttribute("code");
                fromIati.merge(
                        request + "|" + type,
                        new BigDecimal(t.getElementsByTagName("value").item(0).getTextContent()),
                        BigDecimal::add);
                assertThat(((Element) t.getElementsByTagName("provider-org").item(0)).getAttribute("ref"))
                        .startsWith("XI-IATI-");
            }
        }
        assertSameAmounts(fromIati, amounts);

        // a donor sees what it funds: the third donor funds only the USD request
        String theirs = given().auth()
                .oauth2(Tokens.donor(no.donorId()))
                .when()
                .get("/api/v1/feeds/iati")
                .asString();
        assertThat(theirs).contains(usdRequest.toString()).doesNotContain(eurRequest.toString());
    }

    @Test
    void the_dashboard_answers_while_equipment_was_delivered_before_its_approval_arrived() {
        // the approval travels on another topic: after a takeover it can come long after the delivery
        UUID request = UUID.randomUUID();
        publish(submitted(request), T0);
        publish(new ShipmentDelivered(request, UUID.randomUUID(), usd("1234.56"), T0.plusDays(3)), T0.plusDays(3));

        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> assertThat(given().auth()
                                .oauth2(Tokens.role("operations"))
                                .queryParam("country", "KE")
                                .when()
                                .get("/api/v1/dashboard")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(EXACT)
                                .<Map<String, Object>>getList("funds"))
                        .anyMatch(f -> f.get("programme") == null && "(unattributed)".equals(f.get("donor"))));
    }

    private Map<String, Map<String, BigDecimal>> donorFigures() {
        Map<String, Map<String, BigDecimal>> figures = new HashMap<>();
        for (Map<String, Object> f : dashboard().<Map<String, Object>>getList("funds")) {
            Map<String, BigDecimal> row = new HashMap<>();
            for (String figure : List.of("committed", "disbursed", "spent")) {
                row.put(figure, new BigDecimal(f.get(figure).toString()).setScale(2));
            }
            figures.put(f.get("donor") + "|" + f.get("currency"), row);
        }
        return figures;
    }

    private JsonPath dashboard() {
        return given().auth()
                .oauth2(Tokens.role("operations"))
                .queryParam("programme", programme)
                .when()
                .get("/api/v1/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath(EXACT);
    }

    private static void expect(Map<String, Map<String, BigDecimal>> expected, String figure, List<DonorAmount> parts) {
        for (DonorAmount part : parts) {
            Map<String, BigDecimal> row = expected.computeIfAbsent(
                    part.donorId() + "|" + part.amount().currency(),
                    k -> new HashMap<>(Map.of("committed", zero(), "disbursed", zero(), "spent", zero())));
            row.merge(figure, part.amount().amount(), BigDecimal::add);
        }
    }

    private static void assertSameAmounts(Map<String, BigDecimal> actual, Map<String, BigDecimal> expected) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, amount) -> assertThat(actual.get(key)).as(key).isEqualByComparingTo(amount));
    }

    private List<Map<String, String>> csvRows() throws Exception {
        byte[] csv = given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/feeds/activities.csv")
                .asByteArray();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper()
                .readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static Element activityOf(String xml, UUID request) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList activities = doc.getElementsByTagName("iati-activity");
        for (int i = 0; i < activities.getLength(); i++) {
            Element activity = (Element) activities.item(i);
            if (activity.getElementsByTagName("iati-identifier")
                    .item(0)
                    .getTextContent()
                    .endsWith(request.toString())) {
                return activity;
            }
        }
        throw new AssertionError("no activity for " + request);
    }

    private RequestSubmitted submitted(UUID request) {
        return new RequestSubmitted(
                request,
                "agency-ke",
                "KE",
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT", "TRAINING"),
                "HIGH",
                "Money " + request,
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                T0);
    }

    private RequestApproved approved(UUID request, Money amount, List<DonorShare> donors) {
        return new RequestApproved(
                request,
                "agency-ke",
                "KE",
                "CYBERCRIME",
                programme,
                amount,
                false,
                List.of(new EquipmentLine("A", 1, "j")),
                List.of(),
                donors,
                List.of("r1"),
                T0.plusDays(1));
    }

    private DonorShare donor(String name) {
        String id = "donor-" + name + "-" + suffix;
        return new DonorShare(id, "Donor " + name, "XI-IATI-" + id.toUpperCase());
    }

    private static DonorAmount part(DonorShare donor, Money amount) {
        return new DonorAmount(donor.donorId(), donor.name(), donor.iatiIdentifier(), amount);
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static BigDecimal zero() {
        return new BigDecimal("0.00");
    }

    private static void publish(AssistanceEvent event, OffsetDateTime at) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), ownerOf(event), at));
    }

    /** Consumers accept an event only from the service that owns its topic. */
    private static String ownerOf(AssistanceEvent event) {
        return org.assistance.chassis.events.Topics.expectedSource(
                org.assistance.chassis.events.EventType.of(event).topic());
    }
}
