package org.assistance.reportingservice.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.RequestEvents.RequestCancelled;
import org.assistance.chassis.events.RequestEvents.RequestClosed;
import org.assistance.chassis.events.RequestEvents.RequestDelivered;
import org.assistance.chassis.events.RequestEvents.RequestDeliveryStarted;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.ActivityCancelled;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.FundsCommitted;
import org.assistance.chassis.events.ReviewEvents.FundsPledged;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ReviewEvents.RequestRejected;
import org.assistance.chassis.events.ShipmentEvents.BackorderFulfilled;
import org.assistance.chassis.events.ShipmentEvents.LineBackordered;
import org.assistance.chassis.events.ShipmentEvents.LineRefused;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentLinesRemoved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Values.Deliverable;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A realistic sequence of events from all services, published out of order and with a duplicate,
 * gives exactly the KPIs a person would count by hand.
 */
@QuarkusTest
class DashboardKpisTest {
    private static final OffsetDateTime T0 =
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(100).withNano(0);
    private static final Money USD_30000 = new Money(new BigDecimal("30000.00"), "USD");
    private static final List<DonorShare> EU =
            List.of(new DonorShare("donor-eu", "European Union", "XI-IATI-EC_INTPA"));

    @TestHTTPResource("/api/v1/dashboard/stream")
    URL stream;

    @Inject
    DashboardListener listener;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> databasePassword;

