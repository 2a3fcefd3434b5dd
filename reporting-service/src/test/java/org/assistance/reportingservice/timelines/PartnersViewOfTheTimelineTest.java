package org.assistance.reportingservice.timelines;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.DocumentEvents.RequestDocumentAttached;
import org.assistance.chassis.events.DocumentEvents.ShipmentDocumentAttached;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.FundsCommitted;
import org.assistance.chassis.events.ReviewEvents.InformationRequested;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentLinesRemoved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentMilestone;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A partner agency reads its request's story in its own words: what happened to its request,
 * not the platform's money (amounts, donors, funds) nor the screening's internals (export rules,
 * measures, licences). Staff read everything.
 */
@QuarkusTest
class PartnersViewOfTheTimelineTest {
    private static final OffsetDateTime T0 = OffsetDateTime.now().minusDays(30).withNano(0);

    @Test
    void an_agency_reading_its_requests_timeline_sees_that_a_shipment_is_held_but_not_which_export_rule_held_it() {
        UUID request = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        ShipmentLine camera = new ShipmentLine(
                "SUR-1", "Camera", "SURVEILLANCE", true, 1, new Money(new BigDecimal("900.00"), "EUR"));
        submitted(request, "agency-held");
        publish(new ShipmentPlanned(
                request,
                shipment,
                "agency-held",
                "KE",
                "VIE",
                List.of(camera),
                new Money(new BigDecimal("900.00"), "EUR"),
                T0.plusDays(2)));
        publish(new ShipmentHeld(
                request,
                shipment,
                "KE",
                List.of(new ScreeningHit(
                        "SUR-1",
                        "SURVEILLANCE",
                        UUID.randomUUID(),
                        "LICENCE_REQUIRED",
                        "5A001.f",
                        "intrusion software controlled under Wassenaar")),
                T0.plusDays(3)));
        publish(new ShipmentLinesRemoved(
                request, shipment, List.of(camera), "licence LIC-77 refused by the ministry", T0.plusDays(4)));
        publish(new ShipmentCleared(request, shipment, "LIC-2026-0042", LocalDate.now(), 3600, T0.plusDays(5)));
        publish(new ShipmentDelivered(request, shipment, new Money(new BigDecimal("900.00"), "EUR"), T0.plusDays(9)));

        List<String> staff = summaries(Tokens.role("logistics"), request, 6);
        assertThat(String.join("\n", staff))
                .contains("LICENCE_REQUIRED", "LIC-2026-0042", "licence LIC-77 refused", "900.00 EUR");

        List<String> partner = summaries(Tokens.partner("agency-held"), request, 6);
        assertThat(partner.get(2)).isEqualTo("Shipment " + shipment + " held for export-control screening");
        assertThat(partner.get(3)).startsWith("Shipment " + shipment + ": lines removed at clearance (1 x SUR-1)");
        assertThat(partner.get(4)).isEqualTo("Shipment " + shipment + " cleared by export-control screening");
        assertThat(partner.get(5)).isEqualTo("Shipment " + shipment + " delivered");
        assertThat(String.join("\n", partner))
                .doesNotContain(
                        "LICENCE_REQUIRED",
                        "5A001",
                        "Wassenaar",
                        "LIC-",
                        "refused by the ministry",
                        "900",
                        "EUR",
                        "VIE");
    }

    @Test
    void an_agency_reading_its_requests_timeline_sees_it_was_approved_but_not_the_amount_or_the_donors() {
        UUID request = UUID.randomUUID();
        List<DonorShare> donors = List.of(
                new DonorShare("donor-nordic", "Nordic Trust Fund", "XM-DAC-NORDIC"),
                new DonorShare("donor-eu", "European Union", "XI-IATI-EC"));
        submitted(request, "agency-money");
        publish(new RequestApproved(
                request,
                "agency-money",
                "KE",
                "CYBERCRIME",
                "GLOCY",
                new Money(new BigDecimal("12345.67"), "EUR"),
                true,
                List.of(new EquipmentLine("FOR-1", 2, "j")),
                List.of(),
                donors,
                List.of("reviewer-1"),
                T0.plusDays(1)));
        publish(new FundsCommitted(
                request,
                "GLOCY",
                new Money(new BigDecimal("12345.67"), "EUR"),
                donors,
                List.of(
                        new DonorAmount(
                                "donor-nordic",
                                "Nordic Trust Fund",
                                "XM-DAC-NORDIC",
                                new Money(new BigDecimal("10000.00"), "EUR")),
                        new DonorAmount(
                                "donor-eu",
                                "European Union",
                                "XI-IATI-EC",
                                new Money(new BigDecimal("2345.67"), "EUR"))),
                T0.plusDays(1).plusMinutes(1)));

        List<String> staff = summaries(Tokens.role("reviewer"), request, 3);
        assertThat(String.join("\n", staff)).contains("12345.67 EUR");

        List<String> partner = summaries(Tokens.partner("agency-money"), request, 3);
        assertThat(partner.get(1)).isEqualTo("Partially approved under GLOCY");
        assertThat(partner.get(2)).isEqualTo("Funds committed for the approved assistance");
        assertThat(String.join("\n", partner))
                .doesNotContain("12345", "10000", "2345", "EUR", "Nordic", "European Union", "donor-");
    }

