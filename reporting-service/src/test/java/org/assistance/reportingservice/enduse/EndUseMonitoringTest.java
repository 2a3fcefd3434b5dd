package org.assistance.reportingservice.enduse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.EndUseCheckRecorded;
import org.assistance.chassis.events.ShipmentEvents.EndUseMonitoringStarted;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.ShipmentEvents.ShipmentReceived;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Equipment monitored after delivery, in two States of this test alone ("QU", "QV") and under a
 * programme of its own: checks fall due six and twelve months after delivery, are met by checks,
 * fall overdue when not; a unit rejected at receipt leaves monitoring; what a check found other
 * than "in use" is a finding. Every expected figure is worked out here from the units, due dates
 * and checks this test published, on a day the test sets.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndUseMonitoringTest {
    private static final String QU = "QU";
    private static final String QV = "QV";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String PROGRAMME = "EU" + SUFFIX;
    private static final String DONOR_A = "donor-eua-" + SUFFIX;
    private static final String DONOR_B = "donor-eub-" + SUFFIX;
    private static final String AGENCY_QU = "agency-qu-" + SUFFIX;
    private static final String AGENCY_QU2 = "agency-qu2-" + SUFFIX;
    private static final String AGENCY_QV = "agency-qv-" + SUFFIX;

    /** The day the report is read on, unless a test says otherwise. */
    private static final LocalDate TODAY = LocalDate.of(2027, 7, 10);

    private static final ShipmentLine WORKSTATIONS = line("EU-WS-" + SUFFIX, "Forensic workstation", 3);
    private static final ShipmentLine RADIOS = line("EU-RD-" + SUFFIX, "Radio set", 2);
    private static final ShipmentLine WORKSTATION = line(WORKSTATIONS.itemCode(), "Forensic workstation", 1);

    /** One unit as this test published it: where it went, its due dates, whether accepted, its checks. */
    record Unit(
            UUID request,
            String serial,
            String itemCode,
            String country,
            String agency,
            String donor,
            List<LocalDate> due,
            boolean accepted,
            List<String> results,
            List<LocalDate> checkedOn) {}

    private final List<Unit> units = new ArrayList<>();

    private final UUID requestA = UUID.randomUUID(); // QU, agency QU, donor A: workstations, one rejected
    private final UUID requestB = UUID.randomUUID(); // QU, agency QU2, donor B: radios, both with findings
    private final UUID requestC = UUID.randomUUID(); // QV, agency QV, donor A: a workstation checked early

    private final LocalDate deliveredA = LocalDate.of(2027, 1, 5);
    private final LocalDate deliveredB = LocalDate.of(2026, 12, 1);
    private final LocalDate deliveredC = LocalDate.of(2027, 3, 1);

    @BeforeAll
    void publishTheMonitoredEquipment() {
        // A: three workstations delivered; the partner accepted two of them by serial
        approved(requestA, AGENCY_QU, QU, DONOR_A);
        UUID shipmentA = UUID.randomUUID();
        planned(requestA, shipmentA, AGENCY_QU, QU, WORKSTATIONS);
        List<LocalDate> dueA = List.of(deliveredA.plusMonths(6), deliveredA.plusMonths(12));
        started(requestA, shipmentA, AGENCY_QU, QU, WORKSTATIONS.itemCode(), dueA, deliveredA, "SN-1", "SN-2", "SN-3");
        publish(new ShipmentReceived(
                requestA,
                shipmentA,
                List.of(new ReceiptLine(WORKSTATIONS.itemCode(), 2, 1, "screen broken", List.of("SN-1", "SN-2"))),
                at(deliveredA.plusDays(2))));
        LocalDate sn1Checked = dueA.get(0).minusDays(2);
        checked(requestA, shipmentA, WORKSTATIONS.itemCode(), "SN-1", QU, 1, "IN_USE", sn1Checked);
        units.add(new Unit(
                requestA,
                "SN-1",
                WORKSTATIONS.itemCode(),
                QU,
                AGENCY_QU,
                DONOR_A,
                dueA,
                true,
                List.of("IN_USE"),
                List.of(sn1Checked)));
        units.add(new Unit(
                requestA, "SN-2", WORKSTATIONS.itemCode(), QU, AGENCY_QU, DONOR_A, dueA, true, List.of(), List.of()));
        units.add(new Unit(
                requestA, "SN-3", WORKSTATIONS.itemCode(), QU, AGENCY_QU, DONOR_A, dueA, false, List.of(), List.of()));

        // B: two radios, received without serials named (both stay monitored); one not found, one damaged
        approved(requestB, AGENCY_QU2, QU, DONOR_B);
        UUID shipmentB = UUID.randomUUID();
        planned(requestB, shipmentB, AGENCY_QU2, QU, RADIOS);
        List<LocalDate> dueB = List.of(deliveredB.plusMonths(6), deliveredB.plusMonths(12));
        // a serial a spreadsheet would run as a formula: the CSV must neutralise it
        started(requestB, shipmentB, AGENCY_QU2, QU, RADIOS.itemCode(), dueB, deliveredB, "RD-1", "=RD-2");
        publish(new ShipmentReceived(
                requestB, shipmentB, List.of(new ReceiptLine(RADIOS.itemCode(), 2, 0, null)), at(deliveredB)));
        checked(
                requestB,
                shipmentB,
                RADIOS.itemCode(),
                "RD-1",
                QU,
                1,
                "NOT_FOUND",
                dueB.get(0).plusDays(1));
        checked(
                requestB,
                shipmentB,
                RADIOS.itemCode(),
                "=RD-2",
                QU,
                1,
                "DAMAGED",
                dueB.get(0).plusDays(19));
        units.add(new Unit(
                requestB,
                "RD-1",
                RADIOS.itemCode(),
                QU,
                AGENCY_QU2,
                DONOR_B,
                dueB,
                true,
                List.of("NOT_FOUND"),
                List.of(dueB.get(0).plusDays(1))));
        units.add(new Unit(
                requestB,
                "=RD-2",
                RADIOS.itemCode(),
                QU,
                AGENCY_QU2,
                DONOR_B,
                dueB,
                true,
                List.of("DAMAGED"),
                List.of(dueB.get(0).plusDays(19))));

        // C: one workstation to another State, checked before its first check fell due: transferred
        approved(requestC, AGENCY_QV, QV, DONOR_A);
        UUID shipmentC = UUID.randomUUID();
        planned(requestC, shipmentC, AGENCY_QV, QV, WORKSTATION);
        List<LocalDate> dueC = List.of(deliveredC.plusMonths(6), deliveredC.plusMonths(12));
        started(requestC, shipmentC, AGENCY_QV, QV, WORKSTATION.itemCode(), dueC, deliveredC, "WS-9");
        LocalDate early = deliveredC.plusMonths(2);
        checked(requestC, shipmentC, WORKSTATION.itemCode(), "WS-9", QV, 1, "TRANSFERRED", early);
        units.add(new Unit(
                requestC,
                "WS-9",
                WORKSTATION.itemCode(),
                QV,
                AGENCY_QV,
                DONOR_A,
                dueC,
                true,
                List.of("TRANSFERRED"),
                List.of(early)));
    }

    @BeforeEach
    void onTheDay() {
        readOn(TODAY);
    }

    // ---- what a person works out from the units above ------------------------------------------

    /** {unitsMonitored, checksDue, checksMet, checksOverdue, NOT_IN_USE, NOT_FOUND, TRANSFERRED, DAMAGED, inUse}. */
    private static List<Long> expected(List<Unit> units, LocalDate today) {
        long monitored = 0;
        long due = 0;
        long met = 0;
        long overdue = 0;
        long inUse = 0;
        Map<String, Long> findings = new LinkedHashMap<>();
        for (String result : List.of("NOT_IN_USE", "NOT_FOUND", "TRANSFERRED", "DAMAGED")) {
            findings.put(result, 0L);
        }
        for (Unit u : units) {
            if (!u.accepted()) {
                continue; // rejected at receipt: no longer monitored
            }
            monitored++;
            for (int k = 0; k < u.due().size(); k++) {
                boolean isDue = !u.due().get(k).isAfter(today);
                boolean isMet = u.results().size() > k;
                due += isDue ? 1 : 0;
                met += isDue && isMet ? 1 : 0;
                overdue += u.due().get(k).isBefore(today) && !isMet ? 1 : 0;
            }
            u.results().stream().filter(r -> !r.equals("IN_USE")).forEach(r -> findings.merge(r, 1L, Long::sum));
            inUse += !u.results().isEmpty() && u.results().getLast().equals("IN_USE") ? 1 : 0;
        }
        List<Long> figures = new ArrayList<>(List.of(monitored, due, met, overdue));
        figures.addAll(findings.values());
        figures.add(inUse);
        return figures;
    }

    private List<Unit> of(java.util.function.Predicate<Unit> which) {
        return units.stream().filter(which).toList();
    }

    // ---- the scenarios -----------------------------------------------------------------------

    @Test
    void a_check_falls_due_six_months_after_delivery_and_is_overdue_when_not_met() {
        LocalDate firstDue = deliveredA.plusMonths(6);
        awaitTotals(Tokens.role("operations"), "programme=" + PROGRAMME, expected(units, TODAY));

        // the day before: not due yet
        readOn(firstDue.minusDays(1));
        JsonPath before = report(Tokens.partner(AGENCY_QU), "");
        assertThat(figures(before.getMap("totals")))
                .isEqualTo(expected(of(u -> u.agency().equals(AGENCY_QU)), firstDue.minusDays(1)));
        assertThat(before.getLong("totals.checksDue")).isZero();
        assertThat(before.getList("overdue")).isEmpty();

        // on the day: due (SN-1 met, SN-2 not), not yet overdue
        readOn(firstDue);
        JsonPath onTheDay = report(Tokens.partner(AGENCY_QU), "");
        assertThat(onTheDay.getLong("totals.checksDue")).isEqualTo(2);
        assertThat(onTheDay.getLong("totals.checksMet")).isEqualTo(1);
        assertThat(onTheDay.getLong("totals.checksOverdue")).isZero();

        // the day after: SN-2's check is overdue by one day; SN-3, rejected, is not counted at all
        readOn(firstDue.plusDays(1));
        JsonPath after = report(Tokens.partner(AGENCY_QU), "");
        assertThat(figures(after.getMap("totals")))
                .isEqualTo(expected(of(u -> u.agency().equals(AGENCY_QU)), firstDue.plusDays(1)));
        assertThat(after.getLong("totals.checksOverdue")).isEqualTo(1);
        assertThat(after.getList("overdue.serialNumber")).containsExactly("SN-2");
        Map<String, Object> sn2 = after.getMap("overdue[0]");
        assertThat(sn2)
                .containsEntry("itemCode", WORKSTATIONS.itemCode())
                .containsEntry("item", "Forensic workstation")
                .containsEntry("country", QU)
                .containsEntry("requestId", requestA.toString())
                .containsEntry("dueOn", firstDue.toString());
        assertThat(((Number) sn2.get("daysOverdue")).longValue()).isEqualTo(1);

        // on the test's day: overdue by the days between
        readOn(TODAY);
        JsonPath today = report(Tokens.partner(AGENCY_QU), "");
        assertThat(today.getLong("overdue[0].daysOverdue")).isEqualTo(ChronoUnit.DAYS.between(firstDue, TODAY));
        assertThat(today.getString("asOf")).isEqualTo(TODAY.toString());
    }

    @Test
    void a_check_meets_its_due_date_and_a_rejected_unit_leaves_monitoring() {
        JsonPath report = awaitTotals(Tokens.role("operations"), "programme=" + PROGRAMME, expected(units, TODAY));
        // SN-1 was checked: met, found in use; SN-3 was rejected: neither monitored nor overdue
        assertThat(report.getLong("totals.unitsMonitored")).isEqualTo(5);
        assertThat(report.getLong("totals.unitsFoundInUse")).isEqualTo(1);
        assertThat(report.getList("overdue.serialNumber"))
                .containsExactly("SN-2")
                .doesNotContain("SN-3");
        // a late check still meets its due date; an early one meets it before it falls due
        readOn(deliveredC.plusMonths(6));
        JsonPath qv = report(Tokens.role("operations"), "programme=" + PROGRAMME + "&country=" + QV);
        assertThat(qv.getLong("totals.checksDue")).isEqualTo(1);
        assertThat(qv.getLong("totals.checksMet")).isEqualTo(1);
        assertThat(qv.getLong("totals.checksOverdue")).isZero();
    }

    @Test
    void findings_are_counted_by_result_in_total_and_per_country() {
        JsonPath report = awaitTotals(Tokens.role("admin"), "programme=" + PROGRAMME, expected(units, TODAY));
        assertThat(report.getMap("totals.findings"))
                .containsEntry("NOT_IN_USE", 0)
                .containsEntry("NOT_FOUND", 1)
                .containsEntry("TRANSFERRED", 1)
                .containsEntry("DAMAGED", 1);
        assertThat(report.getList("countries.country")).containsExactly(QU, QV);
        assertThat(figures(report.getMap("countries.find { it.country == 'QU' }.figures")))
                .isEqualTo(expected(of(u -> u.country().equals(QU)), TODAY));
        assertThat(figures(report.getMap("countries.find { it.country == 'QV' }.figures")))
                .isEqualTo(expected(of(u -> u.country().equals(QV)), TODAY));
        // latest first
        assertThat(report.getList("findings.serialNumber")).containsExactly("=RD-2", "RD-1", "WS-9");
        assertThat(report.getMap("findings[0]"))
                .containsEntry("item", "Radio set")
                .containsEntry("country", QU)
                .containsEntry("result", "DAMAGED")
                .containsEntry(
                        "checkedAt", deliveredB.plusMonths(6).plusDays(19).toString());
    }

    @Test
    void a_donor_reads_the_units_of_requests_it_funds_a_focal_point_its_states_a_partner_its_agencys() {
        awaitTotals(Tokens.role("operations"), "programme=" + PROGRAMME, expected(units, TODAY));

        JsonPath donorA = report(Tokens.donor(DONOR_A), "");
        assertThat(donorA.getString("donor")).isEqualTo(DONOR_A);
        assertThat(figures(donorA.getMap("totals")))
                .isEqualTo(expected(of(u -> u.donor().equals(DONOR_A)), TODAY));
        assertThat(donorA.getList("countries.country")).containsExactly(QU, QV);
        JsonPath donorB = report(Tokens.donor(DONOR_B), "");
        assertThat(figures(donorB.getMap("totals")))
                .isEqualTo(expected(of(u -> u.donor().equals(DONOR_B)), TODAY));
        // staff narrow to a donor as the donor itself reads
        assertThat(figures(report(Tokens.role("operations"), "donor=" + DONOR_A).getMap("totals")))
                .isEqualTo(figures(donorA.getMap("totals")));

        JsonPath focalPoint = report(Tokens.focalPoint(QU), "programme=" + PROGRAMME);
        assertThat(focalPoint.getString("country")).isEqualTo(QU);
        assertThat(figures(focalPoint.getMap("totals")))
                .isEqualTo(expected(of(u -> u.country().equals(QU)), TODAY));

        JsonPath partner = report(Tokens.partner(AGENCY_QU2), "");
        assertThat(figures(partner.getMap("totals")))
                .isEqualTo(expected(of(u -> u.agency().equals(AGENCY_QU2)), TODAY));
        assertThat(partner.getList("findings.serialNumber")).containsExactly("=RD-2", "RD-1");

        // another donor's, another State's: refused
        given().auth()
                .oauth2(Tokens.donor(DONOR_A))
                .get("/api/v1/end-use?donor=" + DONOR_B)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.focalPoint(QU))
                .get("/api/v1/end-use?country=" + QV)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.role("operations"))
                .get("/api/v1/end-use?country=QUX")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/end-use").then().statusCode(401);
    }

    @Test
    void the_csv_has_a_header_row_the_same_figures_and_neutralises_a_cell_a_spreadsheet_would_run() {
        List<Long> all = expected(units, TODAY);
        awaitTotals(Tokens.role("operations"), "programme=" + PROGRAMME, all);
        String byAccept = given().auth()
                .oauth2(Tokens.role("operations"))
                .accept("text/csv")
                .get("/api/v1/end-use?programme=" + PROGRAMME)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        String byFormat = given().auth()
                .oauth2(Tokens.role("operations"))
                .get("/api/v1/end-use?format=csv&programme=" + PROGRAMME)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        assertThat(byFormat).isEqualTo(byAccept);

        List<String> rows = List.of(byAccept.split("\r\n"));
        assertThat(rows.get(0))
                .isEqualTo("row,country,units_monitored,checks_due,checks_met,checks_overdue,findings_not_in_use,"
                        + "findings_not_found,findings_transferred,findings_damaged,units_found_in_use,serial_number,"
                        + "item_code,item,request_id,due_on,days_overdue,result,checked_at");
        // the totals, two countries, one overdue check, three findings
        assertThat(rows).hasSize(1 + 1 + 2 + 1 + 3);
        assertThat(rows.get(1)).isEqualTo("total,," + join(all) + ",,,,,,,,");
        assertThat(rows.get(2))
                .isEqualTo("country,QU," + join(expected(of(u -> u.country().equals(QU)), TODAY)) + ",,,,,,,,");
        LocalDate due = deliveredA.plusMonths(6);
        assertThat(rows.get(4))
                .isEqualTo("overdue,QU,,,,,,,,,,SN-2," + WORKSTATIONS.itemCode() + ",Forensic workstation," + requestA
                        + "," + due + "," + ChronoUnit.DAYS.between(due, TODAY) + ",,");
        // the serial "=RD-2" would run in a spreadsheet: it goes out as text
        assertThat(rows.get(5))
                .isEqualTo("finding,QU,,,,,,,,,,'=RD-2," + RADIOS.itemCode() + ",Radio set," + requestB + ",,,DAMAGED,"
                        + deliveredB.plusMonths(6).plusDays(19));
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static void readOn(LocalDate day) {
        QuarkusMock.installMockForType(
                new Today(Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC)), Today.class);
    }

    private static String join(List<Long> figures) {
        return String.join(",", figures.stream().map(String::valueOf).toList());
    }

    private static List<Long> figures(Map<String, Object> f) {
        Map<?, ?> findings = (Map<?, ?>) f.get("findings");
        return List.of(
                number(f.get("unitsMonitored")),
                number(f.get("checksDue")),
                number(f.get("checksMet")),
                number(f.get("checksOverdue")),
                number(findings.get("NOT_IN_USE")),
                number(findings.get("NOT_FOUND")),
                number(findings.get("TRANSFERRED")),
                number(findings.get("DAMAGED")),
                number(f.get("unitsFoundInUse")));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static JsonPath awaitTotals(String token, String query, List<Long> totals) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(figures(report(token, query).getMap("totals")))
                        .isEqualTo(totals));
        return report(token, query);
    }

    private static JsonPath report(String token, String query) {
        return given().auth()
                .oauth2(token)
                .accept("application/json")
                .get("/api/v1/end-use" + (query.isEmpty() ? "" : "?" + query))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static ShipmentLine line(String item, String name, int quantity) {
        return new ShipmentLine(item, name, "FORENSIC_IT", true, quantity, new Money(new BigDecimal("1000.00"), "USD"));
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atTime(10, 0).atOffset(ZoneOffset.UTC);
    }

    private static void approved(UUID request, String agency, String country, String donor) {
        OffsetDateTime submitted = OffsetDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        publish(new RequestSubmitted(
                request,
                agency,
                country,
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                "HIGH",
                "Forensic equipment",
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                submitted,
                null));
        publish(new RequestApproved(
                request,
                agency,
                country,
                "CYBERCRIME",
                PROGRAMME,
                new Money(new BigDecimal("5000.00"), "USD"),
                false,
                List.of(new EquipmentLine(WORKSTATIONS.itemCode(), 3, "needed")),
                List.<PlannedActivity>of(),
                List.of(new DonorShare(donor, "Donor " + donor, "XI-IATI-" + donor.toUpperCase())),
                List.of("reviewer"),
                submitted.plusDays(10)));
    }

    private static void planned(UUID request, UUID shipment, String agency, String country, ShipmentLine line) {
        publish(new ShipmentPlanned(
                request,
                shipment,
                agency,
                country,
                "VIE",
                List.of(line),
                new Money(line.unitCost().amount().multiply(BigDecimal.valueOf(line.quantity())), "USD"),
                OffsetDateTime.of(2026, 7, 1, 9, 0, 0, 0, ZoneOffset.UTC)));
    }

    private static void started(
            UUID request,
            UUID shipment,
            String agency,
            String country,
            String itemCode,
            List<LocalDate> due,
            LocalDate delivered,
            String... serials) {
        List<UnitSerial> serialNumbers = new ArrayList<>();
        for (String serial : serials) {
            serialNumbers.add(new UnitSerial(itemCode, serial));
        }
        publish(new EndUseMonitoringStarted(
                request,
                shipment,
                agency,
                country,
                serialNumbers,
                due,
                at(delivered),
                at(delivered).plusMinutes(1)));
    }

    private static void checked(
            UUID request,
            UUID shipment,
            String itemCode,
            String serial,
            String country,
            int number,
            String result,
            LocalDate on) {
        publish(new EndUseCheckRecorded(
                request,
                shipment,
                UUID.randomUUID(),
                itemCode,
                serial,
                country,
                number,
                result,
                on,
                "Monitoring officer",
                null,
                "logistics",
                at(on).plusHours(2)));
    }

    private static void publish(AssistanceEvent event) {
        BrokerClient.send(CloudEvent.toRecord(
                event,
                UUID.randomUUID(),
                Topics.expectedSource(EventType.of(event).topic()),
                OffsetDateTime.now()));
    }
}
