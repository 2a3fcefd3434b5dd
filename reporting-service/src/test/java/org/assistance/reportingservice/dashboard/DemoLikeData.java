package org.assistance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
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
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ReviewEvents.RequestRejected;
import org.assistance.chassis.events.ShipmentEvents.BackorderCancelled;
import org.assistance.chassis.events.ShipmentEvents.LineBackordered;
import org.assistance.chassis.events.ShipmentEvents.LineRefused;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Values.Deliverable;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.testsupport.BrokerClient;

/** Plausible test data (clearly generated): requests of several States moving through every stage. */
final class DemoLikeData {
    private static final String[][] STATES = {
        {"KE", "CYBERCRIME"},
        {"CO", "DRUG_TRAFFICKING"},
        {"NG", "CORRUPTION"},
        {"PH", "TRAFFICKING_IN_PERSONS"},
        {"PE", "WILDLIFE_FOREST_CRIME"},
        {"SN", "MONEY_LAUNDERING"},
        {"BO", "SMUGGLING_OF_MIGRANTS"},
        {"VN", "CYBERCRIME"}
    };
    private static final List<DonorShare> DONORS = List.of(
            new DonorShare("donor-eu", "European Union", "XI-IATI-EC_INTPA"),
            new DonorShare("donor-uk", "United Kingdom (FCDO)", "GB-GOV-1"),
            new DonorShare("donor-no", "Norway (Norad)", "XM-DAC-8-7"));

    private DemoLikeData() {}

