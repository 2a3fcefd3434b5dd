package org.assistance.reportingservice.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.ActivityCancelled;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The IATI feed tells donors truthfully what held or stopped delivery: a shipment held now is a
 * condition attached to the activity naming the measure, its basis and since when, and a
 * description; a shipment cancelled while held and a cancelled training are described as such.
 * The document stays valid against the IATI 2.03 schema.
 */
@QuarkusTest
class IatiHeldAndCancelledDeliveriesTest {
    private static final OffsetDateTime T0 = OffsetDateTime.now().minusDays(40).withNano(0);

    @Test
    void a_held_shipment_is_a_condition_naming_the_measure_and_a_cancelled_delivery_is_stated_as_such()
            throws Exception {
        String donor = "donor-barriers-" + UUID.randomUUID().toString().substring(0, 8);
        UUID heldRequest = UUID.randomUUID();
        UUID heldShipment = UUID.randomUUID();
        approvedRequest(heldRequest, donor);
        ShipmentLine cameras = new ShipmentLine(
                "SUR-1", "Camera", "SURVEILLANCE", true, 3, new Money(new BigDecimal("100.00"), "USD"));
        planned(heldRequest, heldShipment, cameras);
        publish(new ShipmentHeld(
                heldRequest,
                heldShipment,
                "KE",
                List.of(new ScreeningHit(
                        "SUR-1",
                        "SURVEILLANCE",
                        UUID.randomUUID(),
                        "LICENCE_REQUIRED",
                        "5A001",
                        "listed",
                        "UN_SECURITY_COUNCIL",
                        "UN Security Council (1718 Committee)",
                        "Resolution 1718 (2006)")),
                T0.plusDays(12)));

        UUID cancelledRequest = UUID.randomUUID();
        UUID cancelledShipment = UUID.randomUUID();
        approvedRequest(cancelledRequest, donor);
        ShipmentLine kits =
                new ShipmentLine("FOR-1", "Kit", "FORENSIC_IT", false, 2, new Money(new BigDecimal("50.00"), "USD"));
        planned(cancelledRequest, cancelledShipment, kits);
        publish(new ShipmentHeld(
                cancelledRequest,
                cancelledShipment,
                "KE",
                List.of(new ScreeningHit("FOR-1", "FORENSIC_IT", UUID.randomUUID(), "PROHIBITED", "X-9", "listed")),
                T0.plusDays(12)));
        publish(new ShipmentCancelled(
                cancelledRequest, cancelledShipment, "prohibited", List.of(kits), true, "logistics", T0.plusDays(14)));
        publish(new ActivityCancelled(
                cancelledRequest,
                UUID.randomUUID(),
                "GLOCY",
                "TRAINING_COURSE",
                "Forensics course",
                "trainers could not travel",
                "programme",
                T0.plusDays(15)));

        String heldNarrative = "Equipment shipment " + heldShipment + " held since "
                + T0.plusDays(12).toLocalDate()
                + ": licence required for SUR-1 under Resolution 1718 (2006) (UN Security Council measure, imposed by"
                + " UN Security Council (1718 Committee)).";
        String shipmentCancelled = "Equipment shipment " + cancelledShipment + " cancelled on "
                + T0.plusDays(14).toLocalDate() + " while held by export-control screening: its 2 item(s) were not"
                + " delivered.";
        String trainingCancelled =
                "Deliverable Forensics course cancelled: 1 of 1 not delivered (trainers could not" + " travel).";

        String[] xml = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            xml[0] = given().auth()
                    .oauth2(Tokens.donor(donor))
                    .get("/api/v1/feeds/iati")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            Element held = activityOf(xml[0], heldRequest);
            assertThat(held).isNotNull();
            assertThat(narratives(held, "condition")).containsExactly(heldNarrative);
            assertThat(((Element) held.getElementsByTagName("conditions").item(0)).getAttribute("attached"))
                    .isEqualTo("1");
            assertThat(((Element) held.getElementsByTagName("condition").item(0)).getAttribute("type"))
                    .isEqualTo("1");
            assertThat(otherDescriptions(held)).containsExactly(heldNarrative);

            Element cancelled = activityOf(xml[0], cancelledRequest);
            assertThat(cancelled).isNotNull();
            assertThat(cancelled.getElementsByTagName("conditions").getLength()).isZero();
            assertThat(otherDescriptions(cancelled)).containsExactly(shipmentCancelled, trainingCancelled);
        });
        IatiSchema.validate(xml[0]);
    }

    private static void approvedRequest(UUID request, String donor) {
        publish(new RequestSubmitted(
                request,
                "agency-ke",
                "KE",
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT", "TRAINING"),
                "HIGH",
                "Forensics",
                "needs",
                T0.toLocalDate().plusDays(200),
                List.of(),
                List.of(),
                null,
                T0));
        publish(new RequestApproved(
                request,
                "agency-ke",
                "KE",
                "CYBERCRIME",
                "GLOCY",
                new Money(new BigDecimal("1000.00"), "USD"),
                false,
                List.of(new EquipmentLine("SUR-1", 3, "j")),
                List.<PlannedActivity>of(),
                List.of(new DonorShare(donor, "Donor " + donor, "XI-IATI-" + donor.toUpperCase())),
                List.of("r1"),
                T0.plusDays(10)));
    }

    private static void planned(UUID request, UUID shipment, ShipmentLine line) {
        publish(new ShipmentPlanned(
                request,
                shipment,
                "agency-ke",
                "KE",
                "VIE",
                List.of(line),
                new Money(line.unitCost().amount().multiply(BigDecimal.valueOf(line.quantity())), "USD"),
                T0.plusDays(11)));
    }

    private static List<String> narratives(Element activity, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList elements = activity.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            texts.add(((Element) elements.item(i))
                    .getElementsByTagName("narrative")
                    .item(0)
                    .getTextContent());
        }
        return texts;
    }

    private static List<String> otherDescriptions(Element activity) {
        List<String> texts = new ArrayList<>();
        NodeList descriptions = activity.getElementsByTagName("description");
        for (int i = 0; i < descriptions.getLength(); i++) {
            Element d = (Element) descriptions.item(i);
            if ("4".equals(d.getAttribute("type"))) {
                texts.add(d.getElementsByTagName("narrative").item(0).getTextContent());
            }
        }
        return texts;
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
        return null;
    }

    private static void publish(AssistanceEvent event) {
        BrokerClient.send(CloudEvent.toRecord(
                event,
                UUID.randomUUID(),
                Topics.expectedSource(EventType.of(event).topic()),
                OffsetDateTime.now()));
    }
}
