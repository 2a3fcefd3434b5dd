package org.assistance.reportingservice.timelines;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Values.Money;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** Events of three services, published on the real broker, make one request's timeline. */
@QuarkusTest
class TimelineTest {

    @Test
    void the_timeline_lists_every_event_of_a_request_in_order_and_a_duplicate_once() {
        UUID request = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        OffsetDateTime t0 = OffsetDateTime.now().minusDays(10);
        publish(new RequestSubmitted(request, "agency-ke", "KE", null, "CYBERCRIME", Set.of("EQUIPMENT"), "HIGH",
                "Forensic kits", "needs", LocalDate.now().plusMonths(2), List.of(), List.of(), null, t0), t0, "/request-service");
        RequestApproved approved = new RequestApproved(request, "agency-ke", "KE", "CYBERCRIME", "GLOCY",
                new Money(new BigDecimal("1600.00"), "EUR"), false, List.of(), List.of(), List.of(), List.of("r1"),
                t0.plusDays(2));
        UUID approvalId = UUID.randomUUID();
        ProducerRecord<String, byte[]> approval = CloudEvent.toRecord(approved, approvalId, "/program-service", t0.plusDays(2));
        BrokerClient.send(approval);
        BrokerClient.send(CloudEvent.toRecord(approved, approvalId, "/program-service", t0.plusDays(2)));
        publish(new ShipmentDispatched(request, shipment, "AIR", "DHL", "TRK-1", LocalDate.now(), t0.plusDays(5)),
                t0.plusDays(5), "/equipment-service");
        // a late "planned" (published after "dispatched" but it happened before) takes its place in time
        publish(new ShipmentPlanned(request, shipment, "agency-ke", "KE", "MAIN", List.of(), null, t0.plusDays(3)),
                t0.plusDays(3), "/equipment-service");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.role("operations"))
                        .when().get("/api/v1/requests/" + request + "/timeline")
                        .then().statusCode(200).body("$", hasSize(4)));
        given().auth().oauth2(Tokens.partner("agency-ke"))
                .when().get("/api/v1/requests/" + request + "/timeline")
                .then().statusCode(200)
                .body("type", contains("assistance.request.submitted.v1", "assistance.review.approved.v1",
                        "assistance.shipment.planned.v1", "assistance.shipment.dispatched.v1"))
                .body("source", contains("/request-service", "/program-service", "/equipment-service",
                        "/equipment-service"))
                .body("[1].summary", startsWith("Approved under GLOCY for 1600.00 EUR"));
    }

    @Test
    void an_agency_cannot_read_another_agencys_timeline() {
        UUID request = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        publish(new RequestSubmitted(request, "agency-owner", "CO", null, "CORRUPTION", Set.of("TRAINING"), "LOW",
                "Asset recovery course", "needs", LocalDate.now().plusMonths(2), List.of(), List.of(), null, now),
                now, "/request-service");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.partner("agency-owner"))
                        .when().get("/api/v1/requests/" + request + "/timeline")
                        .then().statusCode(200));
        given().auth().oauth2(Tokens.partner("agency-other"))
                .when().get("/api/v1/requests/" + request + "/timeline")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.donor("donor-x"))
                .when().get("/api/v1/requests/" + request + "/timeline")
                .then().statusCode(403);
    }

    @Test
    void the_dashboard_page_is_served_without_a_token() {
        given().when().get("/").then().statusCode(200);
    }

    private static void publish(org.assistance.chassis.events.AssistanceEvent event, OffsetDateTime time, String source) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), source, time));
    }
}
