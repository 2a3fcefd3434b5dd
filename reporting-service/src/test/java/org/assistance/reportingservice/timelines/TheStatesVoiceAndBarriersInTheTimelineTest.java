package org.assistance.reportingservice.timelines;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.RequestEndorsed;
import org.assistance.chassis.events.RequestEvents.RequestEndorsementDeclined;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ShipmentEvents.ImpedimentRecorded;
import org.assistance.chassis.events.ShipmentEvents.ImpedimentResolved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The focal point's endorsement, a hold naming the measure's basis and an impediment appear in a
 * request's timeline in factual words; a State's focal point reads its State's requests' timelines
 * (in the partner's words) and no other State's.
 */
@QuarkusTest
class TheStatesVoiceAndBarriersInTheTimelineTest {
    private static final OffsetDateTime T0 = OffsetDateTime.now().minusDays(20).withNano(0);

    @Test
    void the_endorsement_a_hold_under_a_measure_and_an_impediment_read_as_facts() {
        UUID request = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        UUID impediment = UUID.randomUUID();
        submitted(request, "agency-voice", "KE");
        publish(new RequestEndorsed(
                request, "agency-voice", "KE", "MIN/KE/7", "a priority", "focal-ke", T0.plusDays(1)));
        publish(new ShipmentHeld(
                request,
                shipment,
                "KE",
                List.of(new ScreeningHit(
                        "SUR-1",
                        "SURVEILLANCE",
                        UUID.randomUUID(),
                        "LICENCE_REQUIRED",
                        "5A001",
                        "listed",
                        "UNILATERAL_MEASURE",
                        "European Union",
                        "Regulation (EU) 2021/821")),
                T0.plusDays(2)));
        publish(new ImpedimentRecorded(
                request,
                shipment,
                impediment,
                "KE",
                "CARRIER_REFUSAL",
                "Oceanic Lines",
                "UNILATERAL_MEASURE",
                T0.plusDays(3),
                null,
                "refused the destination",
                new Money(new BigDecimal("300.00"), "USD"),
                "logistics",
                T0.plusDays(3)));
        publish(new ImpedimentResolved(
                request, shipment, impediment, T0.plusDays(5), null, "another carrier", "logistics", T0.plusDays(5)));

        List<String> staff = summaries(Tokens.role("operations"), request, 5);
        assertThat(staff.get(1)).isEqualTo("The national focal point of KE endorsed the request (reference MIN/KE/7)");
        assertThat(staff.get(2))
                .isEqualTo("Shipment " + shipment + " held by export controls: SUR-1 LICENCE_REQUIRED under Regulation"
                        + " (EU) 2021/821 (unilateral measure, imposed by European Union)");
        assertThat(staff.get(3))
                .isEqualTo("Carrier refusal recorded for shipment " + shipment + " by Oceanic Lines (unilateral "
                        + "measure), since " + T0.plusDays(3).toLocalDate() + ", extra cost 300.00 USD");
        assertThat(staff.get(4))
                .isEqualTo("Impediment to shipment " + shipment + " resolved on "
                        + T0.plusDays(5).toLocalDate());

        // the partner and the State's focal point: the endorsement, that it was held, that a carrier refused
        for (String reader : List.of(Tokens.partner("agency-voice"), Tokens.focalPoint("KE"))) {
            List<String> outside = summaries(reader, request, 5);
            assertThat(outside.get(1)).isEqualTo(staff.get(1));
            assertThat(outside.get(2)).isEqualTo("Shipment " + shipment + " held for export-control screening");
            assertThat(outside.get(3)).isEqualTo("Carrier refusal recorded for shipment " + shipment);
            assertThat(String.join("\n", outside)).doesNotContain("Oceanic", "300.00", "Regulation", "5A001");
        }
    }

    @Test
    void a_focal_point_reads_its_own_states_request_timelines_and_no_other_states() {
        UUID kenyan = UUID.randomUUID();
        UUID colombian = UUID.randomUUID();
        submitted(kenyan, "agency-a", "KE");
        submitted(colombian, "agency-b", "CO");
        publish(new RequestEndorsementDeclined(
                colombian, "agency-b", "CO", "MIN/CO/1", "not a priority", "focal-co", T0.plusDays(1)));
        summaries(Tokens.role("admin"), kenyan, 1);
        summaries(Tokens.role("admin"), colombian, 2);

        // every agency's request for its State
        assertThat(summaries(Tokens.focalPoint("KE"), kenyan, 1)).hasSize(1);
        assertThat(summaries(Tokens.focalPoint("CO"), colombian, 2).get(1))
                .isEqualTo("The national focal point of CO declined to endorse the request (reference MIN/CO/1)");
        // another State's request does not exist for it
        given().auth()
                .oauth2(Tokens.focalPoint("KE"))
                .get("/api/v1/requests/" + colombian + "/timeline")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.focalPoint("CO"))
                .get("/api/v1/requests/" + kenyan + "/timeline")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.focalPoint("KE"))
                .get("/api/v1/requests/" + UUID.randomUUID() + "/timeline")
                .then()
                .statusCode(404);
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

    private static void submitted(UUID request, String agency, String country) {
        publish(new RequestSubmitted(
                request,
                agency,
                country,
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                "HIGH",
                "Forensic kits",
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                T0,
                null));
    }

    private static void publish(AssistanceEvent event) {
        String source =
                event.getClass().getName().contains("ShipmentEvents") ? "/equipment-service" : "/request-service";
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), source, OffsetDateTime.now()));
    }
}
