package org.assistance.reportingservice.timelines;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ShipmentEvents.EndUseCheckRecorded;
import org.assistance.chassis.events.ShipmentEvents.EndUseMonitoringStarted;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * End-use monitoring reads in a request's timeline as facts, for staff and the requesting agency
 * alike: how many units are monitored and when their checks fall due, and what each check found
 * of which unit (the item by its name, as its shipment was planned).
 */
@QuarkusTest
class EndUseInTheTimelineTest {
    @Test
    void monitoring_started_and_a_check_recorded_read_as_facts_for_staff_and_partner() {
        UUID request = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        String agency = "agency-eu-" + UUID.randomUUID().toString().substring(0, 6);
        String item = "EU-FW-" + UUID.randomUUID().toString().substring(0, 6);
        String unplanned = "EU-XX-" + UUID.randomUUID().toString().substring(0, 6);
        OffsetDateTime t0 = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        publish(new RequestSubmitted(
                request,
                agency,
                "KE",
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                "HIGH",
                "Forensic workstations",
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                t0,
                null));
        publish(new ShipmentPlanned(
                request,
                shipment,
                agency,
                "KE",
                "VIE",
                List.of(new ShipmentLine(
                        item,
                        "Forensic workstation",
                        "FORENSIC_IT",
                        true,
                        3,
                        new Money(new BigDecimal("10.00"), "USD"))),
                new Money(new BigDecimal("30.00"), "USD"),
                t0.plusDays(1)));
        LocalDate first = LocalDate.of(2027, 6, 1);
        LocalDate second = LocalDate.of(2027, 12, 1);
        publish(new EndUseMonitoringStarted(
                request,
                shipment,
                agency,
                "KE",
                List.of(new UnitSerial(item, "SN-121"), new UnitSerial(item, "SN-122"), new UnitSerial(item, "SN-123")),
                List.of(first, second),
                t0.plusDays(2),
                t0.plusDays(2)));
        LocalDate checked = LocalDate.of(2027, 6, 3);
        publish(check(request, shipment, item, "SN-123", "IN_USE", checked));
        publish(check(request, shipment, unplanned, "SN-900", "NOT_FOUND", checked.plusDays(1)));

        List<String> expected = List.of(
                "End-use monitoring: 3 units, checks due 2027-06-01 and 2027-12-01",
                "End-use check of SN-123 (Forensic workstation): in use, 2027-06-03",
                "End-use check of SN-900 (" + unplanned + "): not found, 2027-06-04");
        for (String reader : List.of(Tokens.role("operations"), Tokens.partner(agency))) {
            List<String> lines = summaries(reader, request, 5);
            assertThat(lines.subList(2, 5)).containsExactlyElementsOf(expected);
        }
    }

    private static EndUseCheckRecorded check(
            UUID request, UUID shipment, String item, String serial, String result, LocalDate on) {
        return new EndUseCheckRecorded(
                request,
                shipment,
                UUID.randomUUID(),
                item,
                serial,
                "KE",
                1,
                result,
                on,
                "Monitoring officer",
                "seen at the forensic laboratory",
                "logistics",
                on.atTime(15, 0).atOffset(ZoneOffset.UTC));
    }

    private static List<String> summaries(String token, UUID request, int events) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(token)
                        .get("/api/v1/requests/" + request + "/timeline")
                        .then()
                        .statusCode(200)
                        .body("$", hasSize(events)));
        return given().auth()
                .oauth2(token)
                .get("/api/v1/requests/" + request + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("summary", String.class);
    }

    private static void publish(AssistanceEvent event) {
        BrokerClient.send(CloudEvent.toRecord(
                event,
                UUID.randomUUID(),
                Topics.expectedSource(EventType.of(event).topic()),
                OffsetDateTime.now()));
    }
}