    @Test
    void kpis_are_exact_whatever_the_order_and_a_duplicate_counts_once() {
        String area = "AREA_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        UUID s1 = UUID.randomUUID();
        UUID s2 = UUID.randomUUID();
        ShipmentLine cameras = new ShipmentLine(
                "SUR-1", "Camera", "SURVEILLANCE", true, 4, new Money(new BigDecimal("1000.00"), "USD"));

        // request A: the whole journey, its later events published before its submission
        publish(
                new ShipmentPlanned(
                        a,
                        s1,
                        "agency-ke",
                        "KE",
                        "VIE",
                        List.of(cameras),
                        new Money(new BigDecimal("4000.00"), "USD"),
                        day(11)),
                "/equipment-service");
        publish(
                new ShipmentHeld(
                        a,
                        s1,
                        "KE",
                        List.of(new ScreeningHit(
                                "SUR-1", "SURVEILLANCE", UUID.randomUUID(), "LICENCE_REQUIRED", "5A001", "licence")),
                        day(11)),
                "/equipment-service");
        publish(
                new ShipmentCleared(
                        a, s1, "LIC-1", LocalDate.now(), Duration.ofDays(4).toSeconds(), day(15)),
                "/equipment-service");
        publish(
                new ShipmentDispatched(a, s1, "AIR", "carrier", "trk", day(30).toLocalDate(), day(16)),
                "/equipment-service");
        publish(
                new ShipmentDelivered(a, s1, new Money(new BigDecimal("4000.00"), "USD"), day(26)),
                "/equipment-service");
        publish(
                new ReceiptConfirmed(
                        a, "agency-ke", s1, List.of(new ReceiptLine("SUR-1", 3, 1, "broken")), "someone", day(27)),
                "/request-service");
        publish(
                new RequestDelivered(
                        a,
                        "agency-ke",
                        List.of(new Deliverable("item:SUR-1", "EQUIPMENT", "Camera", 4, 4, 0, "DELIVERED", null)),
                        day(26)),
                "/request-service");
        publish(submitted(a, "KE", area, day(0), day(60).toLocalDate()), "/request-service");
        publish(
                new RequestApproved(
                        a,
                        "agency-ke",
                        "KE",
                        area,
                        "GLOCY",
                        USD_30000,
                        true,
                        List.of(new EquipmentLine("SUR-1", 4, "j")),
                        List.of(),
                        EU,
                        List.of("r1"),
                        day(10)),
                "/program-service");
        publish(new FundsCommitted(a, "GLOCY", USD_30000, EU, null, day(10)), "/program-service");
        ActivityDelivered training = new ActivityDelivered(
                a,
                UUID.randomUUID(),
                "GLOCY",
                "TRAINING_COURSE",
                "Forensics",
                day(40).toLocalDate(),
                day(44).toLocalDate(),
                new Participants(8, 10, 18),
                List.of("DCI"),
                "done",
                new Money(new BigDecimal("5000.00"), "USD"),
                null,
                day(44));
        ProducerRecord<String, byte[]> once =
                CloudEvent.toRecord(training, UUID.randomUUID(), "/program-service", day(44));
        BrokerClient.send(once);
        BrokerClient.send(once); // the same event again: counts once

        // request B: rejected after 4 days
        publish(submitted(b, "KE", area, day(1), null), "/request-service");
        publish(new RequestRejected(b, "agency-ke", "OUT_OF_MANDATE", null, "r1", day(5)), "/program-service");

        // request C: approved after 20 days, dispatched by land without an expected date: due when
        // equipment-service said (a week later), long past: delayed
        publish(submitted(c, "CO", area, day(2), null), "/request-service");
        publish(
                new RequestApproved(
                        c,
                        "agency-co",
                        "CO",
                        area,
                        "GLOCY",
                        new Money(new BigDecimal("10000.00"), "USD"),
                        false,
                        List.of(new EquipmentLine("OFF-1", 2, "j")),
                        List.of(),
                        EU,
                        List.of("r1"),
                        day(22)),
                "/program-service");
        publish(
                new FundsCommitted(c, "GLOCY", new Money(new BigDecimal("10000.00"), "USD"), EU, null, day(22)),
                "/program-service");
        publish(new ShipmentPlanned(c, s2, "agency-co", "CO", "VIE", List.of(), null, day(22)), "/equipment-service");
        publish(
                new ShipmentDispatched(c, s2, "LAND", "truck", "t2", null, day(23), day(30).toInstant()),
                "/equipment-service");

        // a pledge to the programme (an event about the programme, not a request)
        BrokerClient.send(CloudEvent.toRecord(
                new FundsPledged(
                        "GLOCY-" + area,
                        EU.get(0),
                        new Money(new BigDecimal("250000.00"), "USD"),
                        day(1).toLocalDate(),
                        day(1)),
                UUID.randomUUID(),
                "/program-service",
                OffsetDateTime.now()));

        // request D: only submitted
        publish(submitted(d, "KE", area, day(3), null), "/request-service");

        // events of three topics arrive on three consumers: wait until every one has been taken in
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("operations"))
                        .queryParam("thematicArea", area)
                        .when()
                        .get("/api/v1/dashboard")
                        .then()
                        .statusCode(200)
                        .body("byStage.REJECTED", equalTo(1))
                        .body("byStage.IN_DELIVERY", equalTo(1))
                        .body("byStage.SUBMITTED", equalTo(1))
                        .body("approvalRatePercent", equalTo(66.67f))
                        // approvals only (10 and 20 days), rejections only (4 days): never mixed
                        .body("timeToApproval.p50", equalTo(15.0f))
                        .body("timeToApproval.p90", equalTo(19.0f))
                        .body("timeToApproval.count", equalTo(2))
                        .body("timeToRejection.p50", equalTo(4.0f))
                        .body("timeToRejection.count", equalTo(1))
                        .body("approvalToDeliveryDays.p50", equalTo(16.0f))
                        .body("approvalToDeliveryDays.count", equalTo(1))
                        .body("approvalDaysDistribution.'8-14'", equalTo(1))
                        .body("approvalDaysDistribution.'15-30'", equalTo(1))
                        .body("rejectionDaysDistribution.'0-7'", equalTo(1))
                        .body("onTimeDeliveryPercent", equalTo(100.0f))
                        .body("shipments.inTransit", equalTo(1))
                        .body("shipments.delayed", equalTo(1))
                        // the one held shipment was cleared: held once, not held now; its 4 days held still count
                        .body("heldNow", equalTo(0))
                        .body("everHeld", equalTo(1))
                        .body("shipments.held.count", equalTo(0))
                        .body("shipments.held.ever", equalTo(1))
                        .body("shipments.held.totalDaysHeld", equalTo(4.0f))
                        .body("shipments.held.byDestination.size()", equalTo(0))
                        .body("fillRatePercent", equalTo(75.0f))
                        .body("funds[0].programme", equalTo("GLOCY"))
                        .body("funds[0].donor", equalTo("donor-eu"))
                        .body("funds[0].currency", equalTo("USD"))
                        .body("funds[0].committed", equalTo(40000.00f))
                        .body("funds[0].disbursed", equalTo(5000.00f))
                        .body("funds[0].spent", equalTo(4000.00f))
                        .body("funds[0].pledged", equalTo(0.0f))
                        .body("delivery.delivered", equalTo(1))
                        .body("delivery.byDeliverableKind.EQUIPMENT.delivered", equalTo(1))
                        .body("funds.find { it.programme == 'GLOCY-" + area + "' }.pledged", equalTo(250000.00f))
                        .body("participantsMen", equalTo(10))
                        .body("countries[0].country", equalTo("KE"))
                        .body("countries[0].requests", equalTo(3))
                        .body("countries[0].delivered", equalTo(1))
                        .body("requests", equalTo(4))
                        .body("byStage.DELIVERED", equalTo(1))
                        .body("shipments.total", equalTo(2))
                        .body("participantsWomen", equalTo(8)));

        given().auth()
                .oauth2(Tokens.role("operations"))
                .queryParam("thematicArea", area)
                .queryParam("country", "CO")
                .when()
                .get("/api/v1/dashboard")
                .then()
                .body("requests", equalTo(1))
                .body("onTimeDeliveryPercent", nullValue());
    }

    @Test
    void a_training_only_request_ends_delivered_and_delivery_is_counted_for_every_assistance_type() {
        String area = "AREA_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID training = UUID.randomUUID();
        UUID mixed = UUID.randomUUID();
        UUID advice = UUID.randomUUID();
        UUID course = UUID.randomUUID();
        UUID cancelledCourse = UUID.randomUUID();
        UUID mission = UUID.randomUUID();

        // training only: one course, delivered; request-service reports the request delivered
        publish(submitted(training, "KE", area, Set.of("TRAINING"), day(0)), "/request-service");
        publish(
                approved(training, "KE", area, List.of(), List.of(activity(course, "TRAINING_COURSE")), day(5)),
                "/program-service");
        publish(
                new ActivityDelivered(
                        training,
                        course,
                        "GLOCY",
                        "TRAINING_COURSE",
                        "Course",
                        day(18).toLocalDate(),
                        day(20).toLocalDate(),
                        new Participants(9, 11, 20),
                        List.of("DCI"),
                        "done",
                        null,
                        null,
                        day(20)),
                "/program-service");
        publish(new RequestDeliveryStarted(training, "agency-ke", course.toString(), day(20)), "/request-service");
        publish(
                new RequestDelivered(
                        training,
                        "agency-ke",
                        List.of(new Deliverable(
                                course.toString(), "TRAINING_COURSE", "Course", 1, 1, 0, "DELIVERED", null)),
                        day(20)),
                "/request-service");
        // equipment and training, all of it cancelled
        publish(submitted(mixed, "KE", area, Set.of("EQUIPMENT", "TRAINING"), day(1)), "/request-service");
        publish(
                approved(
                        mixed,
                        "KE",
                        area,
                        List.of(new EquipmentLine("CAM-1", 2, "j")),
                        List.of(activity(cancelledCourse, "TRAINING_COURSE")),
                        day(6)),
                "/program-service");
        publish(
                new ActivityCancelled(
                        mixed, cancelledCourse, "GLOCY", "TRAINING_COURSE", "Course", "no trainer", "reviewer", day(9)),
                "/program-service");
        publish(
                new RequestCancelled(
                        mixed,
                        "agency-ke",
                        List.of(
                                new Deliverable(
                                        "item:CAM-1", "EQUIPMENT", "Camera", 2, 0, 2, "CANCELLED", "item withdrawn"),
                                new Deliverable(
                                        cancelledCourse.toString(),
                                        "TRAINING_COURSE",
                                        "Course",
                                        1,
                                        0,
                                        1,
                                        "CANCELLED",
                                        "no trainer")),
                        day(10)),
                "/request-service");
        // legislative advice: approved, its mission not yet held
        publish(submitted(advice, "KE", area, Set.of("LEGISLATIVE_ADVISORY"), day(2)), "/request-service");
        publish(
                approved(advice, "KE", area, List.of(), List.of(activity(mission, "LEGISLATIVE_REVIEW")), day(7)),
                "/program-service");

        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("operations"))
                        .queryParam("thematicArea", area)
                        .when()
                        .get("/api/v1/dashboard")
                        .then()
                        .statusCode(200)
                        .body("requests", equalTo(3))
                        .body("byStage.DELIVERED", equalTo(1))
                        .body("byStage.CANCELLED", equalTo(1))
                        .body("byStage.APPROVED", equalTo(1))
                        .body("approvalToDeliveryDays.count", equalTo(1))
                        .body("approvalToDeliveryDays.p50", equalTo(15.0f))
                        .body("countries[0].delivered", equalTo(1))
                        .body("delivery.delivered", equalTo(1))
                        .body("delivery.cancelled", equalTo(1))
                        .body("delivery.byAssistanceType.TRAINING.requests", equalTo(2))
                        .body("delivery.byAssistanceType.TRAINING.delivered", equalTo(1))
                        .body("delivery.byAssistanceType.TRAINING.cancelled", equalTo(1))
                        .body("delivery.byAssistanceType.EQUIPMENT.cancelled", equalTo(1))
                        .body("delivery.byAssistanceType.LEGISLATIVE_ADVISORY.requests", equalTo(1))
                        .body("delivery.byAssistanceType.LEGISLATIVE_ADVISORY.delivered", equalTo(0))
                        .body("delivery.byDeliverableKind.TRAINING_COURSE.total", equalTo(2))
                        .body("delivery.byDeliverableKind.TRAINING_COURSE.delivered", equalTo(1))
                        .body("delivery.byDeliverableKind.TRAINING_COURSE.cancelled", equalTo(1))
                        .body("delivery.byDeliverableKind.EQUIPMENT.cancelled", equalTo(1))
                        .body("delivery.byDeliverableKind.LEGISLATIVE_REVIEW.pending", equalTo(1))
                        .body("participantsWomen", equalTo(9)));

        // the partner confirms completion: closed, still counted as delivered; and a request delivered before
        // deliverables were reported closes by itself (no request.delivered event): delivered too
        UUID delivered = UUID.randomUUID();
        publish(
                new RequestClosed(training, "agency-ke", 5, "Exactly what we needed", false, day(30)),
                "/request-service");
        publish(submitted(delivered, "KE", area, Set.of("TRAINING"), day(3)), "/request-service");
        publish(approved(delivered, "KE", area, List.of(), List.of(), day(8)), "/program-service");
        publish(new RequestClosed(delivered, "agency-ke", null, null, true, day(70)), "/request-service");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("operations"))
                        .queryParam("thematicArea", area)
                        .when()
                        .get("/api/v1/dashboard")
                        .then()
                        .statusCode(200)
                        .body("byStage.CLOSED", equalTo(2))
                        .body("byStage.DELIVERED", nullValue())
                        .body("delivery.closed", equalTo(2))
                        .body("delivery.delivered", equalTo(2))
                        .body("delivery.averageSatisfaction", equalTo(5.0f))
                        .body("delivery.byAssistanceType.TRAINING.closed", equalTo(2))
                        .body("delivery.byAssistanceType.TRAINING.delivered", equalTo(2)));
    }

    @Test
    void each_equipment_line_follows_its_quantities_removed_backordered_refused_cancelled_and_delivered() {
        String area = "AREA_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID request = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID refill = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        OffsetDateTime t = OffsetDateTime.now(ZoneOffset.UTC).minusDays(10).withNano(0);
        publish(submitted(request, "KE", area, Set.of("EQUIPMENT"), t), "/request-service");
        publish(
                approved(
                        request,
                        "KE",
                        area,
                        List.of(
                                new EquipmentLine("A", 4, "j"),
                                new EquipmentLine("B", 2, "j"),
                                new EquipmentLine("C", 1, "j"),
                                new EquipmentLine("D", 3, "j")),
                        List.of(),
                        t.plusDays(1)),
                "/program-service");
        // A: 4 planned and delivered. B: 1 planned but removed at clearance, 1 backordered. C: refused. D: cancelled.
        publish(
                new ShipmentPlanned(
                        request,
                        first,
                        "agency-ke",
                        "KE",
                        "VIE",
                        List.of(line("A", 4), line("B", 1)),
                        null,
                        t.plusDays(2)),
                "/equipment-service");
        publish(new LineBackordered(request, 4242L, "B", "b", 1, "HIGH", t.plusDays(2)), "/equipment-service");
        publish(new LineRefused(request, "C", 1, "withdrawn", t.plusDays(2)), "/equipment-service");
        publish(
                new ShipmentPlanned(
                        request, cancelled, "agency-ke", "KE", "VIE", List.of(line("D", 3)), null, t.plusDays(2)),
                "/equipment-service");
        publish(
                new ShipmentLinesRemoved(request, first, List.of(line("B", 1)), "no licence", t.plusDays(3)),
                "/equipment-service");
        publish(
                new ShipmentCancelled(
                        request, cancelled, "partner asked", List.of(line("D", 3)), true, "logistics", t.plusDays(3)),
                "/equipment-service");
        publish(new ShipmentDispatched(request, first, "AIR", "c", "t", null, t.plusDays(4)), "/equipment-service");
        publish(new ShipmentDelivered(request, first, null, t.plusDays(5)), "/equipment-service");

        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("operations"))
                        .queryParam("thematicArea", area)
                        .when()
                        .get("/api/v1/dashboard")
                        .then()
                        .statusCode(200)
                        .body("delivery.byDeliverableKind.EQUIPMENT.total", equalTo(4))
                        .body("delivery.byDeliverableKind.EQUIPMENT.delivered", equalTo(1))
                        .body("delivery.byDeliverableKind.EQUIPMENT.inProgress", equalTo(1))
                        .body("delivery.byDeliverableKind.EQUIPMENT.cancelled", equalTo(2)));

        // the backordered unit arrives in a new shipment: B is delivered too (1 delivered, 1 removed)
        publish(new BackorderFulfilled(request, 4242L, refill, "B", 1, 0, t.plusDays(6)), "/equipment-service");
        publish(
                new ShipmentPlanned(
                        request, refill, "agency-ke", "KE", "VIE", List.of(line("B", 1)), null, t.plusDays(6)),
                "/equipment-service");
        publish(new ShipmentDispatched(request, refill, "AIR", "c", "t", null, t.plusDays(7)), "/equipment-service");
        publish(new ShipmentDelivered(request, refill, null, t.plusDays(8)), "/equipment-service");
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("operations"))
                        .queryParam("thematicArea", area)
                        .when()
                        .get("/api/v1/dashboard")
                        .then()
                        .statusCode(200)
                        .body("delivery.byDeliverableKind.EQUIPMENT.delivered", equalTo(2))
                        .body("delivery.byDeliverableKind.EQUIPMENT.inProgress", equalTo(0))
                        .body("delivery.byDeliverableKind.EQUIPMENT.cancelled", equalTo(2)));
    }

    private static ShipmentLine line(String item, int quantity) {
        return new ShipmentLine(
                item, item.toLowerCase(), "FORENSIC_IT", false, quantity, new Money(new BigDecimal("10.00"), "USD"));
    }

    @Test
    void held_counts_only_shipments_held_now_and_held_time_stops_when_cleared_or_cancelled() {
        String area = "AREA_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID request = UUID.randomUUID();
        UUID cleared = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID stillHeld = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        ShipmentLine cameras = new ShipmentLine(
                "SUR-1", "Camera", "SURVEILLANCE", true, 1, new Money(new BigDecimal("1000.00"), "USD"));
        publish(submitted(request, "KE", area, Set.of("EQUIPMENT"), now.minusDays(30)), "/request-service");
        publish(
                approved(
                        request, "KE", area, List.of(new EquipmentLine("SUR-1", 3, "j")), List.of(), now.minusDays(25)),
                "/program-service");
        for (UUID shipment : List.of(cleared, cancelled, stillHeld)) {
            publish(
                    new ShipmentPlanned(
                            request, shipment, "agency-ke", "KE", "VIE", List.of(cameras), null, now.minusDays(20)),
                    "/equipment-service");
            publish(
                    new ShipmentHeld(
                            request,
                            shipment,
                            "KE",
                            List.of(new ScreeningHit(
                                    "SUR-1",
                                    "SURVEILLANCE",
                                    UUID.randomUUID(),
                                    "LICENCE_REQUIRED",
                                    "5A001",
                                    "licence")),
                            now.minusDays(20)),
                    "/equipment-service");
        }
        // cleared after 2 days, cancelled after 3 days (no longer held, its held time stops), one still held
        publish(
                new ShipmentCleared(
                        request,
                        cleared,
                        "LIC-1",
                        now.toLocalDate(),
                        Duration.ofDays(2).toSeconds(),
                        now.minusDays(18)),
                "/equipment-service");
        publish(
                new ShipmentCancelled(
                        request, cancelled, "licence refused", List.of(cameras), true, "logistics", now.minusDays(17)),
                "/equipment-service");

        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("operations"))
                        .queryParam("thematicArea", area)
                        .when()
                        .get("/api/v1/dashboard")
                        .then()
                        .statusCode(200)
                        .body("shipments.total", equalTo(3))
                        .body("shipments.cancelled", equalTo(1))
                        .body("heldNow", equalTo(1))
                        .body("everHeld", equalTo(3))
                        .body("shipments.held.count", equalTo(1))
                        .body("shipments.held.byDestination.KE", equalTo(1))
                        .body("shipments.held.byCategory.SURVEILLANCE", equalTo(1)));
        double days = given().auth()
                .oauth2(Tokens.role("operations"))
                .queryParam("thematicArea", area)
                .when()
                .get("/api/v1/dashboard")
                .jsonPath()
                .getDouble("shipments.held.totalDaysHeld");
        // 2 (cleared) + 3 (cancelled) + 20 and counting (still held)
        assertThat(days).isBetween(25.0, 25.01);
    }

    @Test
    void a_shipment_is_delayed_only_after_the_day_it_is_due_and_without_a_due_date_never() {
        String area = "DUE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID request = UUID.randomUUID();
        publish(submitted(request, "KE", area, day(1), null), "/request-service");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // due yesterday: delayed; due today: not yet; a dispatch written before due dates were published: unknown
        publish(
                new ShipmentDispatched(
                        request,
                        UUID.randomUUID(),
                        "SEA",
                        "c",
                        "t",
                        null,
                        now.minusDays(60),
                        now.minusDays(1).toInstant()),
                "/equipment-service");
        publish(
                new ShipmentDispatched(
                        request, UUID.randomUUID(), "AIR", "c", "t", null, now.minusDays(30), now.toInstant()),
                "/equipment-service");
        publish(
                new ShipmentDispatched(request, UUID.randomUUID(), "LAND", "c", "t", null, now.minusDays(90)),
                "/equipment-service");
        // an expected delivery given at dispatch goes before the due date of its mode
        publish(
                new ShipmentDispatched(
                        request,
                        UUID.randomUUID(),
                        "AIR",
                        "c",
                        "t",
                        now.toLocalDate().plusDays(3),
                        now.minusDays(40),
                        now.minusDays(10).toInstant()),
                "/equipment-service");

        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("operations"))
                        .queryParam("thematicArea", area)
                        .when()
                        .get("/api/v1/dashboard")
                        .then()
                        .statusCode(200)
                        .body("shipments.total", equalTo(4))
                        .body("shipments.inTransit", equalTo(4))
                        .body("shipments.delayed", equalTo(1)));
    }

    /**
     * An event's arrival is the moment the read models have it (its transaction committed, seen
     * from here by polling the database every few milliseconds); the open stream shows it within
     * a second of that.
     */
    @Test
    void the_stream_pushes_an_event_within_a_second_of_its_arrival() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(listener::listening);
        try (LiveStream live =
                LiveStream.open(stream, databaseUrl, databaseUser.orElse(null), databasePassword.orElse(null))) {
            UUID request = UUID.randomUUID();
            String title = "Live " + UUID.randomUUID();
            publish(submitted(request, "GH", "CORRUPTION", OffsetDateTime.now(), null), "/request-service", title);

            long arrived = arrivalInTheReadModels(request);
            await().atMost(Duration.ofSeconds(5)).until(() -> live.arrivalOf(title) != null);
            assertThat(live.lineWith(title)).contains("assistance.request.submitted.v1");
            assertThat(Duration.ofNanos(live.arrivalOf(title) - arrived)).isLessThan(Duration.ofSeconds(1));
        }
    }

    /** When the request's first event became visible in the read models ({@link System#nanoTime}). */
    private long arrivalInTheReadModels(UUID request) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        try (Connection c = DriverManager.getConnection(
                        databaseUrl, databaseUser.orElse(null), databasePassword.orElse(null));
                PreparedStatement visible = c.prepareStatement("select 1 from timeline_entries where request_id = ?")) {
            visible.setObject(1, request);
            while (System.nanoTime() < deadline) {
                try (var rows = visible.executeQuery()) {
                    if (rows.next()) {
                        return System.nanoTime();
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("request " + request + " never reached the read models");
    }

    @Test
    void a_partner_or_a_donor_cannot_read_the_operations_dashboard() {
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/dashboard")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.donor("donor-eu"))
                .when()
                .get("/api/v1/dashboard")
                .then()
                .statusCode(403);
        given().when().get("/api/v1/dashboard").then().statusCode(401);
    }

    /**
     * Another reporting instance announces its read-model change on the shared database: this
     * instance's browsers see it within a second, though this instance consumed nothing.
     */
    @Test
    void a_change_announced_by_another_instance_reaches_this_instances_stream_within_a_second() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(listener::listening);
        try (LiveStream live =
                LiveStream.open(stream, databaseUrl, databaseUser.orElse(null), databasePassword.orElse(null))) {
            String summary = "Applied by another instance " + UUID.randomUUID();
            long sentAt = System.nanoTime();
            LiveStream.announce(
                    databaseUrl,
                    databaseUser.orElse(null),
                    databasePassword.orElse(null),
                    "{\"type\":\"assistance.request.submitted.v1\",\"requestId\":\"" + UUID.randomUUID()
                            + "\",\"time\":\"" + OffsetDateTime.now() + "\",\"source\":\"/request-service\","
                            + "\"summary\":\"" + summary + "\"}");

            await().atMost(Duration.ofSeconds(5)).until(() -> live.arrivalOf(summary) != null);
            assertThat(Duration.ofNanos(live.arrivalOf(summary) - sentAt)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void the_live_dashboard_listens_again_after_losing_its_database_connection() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(listener::listening);
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Authorization", "Bearer " + Tokens.role("operations"))
                .header("Accept", "text/event-stream")
                .build();
        String summary = "After the reconnection " + UUID.randomUUID();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<String> seen = response.thenApplyAsync(
                r -> r.body().filter(line -> line.contains(summary)).findFirst().orElse(null));
        response.get(10, TimeUnit.SECONDS);

        try (Connection other =
                DriverManager.getConnection(databaseUrl, databaseUser.orElse(null), databasePassword.orElse(null))) {
            // the database drops the listener's connection (as a restart or a network cut would)
            try (PreparedStatement cut = other.prepareStatement("""
                    select count(pg_terminate_backend(pid)) from pg_stat_activity
                    where application_name = 'reporting-service dashboard listener' and datname = current_database()""")) {
                cut.execute();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!seen.isDone() && System.nanoTime() < deadline) {
                try (PreparedStatement notify = other.prepareStatement("select pg_notify(?, ?)")) {
                    notify.setString(1, DashboardStream.CHANNEL);
                    notify.setString(
                            2, "{\"type\":\"assistance.request.submitted.v1\",\"summary\":\"" + summary + "\"}");
                    notify.execute();
                }
                Thread.sleep(300);
            }
        }
        assertThat(seen.get(1, TimeUnit.SECONDS)).contains(summary);
        response.get().body().close();
    }

    private static OffsetDateTime day(int n) {
        return T0.plusDays(n);
    }

    private static RequestSubmitted submitted(
            UUID id, String country, String area, OffsetDateTime at, LocalDate desiredBy) {
        return new RequestSubmitted(
                id,
                "agency-" + country.toLowerCase(),
                country,
                null,
                area,
                Set.of("EQUIPMENT"),
                "HIGH",
                "Request " + id,
                "needs",
                desiredBy,
                List.of(),
                List.of(),
                null,
                at);
    }

    private static RequestSubmitted submitted(
            UUID id, String country, String area, Set<String> types, OffsetDateTime at) {
        return new RequestSubmitted(
                id,
                "agency-" + country.toLowerCase(),
                country,
                null,
                area,
                types,
                "HIGH",
                "Request " + id,
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                at);
    }

    private static RequestApproved approved(
            UUID id,
            String country,
            String area,
            List<EquipmentLine> lines,
            List<PlannedActivity> activities,
            OffsetDateTime at) {
        return new RequestApproved(
                id,
                "agency-" + country.toLowerCase(),
                country,
                area,
                "GLOCY",
                new Money(new BigDecimal("5000.00"), "USD"),
                false,
                lines,
                activities,
                EU,
                List.of("r1"),
                at);
    }

    private static PlannedActivity activity(UUID id, String kind) {
        return new PlannedActivity(
                id,
                kind,
                kind.toLowerCase().replace('_', ' '),
                LocalDate.now(),
                LocalDate.now().plusDays(5),
                20);
    }

    private static void publish(AssistanceEvent event, String source) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), source, OffsetDateTime.now()));
    }

    private static void publish(RequestSubmitted event, String source, String title) {
        RequestSubmitted titled = new RequestSubmitted(
                event.requestId(),
                event.agencyId(),
                event.country(),
                null,
                event.thematicArea(),
                event.assistanceTypes(),
                event.priority(),
                title,
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                event.submittedAt());
        publish(titled, source);
    }
}
