package org.assistance.reportingservice.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.EndUseCheckRecorded;
import org.assistance.chassis.events.ShipmentEvents.EndUseMonitoringStarted;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.reportingservice.enduse.Today;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A donor reads how the equipment it funded is used after delivery: the JSON activity's end-use
 * figures (none for a request without monitored units), and in the IATI feed one more indicator
 * of the activity's result, the monitored units found in use at their latest check, over the
 * request's period. The document stays valid against the IATI 2.03 schema.
 */
@QuarkusTest
class EndUseInTheDonorFeedsTest {
    private static final OffsetDateTime APPROVED = OffsetDateTime.of(2026, 5, 4, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final LocalDate DELIVERED = LocalDate.of(2026, 6, 1);
    private static final List<LocalDate> DUE = List.of(DELIVERED.plusMonths(6), DELIVERED.plusMonths(12));
    /** After both due dates: every unit has two checks due. */
    private static final LocalDate TODAY = DELIVERED.plusMonths(13);

    @BeforeEach
    void onTheDay() {
        QuarkusMock.installMockForType(
                new Today(Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC)), Today.class);
    }

    @Test
    void the_activity_tells_its_end_use_checks_and_the_iati_result_the_units_found_in_use() throws Exception {
        String donor = "donor-eu-" + UUID.randomUUID().toString().substring(0, 8);
        String item = "EU-CAM-" + UUID.randomUUID().toString().substring(0, 6);
        UUID monitored = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        UUID unmonitored = UUID.randomUUID();
        approved(monitored, donor);
        approved(unmonitored, donor);
        publish(new ShipmentPlanned(
                monitored,
                shipment,
                "agency-ke",
                "KE",
                "VIE",
                List.of(new ShipmentLine(
                        item, "Camera", "SURVEILLANCE", true, 3, new Money(new BigDecimal("100.00"), "USD"))),
                new Money(new BigDecimal("300.00"), "USD"),
                APPROVED.plusDays(5)));
        publish(new EndUseMonitoringStarted(
                monitored,
                shipment,
                "agency-ke",
                "KE",
                List.of(new UnitSerial(item, "C-1"), new UnitSerial(item, "C-2"), new UnitSerial(item, "C-3")),
                DUE,
                DELIVERED.atStartOfDay().atOffset(ZoneOffset.UTC),
                DELIVERED.atStartOfDay().atOffset(ZoneOffset.UTC)));
        // C-1: not in use at the first check, in use at the second; C-2 the other way round; C-3 never checked
        check(monitored, shipment, item, "C-1", 1, "NOT_IN_USE", DUE.get(0));
        check(monitored, shipment, item, "C-1", 2, "IN_USE", DUE.get(1));
        check(monitored, shipment, item, "C-2", 1, "IN_USE", DUE.get(0).plusDays(3));
        check(monitored, shipment, item, "C-2", 2, "DAMAGED", DUE.get(1).plusDays(3));

        // worked out from the events above, on TODAY (after both due dates)
        long units = 3;
        long due = units * DUE.size();
        long met = 2 + 2;
        long overdue = due - met;
        long foundInUse = 1; // C-1: its latest check is IN_USE

        JsonPath[] feed = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    feed[0] = given().auth()
                            .oauth2(Tokens.donor(donor))
                            .get("/api/v1/feeds/activities.json")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    Map<String, Object> endUse =
                            feed[0].getMap("activities.find { it.requestId == '" + monitored + "' }.endUse");
                    assertThat(endUse).isNotNull();
                    assertThat(((Number) endUse.get("checksMet")).longValue()).isEqualTo(met);
                });
        Map<String, Object> endUse = feed[0].getMap("activities.find { it.requestId == '" + monitored + "' }.endUse");
        assertThat(((Number) endUse.get("unitsMonitored")).longValue()).isEqualTo(units);
        assertThat(((Number) endUse.get("checksDue")).longValue()).isEqualTo(due);
        assertThat(((Number) endUse.get("checksOverdue")).longValue()).isEqualTo(overdue);
        assertThat(((Number) endUse.get("unitsFoundInUse")).longValue()).isEqualTo(foundInUse);
        assertThat(feed[0].getMap("activities.find { it.requestId == '" + monitored + "' }.endUse.findings"))
                .containsEntry("NOT_IN_USE", 1)
                .containsEntry("NOT_FOUND", 0)
                .containsEntry("TRANSFERRED", 0)
                .containsEntry("DAMAGED", 1);
        assertThat(feed[0].getList("activities.requestId")).contains(unmonitored.toString());
        assertThat(feed[0].getMap("activities.find { it.requestId == '" + unmonitored + "' }"))
                .containsEntry("endUse", null);

        String xml = given().auth()
                .oauth2(Tokens.donor(donor))
                .get("/api/v1/feeds/iati")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Element activity = activityOf(xml, monitored);
        Element indicator = indicator(activity, "Monitored equipment units found in use at end-use checks");
        assertThat(indicator).isNotNull();
        assertThat(indicator.getAttribute("measure")).isEqualTo("1");
        Element period = (Element) indicator.getElementsByTagName("period").item(0);
        assertThat(((Element) period.getElementsByTagName("period-start").item(0)).getAttribute("iso-date"))
                .isEqualTo(APPROVED.toLocalDate().toString());
        Element actual = (Element) indicator.getElementsByTagName("actual").item(0);
        assertThat(actual.getAttribute("value")).isEqualTo(Long.toString(foundInUse));
        assertThat(actual.getElementsByTagName("narrative").item(0).getTextContent())
                .isEqualTo(foundInUse + " of " + units + " monitored units found in use at their latest check; checks"
                        + " due " + due + ", met " + met + ", overdue " + overdue + ".");
        // a request with no monitored unit has no such indicator
        assertThat(indicator(activityOf(xml, unmonitored), "Monitored equipment units found in use at end-use checks"))
                .isNull();
        IatiSchema.validate(xml);
    }

    private static Element indicator(Element activity, String title) {
        NodeList indicators = activity.getElementsByTagName("indicator");
        for (int i = 0; i < indicators.getLength(); i++) {
            Element indicator = (Element) indicators.item(i);
            Element heading = (Element) indicator.getElementsByTagName("title").item(0);
            if (heading.getElementsByTagName("narrative")
                    .item(0)
                    .getTextContent()
                    .equals(title)) {
                return indicator;
            }
        }
        return null;
    }

    private static Element activityOf(String xml, UUID request) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList activities = doc.getElementsByTagName("iati-activity");
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < activities.getLength(); i++) {
            Element activity = (Element) activities.item(i);
            if (activity.getElementsByTagName("iati-identifier")
                    .item(0)
                    .getTextContent()
                    .endsWith(request.toString())) {
                found.add(activity);
            }
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static void approved(UUID request, String donor) {
        publish(new RequestSubmitted(
                request,
                "agency-ke",
                "KE",
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                "HIGH",
                "Surveillance cameras",
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                APPROVED.minusDays(20),
                null));
        publish(new RequestApproved(
                request,
                "agency-ke",
                "KE",
                "CYBERCRIME",
                "GLOCY",
                new Money(new BigDecimal("1000.00"), "USD"),
                false,
                List.of(new EquipmentLine("CAM", 3, "needed")),
                List.<PlannedActivity>of(),
                List.of(new DonorShare(donor, "Donor " + donor, "XI-IATI-" + donor.toUpperCase())),
                List.of("reviewer"),
                APPROVED));
    }

    private static void check(
            UUID request, UUID shipment, String item, String serial, int number, String result, LocalDate on) {
        publish(new EndUseCheckRecorded(
                request,
                shipment,
                UUID.randomUUID(),
                item,
                serial,
                "KE",
                number,
                result,
                on,
                "Monitoring officer",
                null,
                "logistics",
                on.atTime(16, 0).atOffset(ZoneOffset.UTC)));
    }

    private static void publish(AssistanceEvent event) {
        BrokerClient.send(CloudEvent.toRecord(
                event,
                UUID.randomUUID(),
                Topics.expectedSource(EventType.of(event).topic()),
                OffsetDateTime.now()));
    }
}