    static void publish() {
        Random random = new Random(42);
        OffsetDateTime start = OffsetDateTime.now().minusDays(230);
        for (int i = 0; i < 24; i++) {
            String[] state = STATES[i % STATES.length];
            UUID request = UUID.randomUUID();
            OffsetDateTime submitted = start.plusDays(i * 4L);
            send(
                    new RequestSubmitted(
                            request,
                            "agency-" + state[0].toLowerCase(),
                            state[0],
                            null,
                            state[1],
                            Set.of("EQUIPMENT", "TRAINING"),
                            "HIGH",
                            "Request " + (i + 1),
                            "generated test data",
                            submitted.toLocalDate().plusDays(90),
                            List.of(),
                            List.of(),
                            null,
                            submitted),
                    submitted);
            int stage = i % 6;
            if (stage == 0) {
                continue;
            }
            OffsetDateTime decided = submitted.plusDays(3 + random.nextInt(25));
            if (stage == 1) {
                send(new RequestRejected(request, "agency", "OUT_OF_MANDATE", null, "reviewer", decided), decided);
                continue;
            }
            DonorShare donor = DONORS.get(i % DONORS.size());
            DonorShare second = DONORS.get((i + 1) % DONORS.size());
            Money amount =
                    new Money(BigDecimal.valueOf(20_000 + random.nextInt(60) * 1_000L), i % 2 == 0 ? "USD" : "EUR");
            UUID activity = UUID.randomUUID();
            send(
                    new RequestApproved(
                            request,
                            "agency",
                            state[0],
                            state[1],
                            "GLOCY",
                            amount,
                            i % 4 == 0,
                            stage == 4
                                    ? List.of(
                                            new EquipmentLine("FOR-WB-001", 4, "labs"),
                                            new EquipmentLine("FOR-KIT-002", 2, "kits"),
                                            new EquipmentLine("OLD-001", 1, "old"))
                                    : List.of(new EquipmentLine("FOR-WB-001", 4, "labs")),
                            List.of(new PlannedActivity(
                                    activity,
                                    "TRAINING_COURSE",
                                    "Course " + i,
                                    decided.toLocalDate(),
                                    decided.toLocalDate().plusDays(60),
                                    15)),
                            List.of(donor, second),
                            List.of("reviewer"),
                            decided),
                    decided);
            // two donors, a third of it from the second (a first-version event, without a split, every fifth)
            BigDecimal third = amount.amount().divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN);
            send(
                    new FundsCommitted(
                            request,
                            "GLOCY",
                            amount,
                            List.of(donor, second),
                            i % 5 == 0
                                    ? null
                                    : List.of(
                                            new DonorAmount(
                                                    donor.donorId(),
                                                    donor.name(),
                                                    donor.iatiIdentifier(),
                                                    new Money(amount.amount().subtract(third), amount.currency())),
                                            new DonorAmount(
                                                    second.donorId(),
                                                    second.name(),
                                                    second.iatiIdentifier(),
                                                    new Money(third, amount.currency()))),
                            decided),
                    decided);
            if (stage == 2) {
                continue;
            }
            UUID shipment = UUID.randomUUID();
            OffsetDateTime planned = decided.plusDays(1);
            send(
                    new ShipmentPlanned(
                            request,
                            shipment,
                            "agency",
                            state[0],
                            "VIE-1",
                            List.of(new ShipmentLine(
                                    "FOR-WB-001",
                                    "Write blocker",
                                    i % 3 == 0 ? "SURVEILLANCE" : "FORENSIC_IT",
                                    i % 3 == 0,
                                    4,
                                    new Money(new BigDecimal("1200.00"), "EUR"))),
                            new Money(new BigDecimal("4800.00"), "EUR"),
                            planned),
                    planned);
            if (i % 3 == 0) {
                send(
                        new ShipmentHeld(
                                request,
                                shipment,
                                state[0],
                                List.of(new ScreeningHit(
                                        "FOR-WB-001",
                                        "SURVEILLANCE",
                                        UUID.randomUUID(),
                                        "LICENCE_REQUIRED",
                                        "5A001",
                                        "licence needed")),
                                planned),
                        planned);
                if (stage == 3) {
                    if (i == 9) { // held, then cancelled: nothing of the request will be delivered
                        OffsetDateTime cancelled = planned.plusDays(3);
                        send(
                                new ShipmentCancelled(
                                        request, shipment, "licence refused", List.of(), true, "logistics", cancelled),
                                cancelled);
                        send(
                                new ActivityCancelled(
                                        request,
                                        activity,
                                        "GLOCY",
                                        "TRAINING_COURSE",
                                        "Course " + i,
                                        "no trainer",
                                        "reviewer",
                                        cancelled),
                                cancelled);
                        send(
                                new RequestCancelled(
                                        request,
                                        "agency",
                                        List.of(
                                                new Deliverable(
                                                        "item:FOR-WB-001",
                                                        "EQUIPMENT",
                                                        "Write blocker",
                                                        4,
                                                        0,
                                                        4,
                                                        "CANCELLED",
                                                        "licence refused"),
                                                new Deliverable(
                                                        activity.toString(),
                                                        "TRAINING_COURSE",
                                                        "Course " + i,
                                                        1,
                                                        0,
                                                        1,
                                                        "CANCELLED",
                                                        "no trainer")),
                                        cancelled.plusMinutes(1)),
                                cancelled.plusMinutes(1));
                    }
                    continue;
                }
                send(
                        new ShipmentCleared(
                                request,
                                shipment,
                                "LIC-" + i,
                                planned.toLocalDate(),
                                86_400L * (5 + i),
                                planned.plusDays(5 + i)),
                        planned.plusDays(5 + i));
            }
            OffsetDateTime dispatched = planned.plusDays(8 + i);
            send(
                    new ShipmentDispatched(
                            request,
                            shipment,
                            "AIR",
                            "carrier",
                            "TRK-" + i,
                            dispatched.toLocalDate().plusDays(20),
                            dispatched),
                    dispatched);
            send(new RequestDeliveryStarted(request, "agency", "item:FOR-WB-001", dispatched), dispatched);
            if (stage == 4) { // the kits wait for stock, then will not come; the old item cannot be shipped
                long backorder =
                        request.getMostSignificantBits() & Long.MAX_VALUE; // unique, as equipment-service's are
                send(
                        new LineBackordered(request, backorder, "FOR-KIT-002", "Forensic kit", 2, "HIGH", planned),
                        planned);
                send(
                        new BackorderCancelled(request, backorder, "FOR-KIT-002", 2, "discontinued", dispatched),
                        dispatched);
                send(new LineRefused(request, "OLD-001", 1, "withdrawn from the catalogue", planned), planned);
                continue;
            }
            OffsetDateTime delivered = dispatched.plusDays(6 + random.nextInt(20));
            send(
                    new ShipmentDelivered(request, shipment, new Money(new BigDecimal("4800.00"), "EUR"), delivered),
                    delivered);
            send(
                    new ReceiptConfirmed(
                            request,
                            "agency",
                            shipment,
                            List.of(new ReceiptLine(
                                    "FOR-WB-001", 3 + (i % 2), 1 - (i % 2), i % 2 == 0 ? "damaged" : null)),
                            "receiver",
                            delivered.plusDays(1)),
                    delivered.plusDays(1));
            send(
                    new ActivityDelivered(
                            request,
                            activity,
                            "GLOCY",
                            "TRAINING_COURSE",
                            "Course " + i,
                            delivered.toLocalDate(),
                            delivered.toLocalDate().plusDays(4),
                            new Participants(6 + i % 5, 9 + i % 4, 15 + i % 5 + i % 4),
                            List.of("authority"),
                            "done",
                            new Money(new BigDecimal("3000.00"), amount.currency()),
                            null,
                            delivered.plusDays(4)),
                    delivered.plusDays(4));
            OffsetDateTime ended = delivered.plusDays(4).plusMinutes(1);
            send(
                    new RequestDelivered(
                            request,
                            "agency",
                            List.of(
                                    new Deliverable(
                                            "item:FOR-WB-001",
                                            "EQUIPMENT",
                                            "Write blocker",
                                            4,
                                            4,
                                            0,
                                            "DELIVERED",
                                            null),
                                    new Deliverable(
                                            activity.toString(),
                                            "TRAINING_COURSE",
                                            "Course " + i,
                                            1,
                                            1,
                                            0,
                                            "DELIVERED",
                                            null)),
                            ended),
                    ended);
            if (i % 4 == 3) {
                send(new RequestClosed(request, "agency", 4, "Useful", false, ended.plusDays(2)), ended.plusDays(2));
            }
        }
    }

    private static void send(AssistanceEvent event, OffsetDateTime at) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), ownerOf(event), at));
    }

    /** Consumers accept an event only from the service that owns its topic. */
    private static String ownerOf(AssistanceEvent event) {
        return org.assistance.chassis.events.Topics.expectedSource(
                org.assistance.chassis.events.EventType.of(event).topic());
    }
}
