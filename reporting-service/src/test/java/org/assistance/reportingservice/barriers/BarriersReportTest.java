package org.assistance.reportingservice.barriers;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.ShipmentEvents.ImpedimentRecorded;
import org.assistance.chassis.events.ShipmentEvents.ImpedimentResolved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentLinesRemoved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Screening measures of every basis and impediments of every kind, published for shipments to one
 * State ("QB", a code no other test uses), reach the barriers report with the days, items and
 * values this test works out itself from the events it published: every expected figure is
 * computed here from the events' own times, quantities and unit costs, never by the report's code.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BarriersReportTest {
    private static final String QB = "QB";
    /** Midnight UTC, long past: what still stands is counted up to the end of {@code TO}. */
    private static final OffsetDateTime T0 = OffsetDateTime.of(2025, 1, 6, 0, 0, 0, 0, ZoneOffset.UTC);

    private static final LocalDate FROM = T0.toLocalDate();
    private static final LocalDate TO = T0.plusDays(40).toLocalDate();
    private static final OffsetDateTime AS_OF = TO.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);

    private static final String UNSC = "UN_SECURITY_COUNCIL";
    private static final String UNILATERAL = "UNILATERAL_MEASURE";
    private static final String NATIONAL = "NATIONAL_EXPORT_CONTROL";
    private static final String OTHER = "OTHER";

    // the lines, as planned
    private static final ShipmentLine A4 = line("QB-A", 4, "1000.00", "USD");
    private static final ShipmentLine B2 = line("QB-B", 2, "500.00", "USD");
    private static final ShipmentLine A1 = line("QB-A", 1, "1000.00", "USD");
    private static final ShipmentLine C3 = line("QB-C", 3, "200.00", "EUR");
    private static final ShipmentLine A2 = line("QB-A", 2, "1000.00", "USD");
    private static final ShipmentLine D5 = line("QB-D", 5, "10.00", "USD");
    private static final ShipmentLine E10 = line("QB-E", 10, "100.00", "USD");
    private static final ShipmentLine F1 = line("QB-F", 1, "300.00", "USD");
    private static final ShipmentLine G2 = line("QB-G", 2, "50.00", "USD");
    private static final ShipmentLine H4 = line("QB-H", 4, "25.00", "USD");
    private static final ShipmentLine J2 = line("QB-J", 2, "1000.00", "USD");
    private static final ShipmentLine J1 = line("QB-J", 1, "1000.00", "USD");

    // the measures: one of each basis, and one hit written before hits had a basis
    private static final UUID RULE_UNSC = UUID.randomUUID();
    private static final UUID RULE_UNILATERAL = UUID.randomUUID();
    private static final UUID RULE_NATIONAL = UUID.randomUUID();

    private static ScreeningHit unsc(String item) {
        return new ScreeningHit(
                item,
                "SURVEILLANCE",
                RULE_UNSC,
                "LICENCE_REQUIRED",
                "5A001",
                "listed",
                UNSC,
                "UN Security Council (1718 Committee)",
                "Resolution 1718 (2006)");
    }

    private static final ScreeningHit UNILATERAL_B = new ScreeningHit(
            "QB-B", "FORENSICS", RULE_UNILATERAL, "PROHIBITED", "X-1", "listed", UNILATERAL, "State X", "Act 1");
    /** An instrument a spreadsheet would run as a formula: the CSV must neutralise it. */
    private static final ScreeningHit NATIONAL_C = new ScreeningHit(
            "QB-C",
            "NETWORK",
            RULE_NATIONAL,
            "LICENCE_REQUIRED",
            "NC-9",
            "listed",
            NATIONAL,
            "National authority, export office",
            "=SUM(1+1)");

    private static final ScreeningHit OLD_D =
            new ScreeningHit("QB-D", "CAMERAS", UUID.randomUUID(), "LICENCE_REQUIRED", "OLD-1", "listed");

    // when things happened
    private static final OffsetDateTime S1_HELD = T0.plusDays(1);
    private static final OffsetDateTime S1_CLEARED = T0.plusDays(3).plusHours(6);
    private static final OffsetDateTime S2_HELD = T0.plusDays(5);
    private static final OffsetDateTime S2_CANCELLED = T0.plusDays(6).plusHours(12);
    private static final OffsetDateTime S3_HELD = T0.plusDays(10);
    private static final OffsetDateTime S4_HELD = T0.plusDays(12);
    private static final OffsetDateTime S4_CLEARED = T0.plusDays(14);
    private static final OffsetDateTime I1_AT = T0.plusDays(2);
    private static final OffsetDateTime I1_RESOLVED = T0.plusDays(4);
    private static final OffsetDateTime I2_AT = T0.plusDays(3);
    private static final OffsetDateTime I2_RESOLVED = T0.plusDays(3).plusHours(12);
    private static final OffsetDateTime I3_AT = T0.plusDays(7);
    private static final OffsetDateTime I4_AT = T0.plusDays(8);
    private static final OffsetDateTime I4_RESOLVED = T0.plusDays(9);
    private static final OffsetDateTime I5_AT = T0.plusDays(21);
    private static final OffsetDateTime I5_RESOLVED = T0.plusDays(22).plusHours(12);
    private static final OffsetDateTime I6_AT = T0.plusDays(15);
    private static final OffsetDateTime S7_CANCELLED = T0.plusDays(16);
    private static final OffsetDateTime S8_REMOVED = T0.plusDays(17);
    private static final OffsetDateTime I7_AT = T0.plusDays(18);
    private static final OffsetDateTime I7_RESOLVED = T0.plusDays(20).plusHours(6);
    private static final OffsetDateTime I8_AT = T0.plusDays(19);
    private static final OffsetDateTime S8_CANCELLED = T0.plusDays(25);

    private final UUID[] requests = new UUID[9];
    private final UUID[] shipments = new UUID[9];

    @BeforeAll
    void publishTheBarriers() {
        for (int i = 1; i <= 8; i++) {
            requests[i] = UUID.randomUUID();
            shipments[i] = UUID.randomUUID();
        }
        // S1: held by a Security Council measure (A) and a unilateral one (B); B removed, then cleared
        planned(1, T0, A4, B2);
        held(1, S1_HELD, unsc("QB-A"), UNILATERAL_B);
        publish(new ShipmentLinesRemoved(requests[1], shipments[1], List.of(B2), "licence refused", S1_CLEARED));
        publish(new ShipmentCleared(requests[1], shipments[1], "LIC-1", S1_CLEARED.toLocalDate(), 0, S1_CLEARED));
        // S2: held by the Security Council measure (A) and a national control (C), cancelled while held
        planned(2, T0.plusDays(4), A1, C3);
        held(2, S2_HELD, unsc("QB-A"), NATIONAL_C);
        publish(new ShipmentCancelled(
                requests[2], shipments[2], "no licence", List.of(A1, C3), true, "logistics", S2_CANCELLED));
        // S3: held by the Security Council measure, still held
        planned(3, T0.plusDays(9), A2);
        held(3, S3_HELD, unsc("QB-A"));
        // S4: a hit of an older event, without basis, imposing party or instrument: OTHER
        planned(4, T0.plusDays(11), D5);
        held(4, S4_HELD, OLD_D);
        publish(new ShipmentCleared(requests[4], shipments[4], "LIC-4", S4_CLEARED.toLocalDate(), 0, S4_CLEARED));
        // S5: a carrier refused (its cost revised when resolved), and a bank
        planned(5, T0.plusDays(1), E10);
        UUID i1 = UUID.randomUUID();
        impediment(5, i1, "CARRIER_REFUSAL", "Carrier Co", UNILATERAL, I1_AT, null, usd("100.00"));
        publish(new ImpedimentResolved(
                requests[5], shipments[5], i1, I1_RESOLVED, usd("250.00"), "other carrier", "logistics", I1_RESOLVED));
        impediment(
                5,
                UUID.randomUUID(),
                "BANK_REFUSAL",
                "Bank Co",
                UNILATERAL,
                I2_AT,
                I2_RESOLVED,
                new Money(new BigDecimal("40.00"), "EUR"));
        // S6: a supplier (basis unknown: OTHER) still refuses; an insurer refused for a day; later a second carrier
        planned(6, T0.plusDays(6), F1, G2);
        impediment(6, UUID.randomUUID(), "SUPPLIER_REFUSAL", "Supplier Co", null, I3_AT, null, null);
        impediment(6, UUID.randomUUID(), "INSURER_REFUSAL", "Insurer Co", NATIONAL, I4_AT, I4_RESOLVED, null);
        UUID i5 = UUID.randomUUID();
        impediment(6, i5, "CARRIER_REFUSAL", "Carrier Two", UNILATERAL, I5_AT, null, null);
        publish(new ImpedimentResolved(
                requests[6], shipments[6], i5, I5_RESOLVED, null, null, "logistics", I5_RESOLVED));
        // S7: a licence denied, the shipment cancelled
        planned(7, T0.plusDays(14), H4);
        impediment(7, UUID.randomUUID(), "LICENCE_DENIED", "Licensing office", NATIONAL, I6_AT, null, null);
        publish(new ShipmentCancelled(
                requests[7], shipments[7], "licence denied", List.of(H4), true, "logistics", S7_CANCELLED));
        // S8: one J removed before a licence was delayed; then a port (OTHER) stopped it until it was cancelled
        planned(8, T0.plusDays(16), J2);
        publish(new ShipmentLinesRemoved(requests[8], shipments[8], List.of(J1), "not needed", S8_REMOVED));
        impediment(8, UUID.randomUUID(), "LICENCE_DELAYED", "Licensing office", UNSC, I7_AT, I7_RESOLVED, null);
        impediment(8, UUID.randomUUID(), "OTHER", "Port authority", OTHER, I8_AT, null, null);
        publish(new ShipmentCancelled(
                requests[8], shipments[8], "port closed", List.of(J1), true, "logistics", S8_CANCELLED));
    }

    // ---- what a person works out from the events above -------------------------------------

    /** One row's figures as this test expects them. */
    record Expected(
            int shipments,
            int lines,
            int itemsBlocked,
            Map<String, BigDecimal> valueBlocked,
            int itemsDelayed,
            Map<String, BigDecimal> valueDelayed,
            List<Long> seconds,
            int standing,
            int denials,
            Map<String, BigDecimal> extraCost) {}

    private static Expected unscMeasure() {
        // S1: A (4) delayed; S2: A (1) cancelled while held; S3: A (2) still held
        return new Expected(
                3,
                3,
                A1.quantity(),
                values("USD", value(A1, A1.quantity())),
                A4.quantity() + A2.quantity(),
                values("USD", value(A4, A4.quantity()).add(value(A2, A2.quantity()))),
                List.of(secs(S1_HELD, S1_CLEARED), secs(S2_HELD, S2_CANCELLED), secs(S3_HELD, AS_OF)),
                1,
                1,
                Map.of());
    }

    private static Expected unilateralMeasure() {
        return new Expected(
                1,
                1,
                B2.quantity(),
                values("USD", value(B2, 2)),
                0,
                Map.of(),
                List.of(secs(S1_HELD, S1_CLEARED)),
                0,
                1,
                Map.of());
    }

    private static Expected nationalMeasure() {
        return new Expected(
                1,
                1,
                C3.quantity(),
                values("EUR", value(C3, 3)),
                0,
                Map.of(),
                List.of(secs(S2_HELD, S2_CANCELLED)),
                0,
                1,
                Map.of());
    }

    private static Expected olderMeasure() {
        return new Expected(
                1,
                1,
                0,
                Map.of(),
                D5.quantity(),
                values("USD", value(D5, 5)),
                List.of(secs(S4_HELD, S4_CLEARED)),
                0,
                0,
                Map.of());
    }

    private static Expected carrierRefusals() {
        // S5's E (10) and S6's F (1) and G (2), both resolved; S5's cost revised from 100 to 250 USD
        return new Expected(
                2,
                3,
                0,
                Map.of(),
                E10.quantity() + F1.quantity() + G2.quantity(),
                values("USD", value(E10, 10).add(value(F1, 1)).add(value(G2, 2))),
                List.of(secs(I1_AT, I1_RESOLVED), secs(I5_AT, I5_RESOLVED)),
                0,
                0,
                values("USD", new BigDecimal("250.00")));
    }

    private static Expected bankRefusals() {
        return new Expected(
                1,
                1,
                0,
                Map.of(),
                10,
                values("USD", value(E10, 10)),
                List.of(secs(I2_AT, I2_RESOLVED)),
                0,
                0,
                values("EUR", new BigDecimal("40.00")));
    }

    private static Expected supplierRefusals() {
        return new Expected(
                1,
                2,
                0,
                Map.of(),
                3,
                values("USD", value(F1, 1).add(value(G2, 2))),
                List.of(secs(I3_AT, AS_OF)),
                1,
                0,
                Map.of());
    }

    private static Expected insurerRefusals() {
        return new Expected(
                1,
                2,
                0,
                Map.of(),
                3,
                values("USD", value(F1, 1).add(value(G2, 2))),
                List.of(secs(I4_AT, I4_RESOLVED)),
                0,
                0,
                Map.of());
    }

    private static Expected licencesDenied() {
        // the shipment was cancelled while the denial stood: its items never went; one denial
        return new Expected(
                1, 1, 4, values("USD", value(H4, 4)), 0, Map.of(), List.of(secs(I6_AT, S7_CANCELLED)), 0, 1, Map.of());
    }

    private static Expected licencesDelayed() {
        // at the time one J of two was left
        return new Expected(
                1, 1, 0, Map.of(), 1, values("USD", value(J1, 1)), List.of(secs(I7_AT, I7_RESOLVED)), 0, 0, Map.of());
    }

    private static Expected otherImpediments() {
        // cancelled while it stood: a denial, its item blocked, counted until the cancellation
        return new Expected(
                1, 1, 1, values("USD", value(J1, 1)), 0, Map.of(), List.of(secs(I8_AT, S8_CANCELLED)), 0, 1, Map.of());
    }

    private static Expected totals() {
        // each shipment once: from its first barrier to its last end (or AS_OF while one stands)
        List<Long> perShipment = List.of(
                secs(S1_HELD, S1_CLEARED),
                secs(S2_HELD, S2_CANCELLED),
                secs(S3_HELD, AS_OF),
                secs(S4_HELD, S4_CLEARED),
                secs(I1_AT, I1_RESOLVED),
                secs(I3_AT, AS_OF),
                secs(I6_AT, S7_CANCELLED),
                secs(I7_AT, S8_CANCELLED));
        Map<String, BigDecimal> blocked =
                values("USD", value(B2, 2).add(value(A1, 1)).add(value(H4, 4)).add(value(J1, 1)));
        blocked.put("EUR", value(C3, 3));
        Map<String, BigDecimal> extra = values("USD", new BigDecimal("250.00"));
        extra.put("EUR", new BigDecimal("40.00"));
        return new Expected(
                8,
                11, // S1 A B, S2 A C, S3 A, S4 D, S5 E, S6 F G, S7 H, S8 J
                2 + 1 + 3 + 4 + 1,
                blocked,
                4 + 2 + 5 + 10 + 1 + 2,
                values(
                        "USD",
                        value(A4, 4)
                                .add(value(A2, 2))
                                .add(value(D5, 5))
                                .add(value(E10, 10))
                                .add(value(F1, 1))
                                .add(value(G2, 2))),
                perShipment,
                2,
                5,
                extra);
    }

    // ---- the scenarios ------------------------------------------------------------------------

    @Test
    void every_basis_and_every_kind_of_impediment_reaches_the_report_with_exact_days_and_values() {
        JsonPath report = awaitReport(Tokens.role("operations"), "country=QB&from=" + FROM + "&to=" + TO);

        assertThat(report.getList("measures")).hasSize(4);
        assertRow(measure(report, "5A001"), unscMeasure());
        assertThat(measure(report, "5A001"))
                .containsEntry("basis", UNSC)
                .containsEntry("imposedBy", "UN Security Council (1718 Committee)")
                .containsEntry("instrument", "Resolution 1718 (2006)")
                .containsEntry("measure", "LICENCE_REQUIRED");
        assertRow(measure(report, "X-1"), unilateralMeasure());
        assertThat(measure(report, "X-1")).containsEntry("basis", UNILATERAL).containsEntry("measure", "PROHIBITED");
        assertRow(measure(report, "NC-9"), nationalMeasure());
        assertThat(measure(report, "NC-9")).containsEntry("basis", NATIONAL).containsEntry("instrument", "=SUM(1+1)");
        assertRow(measure(report, "OLD-1"), olderMeasure());
        assertThat(measure(report, "OLD-1"))
                .containsEntry("basis", OTHER)
                .containsEntry("imposedBy", null)
                .containsEntry("instrument", null);

        assertThat(report.getList("impediments")).hasSize(7);
        assertRow(impediment(report, "CARRIER_REFUSAL", UNILATERAL), carrierRefusals());
        assertRow(impediment(report, "BANK_REFUSAL", UNILATERAL), bankRefusals());
        assertRow(impediment(report, "SUPPLIER_REFUSAL", OTHER), supplierRefusals());
        assertRow(impediment(report, "INSURER_REFUSAL", NATIONAL), insurerRefusals());
        assertRow(impediment(report, "LICENCE_DENIED", NATIONAL), licencesDenied());
        assertRow(impediment(report, "LICENCE_DELAYED", UNSC), licencesDelayed());
        assertRow(impediment(report, "OTHER", OTHER), otherImpediments());

        assertRow(report.getMap("totals"), totals());
        assertThat(OffsetDateTime.parse(report.getString("asOf"))).isEqualTo(AS_OF);
    }

    @Test
    void the_median_of_an_odd_count_is_the_middle_one_and_of_an_even_count_the_mean_of_the_two_middle_ones() {
        JsonPath report = awaitReport(Tokens.role("admin"), "country=QB&from=" + FROM + "&to=" + TO);
        // three shipments under the Security Council measure: the middle one
        List<Long> three = new ArrayList<>(unscMeasure().seconds());
        three.sort(null);
        assertThat(decimal(measure(report, "5A001").get("daysMedian"))).isEqualByComparingTo(days(three.get(1)));
        // two carriers' refusals: the mean of the two; eight shipments in all: 2.125 days rounds up to 2.13
        List<Long> two = carrierRefusals().seconds();
        assertThat(decimal(impediment(report, "CARRIER_REFUSAL", UNILATERAL).get("daysMedian")))
                .isEqualByComparingTo(days((two.get(0) + two.get(1)) / 2.0));
        assertThat(decimal(report.getMap("totals").get("daysMedian"))).isEqualByComparingTo("2.13");
    }

    @Test
    void the_report_narrows_to_a_basis_and_to_the_barriers_that_began_in_a_period() {
        JsonPath unscOnly =
                awaitReport(Tokens.role("operations"), "country=QB&basis=" + UNSC + "&from=" + FROM + "&to=" + TO);
        assertThat(unscOnly.getList("measures.reference")).containsExactly("5A001");
        assertThat(unscOnly.getList("impediments.kind")).containsExactly("LICENCE_DELAYED");
        assertThat(((Number) unscOnly.getMap("totals").get("shipments")).intValue())
                .isEqualTo(4);

        LocalDate later = T0.plusDays(10).toLocalDate();
        JsonPath fromDayTen = awaitReport(Tokens.role("operations"), "country=QB&from=" + later + "&to=" + TO);
        assertThat(fromDayTen.getList("measures.reference")).containsExactlyInAnyOrder("5A001", "OLD-1");
        Map<String, Object> s3Only = measure(fromDayTen, "5A001");
        assertThat(((Number) s3Only.get("shipments")).intValue()).isEqualTo(1);
        assertThat(decimal(s3Only.get("daysTotal"))).isEqualByComparingTo(days(secs(S3_HELD, AS_OF)));
        assertThat(fromDayTen.getList("impediments.kind"))
                .containsExactlyInAnyOrder("CARRIER_REFUSAL", "LICENCE_DENIED", "LICENCE_DELAYED", "OTHER");
        Map<String, Object> secondCarrierOnly = impediment(fromDayTen, "CARRIER_REFUSAL", UNILATERAL);
        assertThat(((Number) secondCarrierOnly.get("shipments")).intValue()).isEqualTo(1);
        assertThat(decimal(secondCarrierOnly.get("daysTotal"))).isEqualByComparingTo(days(secs(I5_AT, I5_RESOLVED)));
        assertThat((List<?>) secondCarrierOnly.get("extraCost")).isEmpty();

        given().auth()
                .oauth2(Tokens.role("operations"))
                .get("/api/v1/barriers?basis=SANCTIONS")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.role("operations"))
                .get("/api/v1/barriers?from=2025-02-01&to=2025-01-01")
                .then()
                .statusCode(400);
    }

    @Test
    void the_csv_has_a_header_row_the_same_figures_and_neutralises_a_cell_a_spreadsheet_would_run() {
        awaitReport(Tokens.role("operations"), "country=QB&from=" + FROM + "&to=" + TO);
        String byAccept = given().auth()
                .oauth2(Tokens.role("operations"))
                .accept("text/csv")
                .get("/api/v1/barriers?country=QB&from=" + FROM + "&to=" + TO)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        String byFormat = given().auth()
                .oauth2(Tokens.focalPoint(QB))
                .get("/api/v1/barriers?format=csv&from=" + FROM + "&to=" + TO)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        assertThat(byFormat).isEqualTo(byAccept);

        List<List<String>> rows = parseCsv(byAccept);
        assertThat(rows.get(0))
                .containsExactly(
                        "row",
                        "basis",
                        "imposed_by",
                        "instrument",
                        "reference",
                        "measure",
                        "kind",
                        "shipments",
                        "lines",
                        "items_blocked",
                        "value_blocked",
                        "items_delayed",
                        "value_delayed",
                        "days_total",
                        "days_median",
                        "standing",
                        "denials",
                        "extra_cost");
        assertThat(rows).hasSize(1 + 4 + 7 + 1);
        List<String> unsc =
                rows.stream().filter(r -> r.get(4).equals("5A001")).findFirst().orElseThrow();
        Expected e = unscMeasure();
        assertThat(unsc.subList(0, 7))
                .containsExactly(
                        "measure",
                        UNSC,
                        "UN Security Council (1718 Committee)",
                        "Resolution 1718 (2006)",
                        "5A001",
                        "LICENCE_REQUIRED",
                        "");
        assertThat(unsc.get(7)).isEqualTo(Integer.toString(e.shipments()));
        assertThat(unsc.get(8)).isEqualTo(Integer.toString(e.lines()));
        assertThat(unsc.get(9)).isEqualTo(Integer.toString(e.itemsBlocked()));
        assertThat(unsc.get(10))
                .isEqualTo("USD " + e.valueBlocked().get("USD").setScale(2).toPlainString());
        assertThat(unsc.get(11)).isEqualTo(Integer.toString(e.itemsDelayed()));
        assertThat(unsc.get(12))
                .isEqualTo("USD " + e.valueDelayed().get("USD").setScale(2).toPlainString());
        assertThat(new BigDecimal(unsc.get(13))).isEqualByComparingTo(total(e.seconds()));
        assertThat(new BigDecimal(unsc.get(14))).isEqualByComparingTo(median(e.seconds()));
        assertThat(unsc.get(15)).isEqualTo("1");
        assertThat(unsc.get(16)).isEqualTo("1");
        assertThat(unsc.get(17)).isEmpty();
        // the instrument "=SUM(1+1)" would run in a spreadsheet: it goes out as text
        List<String> national =
                rows.stream().filter(r -> r.get(4).equals("NC-9")).findFirst().orElseThrow();
        assertThat(national.get(3)).isEqualTo("'=SUM(1+1)");
        assertThat(national.get(2)).isEqualTo("National authority, export office"); // quoted, comma kept
        List<String> totals = rows.get(rows.size() - 1);
        assertThat(totals.get(0)).isEqualTo("total");
        assertThat(totals.get(7)).isEqualTo("8");
        assertThat(totals.get(17)).isEqualTo("EUR 40.00; USD 250.00");
    }

    @Test
    void a_focal_point_reads_its_own_states_barriers_and_is_refused_another_states() {
        JsonPath own = awaitReport(Tokens.focalPoint(QB), "from=" + FROM + "&to=" + TO);
        assertThat(own.getString("country")).isEqualTo(QB);
        assertRow(own.getMap("totals"), totals());
        given().auth()
                .oauth2(Tokens.focalPoint(QB))
                .get("/api/v1/barriers?country=KE")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.focalPoint("KE"))
                .get("/api/v1/barriers?country=QB")
                .then()
                .statusCode(403);
        // a partner agency and a reviewer have no barriers report
        given().auth()
                .oauth2(Tokens.partner("agency-qb"))
                .get("/api/v1/barriers")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .get("/api/v1/barriers")
                .then()
                .statusCode(403);
        given().get("/api/v1/barriers").then().statusCode(401);
    }

    @Test
    void events_arriving_in_any_order_give_the_same_figures() {
        // destination QF, of this test alone: a resolution before its recording, a clearance before its hold
        UUID request = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID impediment = UUID.randomUUID();
        OffsetDateTime heldAt = T0.plusDays(2);
        OffsetDateTime clearedAt = T0.plusDays(5).plusHours(3);
        OffsetDateTime occurredAt = T0.plusDays(3);
        OffsetDateTime resolvedAt = T0.plusDays(4).plusHours(18);
        publish(new ShipmentCleared(request, held, "LIC-QF", clearedAt.toLocalDate(), 0, clearedAt));
        publish(new ShipmentHeld(request, held, "QF", List.of(unsc("QB-A")), heldAt));
        publish(new ShipmentPlanned(
                request, held, "agency-qf", "QF", "VIE", List.of(A2), new Money(new BigDecimal("2000.00"), "USD"), T0));
        publish(new ImpedimentResolved(
                request, refused, impediment, resolvedAt, usd("75.50"), "paid", "logistics", resolvedAt));
        publish(new ImpedimentRecorded(
                request,
                refused,
                impediment,
                "QF",
                "BANK_REFUSAL",
                "Bank Co",
                UNILATERAL,
                occurredAt,
                null,
                "refused the transfer",
                usd("10.00"),
                "logistics",
                occurredAt));
        publish(new ShipmentPlanned(
                request,
                refused,
                "agency-qf",
                "QF",
                "VIE",
                List.of(E10),
                new Money(new BigDecimal("1000.00"), "USD"),
                T0));

        Expected measure = new Expected(
                1, 1, 0, Map.of(), 2, values("USD", value(A2, 2)), List.of(secs(heldAt, clearedAt)), 0, 0, Map.of());
        Expected bank = new Expected(
                1,
                1,
                0,
                Map.of(),
                10,
                values("USD", value(E10, 10)),
                List.of(secs(occurredAt, resolvedAt)),
                0,
                0,
                values("USD", new BigDecimal("75.50")));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonPath report = report(Tokens.role("operations"), "country=QF");
                    assertRow(measure(report, "5A001"), measure);
                    assertRow(impediment(report, "BANK_REFUSAL", UNILATERAL), bank);
                });
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static JsonPath awaitReport(String token, String query) {
        Expected totals = totals();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonPath all = report(Tokens.role("operations"), "country=QB&from=" + FROM + "&to=" + TO);
                    assertRow(all.getMap("totals"), totals);
                });
        return report(token, query);
    }

    private static JsonPath report(String token, String query) {
        String body = given().auth()
                .oauth2(token)
                .accept("application/json")
                .get("/api/v1/barriers?" + query)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static Map<String, Object> measure(JsonPath report, String reference) {
        return report.getMap("measures.find { it.reference == '" + reference + "' }");
    }

    private static Map<String, Object> impediment(JsonPath report, String kind, String basis) {
        return report.getMap("impediments.find { it.kind == '" + kind + "' && it.basis == '" + basis + "' }");
    }

    private static void assertRow(Map<String, Object> row, Expected e) {
        assertThat(row).as("row").isNotNull();
        assertThat(((Number) row.get("shipments")).intValue()).as("shipments").isEqualTo(e.shipments());
        assertThat(((Number) row.get("lines")).intValue()).as("lines").isEqualTo(e.lines());
        assertThat(((Number) row.get("itemsBlocked")).intValue())
                .as("itemsBlocked")
                .isEqualTo(e.itemsBlocked());
        assertThat(amounts(row.get("valueBlocked"))).as("valueBlocked").isEqualTo(scaled(e.valueBlocked()));
        assertThat(((Number) row.get("itemsDelayed")).intValue())
                .as("itemsDelayed")
                .isEqualTo(e.itemsDelayed());
        assertThat(amounts(row.get("valueDelayed"))).as("valueDelayed").isEqualTo(scaled(e.valueDelayed()));
        assertThat(decimal(row.get("daysTotal"))).as("daysTotal").isEqualByComparingTo(total(e.seconds()));
        assertThat(decimal(row.get("daysMedian"))).as("daysMedian").isEqualByComparingTo(median(e.seconds()));
        assertThat(((Number) row.get("standing")).intValue()).as("standing").isEqualTo(e.standing());
        assertThat(((Number) row.get("denials")).intValue()).as("denials").isEqualTo(e.denials());
        assertThat(amounts(row.get("extraCost"))).as("extraCost").isEqualTo(scaled(e.extraCost()));
    }

    private static Map<String, String> amounts(Object list) {
        Map<String, String> amounts = new TreeMap<>();
        for (Object item : (List<?>) list) {
            Map<?, ?> amount = (Map<?, ?>) item;
            amounts.put(
                    (String) amount.get("currency"),
                    decimal(amount.get("amount")).setScale(2).toPlainString());
        }
        return amounts;
    }

    private static Map<String, String> scaled(Map<String, BigDecimal> values) {
        Map<String, String> scaled = new TreeMap<>();
        values.forEach(
                (c, v) -> scaled.put(c, v.setScale(2, RoundingMode.HALF_UP).toPlainString()));
        return scaled;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static long secs(OffsetDateTime from, OffsetDateTime to) {
        return Duration.between(from, to).getSeconds();
    }

    private static BigDecimal days(double seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(86400), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal total(List<Long> seconds) {
        return days(seconds.stream().mapToLong(Long::longValue).sum());
    }

    private static BigDecimal median(List<Long> seconds) {
        long[] sorted = seconds.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? days(sorted[n / 2]) : days((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0);
    }

    private static BigDecimal value(ShipmentLine line, int quantity) {
        return line.unitCost().amount().multiply(BigDecimal.valueOf(quantity));
    }

    private static Map<String, BigDecimal> values(String currency, BigDecimal amount) {
        Map<String, BigDecimal> values = new TreeMap<>();
        values.put(currency, amount);
        return values;
    }

    private static ShipmentLine line(String item, int quantity, String unitCost, String currency) {
        return new ShipmentLine(item, item, "EQUIPMENT", true, quantity, new Money(new BigDecimal(unitCost), currency));
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    private void planned(int s, OffsetDateTime at, ShipmentLine... lines) {
        BigDecimal total =
                Arrays.stream(lines).map(l -> value(l, l.quantity())).reduce(BigDecimal.ZERO, BigDecimal::add);
        publish(new ShipmentPlanned(
                requests[s], shipments[s], "agency-qb", QB, "VIE", List.of(lines), new Money(total, "USD"), at));
    }

    private void held(int s, OffsetDateTime at, ScreeningHit... hits) {
        publish(new ShipmentHeld(requests[s], shipments[s], QB, List.of(hits), at));
    }

    private void impediment(
            int s,
            UUID id,
            String kind,
            String party,
            String basis,
            OffsetDateTime at,
            OffsetDateTime resolvedAt,
            Money extraCost) {
        publish(new ImpedimentRecorded(
                requests[s],
                shipments[s],
                id,
                QB,
                kind,
                party,
                basis,
                at,
                resolvedAt,
                "recorded by logistics",
                extraCost,
                "logistics",
                at.plusHours(1)));
    }

    private static void publish(AssistanceEvent event) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), "/equipment-service", OffsetDateTime.now()));
    }

    /** RFC 4180: quoted cells (with doubled quotes, commas and line breaks inside), CRLF between rows. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
