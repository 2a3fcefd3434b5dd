package org.assistance.reportingservice.timelines;

import static io.restassured.RestAssured.given;
import static io.restassured.path.json.JsonPath.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.RequestCancelled;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.ActivityCancelled;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.BackorderCancelled;
import org.assistance.chassis.events.ShipmentEvents.BackorderFulfilled;
import org.assistance.chassis.events.ShipmentEvents.LineBackordered;
import org.assistance.chassis.events.ShipmentEvents.LineRefused;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentLinesRemoved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Events of three services, published on the real broker, make one request's timeline. */
@QuarkusTest
class TimelineTest {

    @Test
    void the_timeline_lists_every_event_of_a_request_in_order_and_a_duplicate_once() {
        UUID request = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        OffsetDateTime t0 = OffsetDateTime.now().minusDays(10);
        publish(
                new RequestSubmitted(
                        request,
                        "agency-ke",
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
                        t0),
                t0,
                "/request-service");
        RequestApproved approved = new RequestApproved(
                request,
                "agency-ke",
                "KE",
                "CYBERCRIME",
                "GLOCY",
                new Money(new BigDecimal("1600.00"), "EUR"),
                false,
                List.of(),
                List.of(),
                List.of(),
                List.of("r1"),
                t0.plusDays(2));
        UUID approvalId = UUID.randomUUID();
        ProducerRecord<String, byte[]> approval =
                CloudEvent.toRecord(approved, approvalId, "/program-service", t0.plusDays(2));
        BrokerClient.send(approval);
        BrokerClient.send(CloudEvent.toRecord(approved, approvalId, "/program-service", t0.plusDays(2)));
        publish(
                new ShipmentDispatched(request, shipment, "AIR", "DHL", "TRK-1", LocalDate.now(), t0.plusDays(5)),
                t0.plusDays(5),
                "/equipment-service");
        // a late "planned" (published after "dispatched" but it happened before) takes its place in time
        publish(
                new ShipmentPlanned(request, shipment, "agency-ke", "KE", "MAIN", List.of(), null, t0.plusDays(3)),
                t0.plusDays(3),
                "/equipment-service");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("operations"))
                        .when()
                        .get("/api/v1/requests/" + request + "/timeline")
                        .then()
                        .statusCode(200)
                        .body("$", hasSize(4)));
        given().auth()
                .oauth2(Tokens.partner("agency-ke"))
                .when()
                .get("/api/v1/requests/" + request + "/timeline")
                .then()
                .statusCode(200)
                .body(
                        "type",
                        contains(
                                "assistance.request.submitted.v1",
                                "assistance.review.approved.v1",
                                "assistance.shipment.planned.v1",
                                "assistance.shipment.dispatched.v1"))
                .body(
                        "source",
                        contains("/request-service", "/program-service", "/equipment-service", "/equipment-service"))
                .body("[1].summary", equalTo("Approved under GLOCY"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/requests/" + request + "/timeline")
                .then()
                .statusCode(200)
                .body("[1].summary", startsWith("Approved under GLOCY for 1600.00 EUR"));
    }

    @Test
    void backorders_cancellations_and_the_requests_end_are_on_its_timeline_in_time_order_each_once() {
        UUID request = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        UUID refill = UUID.randomUUID();
        UUID activity = UUID.randomUUID();
        OffsetDateTime t0 = OffsetDateTime.now().minusDays(20).withNano(0);
        ShipmentLine kit = new ShipmentLine(
                "FOR-1", "Forensic kit", "FORENSIC_IT", false, 2, new Money(new BigDecimal("500.00"), "EUR"));
        ShipmentLine camera = new ShipmentLine(
                "SUR-1", "Camera", "SURVEILLANCE", true, 1, new Money(new BigDecimal("900.00"), "EUR"));
        List<AssistanceEvent> story = List.of(
                new RequestSubmitted(
                        request,
                        "agency-ke",
                        "KE",
                        null,
                        "CYBERCRIME",
                        Set.of("EQUIPMENT", "TRAINING"),
                        "HIGH",
                        "Kits and a course",
                        "needs",
                        null,
                        List.of(),
                        List.of(),
                        null,
                        t0),
                new RequestApproved(
                        request,
                        "agency-ke",
                        "KE",
                        "CYBERCRIME",
                        "GLOCY",
                        new Money(new BigDecimal("9000.00"), "EUR"),
                        false,
                        List.of(
                                new EquipmentLine("FOR-1", 4, "j"),
                                new EquipmentLine("SUR-1", 1, "j"),
                                new EquipmentLine("OLD-1", 1, "j")),
                        List.of(),
                        List.of(),
                        List.of("r1"),
                        t0.plusDays(1)),
                new LineRefused(
                        request,
                        "OLD-1",
                        1,
                        "item withdrawn from the catalogue",
                        t0.plusDays(1).plusHours(1)),
                new ShipmentPlanned(
                        request,
                        shipment,
                        "agency-ke",
                        "KE",
                        "VIE",
                        List.of(kit, camera),
                        null,
                        t0.plusDays(1).plusHours(2)),
                new LineBackordered(
                        request,
                        7L,
                        "FOR-1",
                        "Forensic kit",
                        2,
                        "HIGH",
                        t0.plusDays(1).plusHours(3)),
                new ShipmentHeld(
                        request,
                        shipment,
                        "KE",
                        List.of(new ScreeningHit(
                                "SUR-1", "SURVEILLANCE", UUID.randomUUID(), "LICENCE_REQUIRED", "5A001", "licence")),
                        t0.plusDays(1).plusHours(4)),
                new ShipmentLinesRemoved(request, shipment, List.of(camera), "licence refused", t0.plusDays(3)),
                new ShipmentCleared(
                        request, shipment, null, null, 3600, t0.plusDays(3).plusMinutes(1)),
                new BackorderFulfilled(request, 7L, refill, "FOR-1", 1, 1, t0.plusDays(5)),
                new ShipmentPlanned(
                        request,
                        refill,
                        "agency-ke",
                        "KE",
                        "VIE",
                        List.of(kit),
                        null,
                        t0.plusDays(5).plusMinutes(1)),
                new BackorderCancelled(request, 7L, "FOR-1", 1, "no more stock expected", t0.plusDays(6)),
                new ShipmentCancelled(
                        request, shipment, "partner asked", List.of(kit), true, "logistics", t0.plusDays(7)),
                new ShipmentCancelled(
                        request,
                        refill,
                        "partner asked",
                        List.of(kit),
                        true,
                        "logistics",
                        t0.plusDays(7).plusMinutes(1)),
                new ActivityCancelled(
                        request,
                        activity,
                        "GLOCY",
                        "TRAINING_COURSE",
                        "Course",
                        "no trainer",
                        "reviewer",
                        t0.plusDays(8)),
                new RequestCancelled(
                        request, "agency-ke", List.of(), t0.plusDays(8).plusMinutes(1)));
        // the request's end first, then the rest backwards: the timeline orders them by when they happened
        List<AssistanceEvent> published = new java.util.ArrayList<>(story);
        java.util.Collections.reverse(published);
        ProducerRecord<String, byte[]> cancelledAgain = null;
        for (AssistanceEvent event : published) {
            ProducerRecord<String, byte[]> record =
                    CloudEvent.toRecord(event, UUID.randomUUID(), ownerOf(event), timeOf(event));
            BrokerClient.send(record);
            if (event instanceof RequestCancelled) {
                cancelledAgain = record;
            }
        }
        BrokerClient.send(cancelledAgain); // the same event again: once on the timeline

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("operations"))
                        .when()
                        .get("/api/v1/requests/" + request + "/timeline")
                        .then()
                        .statusCode(200)
                        .body("$", hasSize(story.size())));
        given().auth()
                .oauth2(Tokens.partner("agency-ke"))
                .when()
                .get("/api/v1/requests/" + request + "/timeline")
                .then()
                .statusCode(200)
                .body(
                        "type",
                        contains(story.stream()
                                .map(e -> EventType.of(e.getClass()).typeName())
                                .toArray()))
                .body("summary[2]", startsWith("Line refused: 1 x OLD-1"))
                .body("summary[4]", startsWith("Backordered: 2 x FOR-1"))
                .body("summary[6]", startsWith("Shipment " + shipment + ": lines removed at clearance (1 x SUR-1)"))
                .body("summary[8]", startsWith("Backorder 7 fulfilled: 1 x FOR-1 in shipment " + refill))
                .body("summary[11]", startsWith("Shipment " + shipment + " cancelled: partner asked"))
                .body("summary[13]", startsWith("TRAINING_COURSE cancelled: Course (no trainer)"))
                .body("summary[14]", startsWith("Cancelled"));
    }

    private static OffsetDateTime timeOf(AssistanceEvent event) {
        for (java.lang.reflect.RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getType() == OffsetDateTime.class) {
                try {
                    return (OffsetDateTime) component.getAccessor().invoke(event);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no time in " + event);
    }

    @Test
    void an_agency_cannot_read_another_agencys_timeline() {
        UUID request = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        publish(
                new RequestSubmitted(
                        request,
                        "agency-owner",
                        "CO",
                        null,
                        "CORRUPTION",
                        Set.of("TRAINING"),
                        "LOW",
                        "Asset recovery course",
                        "needs",
                        LocalDate.now().plusMonths(2),
                        List.of(),
                        List.of(),
                        null,
                        now),
                now,
                "/request-service");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner("agency-owner"))
                        .when()
                        .get("/api/v1/requests/" + request + "/timeline")
                        .then()
                        .statusCode(200)
                        .body("$", hasSize(1))
                        .body("[0].type", equalTo("assistance.request.submitted.v1"))
                        .body("[0].summary", containsString("Asset recovery course")));
        // the same answer as for a request that does not exist: nothing of it leaks
        String refused = given().auth()
                .oauth2(Tokens.partner("agency-other"))
                .when()
                .get("/api/v1/requests/" + request + "/timeline")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .extract()
                .asString();
        assertThat(refused).doesNotContain("Asset recovery course").doesNotContain("agency-owner");
        given().auth()
                .oauth2(Tokens.partner("agency-other"))
                .when()
                .get("/api/v1/requests/" + UUID.randomUUID() + "/timeline")
                .then()
                .statusCode(404)
                .body("title", equalTo(from(refused).getString("title")));
        given().auth()
                .oauth2(Tokens.donor("donor-x"))
                .when()
                .get("/api/v1/requests/" + request + "/timeline")
                .then()
                .statusCode(403)
                .body(not(containsString("Asset recovery course")));
    }

    @Test
    void the_dashboard_page_is_served_without_a_token() {
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("id=\"dashboard\""))
                .body(containsString("id=\"login\""));
    }

    private static void publish(
            org.assistance.chassis.events.AssistanceEvent event, OffsetDateTime time, String source) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), source, time));
    }

    /** Consumers accept an event only from the service that owns its topic. */
    private static String ownerOf(AssistanceEvent event) {
        return org.assistance.chassis.events.Topics.expectedSource(
                org.assistance.chassis.events.EventType.of(event).topic());
    }
}