    @Test
    void a_long_timeline_is_read_page_by_page_each_event_once_and_a_cursor_of_another_kind_is_refused() {
        UUID request = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        submitted(request, "agency-long");
        int milestones = Timelines.PAGE_SIZE + 10;
        for (int i = 0; i < milestones; i++) {
            publish(new ShipmentMilestone(
                    request, shipment, "CHECKPOINT_" + i, "Border post " + i, null, T0.plusHours(1 + i)));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String link = given().auth()
                    .oauth2(Tokens.role("operations"))
                    .get("/api/v1/requests/" + request + "/timeline")
                    .getHeader("Link");
            assertThat(link).isNotNull();
            given().auth()
                    .oauth2(Tokens.role("operations"))
                    .urlEncodingEnabled(false)
                    .get(target(link))
                    .then()
                    .statusCode(200)
                    .body("$", hasSize(milestones + 1 - Timelines.PAGE_SIZE));
        });

        Response first =
                given().auth().oauth2(Tokens.partner("agency-long")).get("/api/v1/requests/" + request + "/timeline");
        first.then().statusCode(200).body("$", hasSize(Timelines.PAGE_SIZE));
        String next = first.getHeader("Link");
        assertThat(next).contains("rel=\"next\"").contains("after=");
        Response second = given().auth()
                .oauth2(Tokens.partner("agency-long"))
                .urlEncodingEnabled(false)
                .get(target(next));
        second.then().statusCode(200).body("$", hasSize(milestones + 1 - Timelines.PAGE_SIZE));
        assertThat(second.getHeader("Link")).isNull();
        List<String> ids = new ArrayList<>(first.jsonPath().getList("eventId"));
        ids.addAll(second.jsonPath().getList("eventId"));
        assertThat(ids).hasSize(milestones + 1).doesNotHaveDuplicates();

        for (String cursor : List.of(
                "not-a-cursor",
                "bm90IGEgY3Vyc29y",
                "!!",
                "x".repeat(101),
                cursorOf("+1000000000-01-01T00:00:00Z|1"),
                cursorOf("-0001-01-01T00:00:00Z|1"),
                cursorOf("2026-01-01T00:00:00Z|99999999999999999999"),
                cursorOf("2026-01-01T00:00:00Z"))) {
            given().auth()
                    .oauth2(Tokens.role("operations"))
                    .queryParam("after", cursor)
                    .get("/api/v1/requests/" + request + "/timeline")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("after"));
        }
    }

    @Test
    void a_summary_longer_than_a_timeline_line_is_cut_not_refused() {
        UUID request = UUID.randomUUID();
        submitted(request, "agency-questions");
        publish(new InformationRequested(
                request,
                "agency-questions",
                Collections.nCopies(40, "Which units will use the equipment, and for which investigations?"),
                "reviewer-1",
                T0.plusDays(1)));
        List<String> partner = summaries(Tokens.partner("agency-questions"), request, 2);
        assertThat(partner.get(1))
                .hasSize(TimelineSummary.MAX_LENGTH)
                .startsWith("Information requested: ")
                .endsWith("\u2026");
    }

    private static String cursorOf(String position) {
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(position.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The address a Link header points to. */
    private static String target(String link) {
        return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
    }

    @Test
    void an_agency_reads_that_documents_were_attached_but_not_which_licence_a_shipment_carries() {
        UUID request = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        submitted(request, "agency-papers");
        publish(new RequestDocumentAttached(
                request,
                UUID.randomUUID(),
                "REQUEST",
                request,
                "REQUEST_LETTER",
                "Note verbale 12/2026",
                "note-verbale.pdf",
                "application/pdf",
                2048,
                "ab".repeat(32),
                "clerk@agency-papers",
                T0.plusDays(1)));
        publish(new ShipmentDocumentAttached(
                request,
                UUID.randomUUID(),
                "SHIPMENT",
                shipment,
                "EXPORT_LICENCE",
                "Licence LIC-2026-0042",
                "licence.pdf",
                "application/pdf",
                4096,
                "cd".repeat(32),
                "logistics-officer",
                T0.plusDays(2)));

        List<String> staff = summaries(Tokens.role("logistics"), request, 3);
        assertThat(staff.get(1))
                .isEqualTo("Request letter attached to the request by clerk@agency-papers: Note verbale 12/2026");
        assertThat(staff.get(2))
                .isEqualTo("Export licence attached to the shipment " + shipment
                        + " by logistics-officer: Licence LIC-2026-0042");

        List<String> partner = summaries(Tokens.partner("agency-papers"), request, 3);
        assertThat(partner.get(1)).isEqualTo(staff.get(1));
        assertThat(partner.get(2)).isEqualTo("A document was attached to shipment " + shipment);
        assertThat(String.join("\n", partner)).doesNotContain("licence", "LIC-", "DocumentAttached");
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

    private static void submitted(UUID request, String agency) {
        publish(new RequestSubmitted(
                request,
                agency,
                "KE",
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                "HIGH",
                "Forensic kits",
                "needs",
                LocalDate.now().plusMonths(2),
                List.of(),
                List.of(),
                null,
                T0));
    }

    private static void publish(AssistanceEvent event) {
        OffsetDateTime time = T0;
        for (java.lang.reflect.RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getType() == OffsetDateTime.class) {
                try {
                    time = (OffsetDateTime) component.getAccessor().invoke(event);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        // consumers accept an event only from the service that owns its topic
        String source = Topics.expectedSource(EventType.of(event).topic());
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), source, time));
    }
}
