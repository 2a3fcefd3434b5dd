package org.assistance.reportingservice.rebuild;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestCancelled;
import org.assistance.chassis.events.RequestEvents.RequestClosed;
import org.assistance.chassis.events.RequestEvents.RequestDelivered;
import org.assistance.chassis.events.RequestEvents.RequestDeliveryStarted;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.RequestEvents.RequestWithdrawn;
import org.assistance.chassis.events.ReviewEvents.ActivityCancelled;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.FundsCommitted;
import org.assistance.chassis.events.ReviewEvents.FundsPledged;
import org.assistance.chassis.events.ReviewEvents.InformationRequested;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ReviewEvents.RequestRejected;
import org.assistance.chassis.events.ShipmentEvents.BackorderCancelled;
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
import org.assistance.chassis.events.ShipmentEvents.ShipmentReceived;
import org.assistance.chassis.events.Topics;
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
import org.assistance.chassis.events.Values.Translation;

/**
 * Random but reproducible journeys (a seed): every kind of event the read models fold, with the
 * turns real ones take (amendments, partial approvals, holds, lines removed, shipments cancelled,
 * backorders fulfilled or cancelled, lines refused, activities cancelled, first-version money
 * events without a split, amounts with more decimals than the tables keep), some events published
 * twice, and pledges. Each topic is read by its own consumer, so live consumption and a replay
 * see one request's events in different orders.
 */
final class GeneratedJourneys {
    private static final String[] ITEMS = {"FOR-WB-001", "FOR-KIT-002", "RAD-003", "CAM-004"};
    private static final List<DonorShare> DONORS = List.of(
            new DonorShare("donor-gen-a", "Generated donor A", "XM-GEN-A"),
            new DonorShare("donor-gen-b", "Generated donor B", null),
            new DonorShare("donor-gen-c", "Generated donor C", "XM-GEN-C"));

    private final Random random;
    private final OffsetDateTime origin = OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    private final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();

    GeneratedJourneys(long seed) {
        this.random = new Random(seed);
    }

    /** The records of {@code requests} journeys and a few pledges, in each request's order. */
    List<ProducerRecord<String, byte[]>> records(int requests) {
        for (int n = 0; n < requests; n++) {
            journey(n);
        }
        for (int p = 0; p < 4; p++) {
            send(
                    new FundsPledged(
                            "GEN-" + p % 2,
                            pick(DONORS),
                            new Money(new BigDecimal(100_000 + p * 5_000 + ".00"), "USD"),
                            origin.toLocalDate().plusDays(p),
                            origin.plusDays(p)),
                    origin.plusDays(p));
        }
        return records;
    }

    private void journey(int n) {
        UUID request = UUID.randomUUID();
        String agency = "agency-gen-" + n % 5;
        OffsetDateTime at = origin.plusHours(n * 7L + random.nextInt(5));
        String country = random.nextBoolean() ? "KE" : "PE";
        send(
                new RequestSubmitted(
                        request,
                        agency,
                        country,
                        null,
                        "CYBERCRIME",
                        Set.of("EQUIPMENT", "TRAINING"),
                        "HIGH",
                        "Generated request " + n,
                        "generated",
                        at.toLocalDate().plusDays(90),
                        List.of(),
                        List.of(),
                        null,
                        at,
                        null,
                        n % 3 == 0 ? "es" : null,
                        n % 3 == 0 ? List.of(new Translation("fr", "Demande générée " + n, "générée")) : List.of()),
                at);
        if (random.nextInt(4) == 0) {
            send(
                    new RequestAmended(
                            request,
                            agency,
                            2,
                            country,
                            null,
                            "CORRUPTION",
                            Set.of("TRAINING"),
                            "LOW",
                            "Generated request " + n + " (amended)",
                            "generated",
                            at.toLocalDate().plusDays(120),
                            List.of(),
                            List.of(),
                            null,
                            at.plusHours(2),
                            null,
                            n % 3 == 0 ? "es" : null,
                            List.of()),
                    at.plusHours(2));
        }
        if (random.nextInt(5) == 0) {
            send(new InformationRequested(request, agency, List.of("Which unit?"), "reviewer", at.plusDays(1)), at);
        }
        switch (random.nextInt(8)) {
            case 0 -> {
                send(new RequestRejected(request, agency, "OUT_OF_MANDATE", null, "reviewer", at.plusDays(2)), at);
                return;
            }
            case 1 -> {
                send(new RequestWithdrawn(request, agency, "no longer needed", at.plusDays(2)), at);
                return;
            }
            default -> {}
        }
        OffsetDateTime decided = at.plusDays(3);
        List<String> items = new ArrayList<>(List.of(ITEMS));
        java.util.Collections.shuffle(items, random);
        items = items.subList(0, 1 + random.nextInt(3));
        List<EquipmentLine> equipment = new ArrayList<>();
        for (String item : items) {
            equipment.add(new EquipmentLine(item, 1 + random.nextInt(6), "needed"));
        }
        List<UUID> activities = new ArrayList<>();
        for (int a = random.nextInt(3); a > 0; a--) {
            activities.add(UUID.randomUUID());
        }
        List<DonorShare> donors =
                random.nextBoolean() ? List.of(pick(DONORS)) : List.of(DONORS.get(0), DONORS.get(1 + n % 2));
        // more decimals than the tables keep: the read models round alike whichever path folds them
        Money amount = new Money(new BigDecimal(20_000 + random.nextInt(50_000) + "." + random.nextInt(1000)), "USD");
        String programme = "GEN-" + n % 2;
        send(
                new RequestApproved(
                        request,
                        agency,
                        country,
                        "CYBERCRIME",
                        programme,
                        amount,
                        random.nextInt(3) == 0,
                        equipment,
                        activities.stream()
                                .map(id -> new PlannedActivity(
                                        id,
                                        "TRAINING_COURSE",
                                        "Course " + id.toString().substring(0, 4),
                                        decided.toLocalDate(),
                                        decided.toLocalDate().plusDays(30),
                                        12))
                                .toList(),
                        donors,
                        List.of("reviewer"),
                        decided),
                decided);
        // the commitment: split by donor, or (a first-version event) without a split
        boolean split = random.nextInt(4) != 0;
        send(
                new FundsCommitted(
                        request,
                        programme,
                        amount,
                        donors,
                        split ? split(amount, donors) : null,
                        decided.plusMinutes(5)),
                decided);
        List<Deliverable> settled = new ArrayList<>();
        int shipments = random.nextInt(3);
        for (int s = 0; s < shipments; s++) {
            shipment(request, agency, country, equipment, decided.plusDays(1 + s));
        }
        if (random.nextBoolean()) {
            String item = pick(items);
            long backorder = random.nextLong() & Long.MAX_VALUE;
            send(
                    new LineBackordered(request, backorder, item, "Item " + item, 3, "HIGH", decided.plusDays(2)),
                    decided);
            if (random.nextBoolean()) {
                send(
                        new BackorderFulfilled(request, backorder, UUID.randomUUID(), item, 2, 1, decided.plusDays(9)),
                        decided);
            }
            if (random.nextBoolean()) {
                send(
                        new BackorderCancelled(request, backorder, item, 1, "discontinued", decided.plusDays(12)),
                        decided);
            }
        }
        if (random.nextInt(4) == 0) {
            send(
                    new LineRefused(request, pick(items), 1, "withdrawn from the catalogue", decided.plusDays(1)),
                    decided);
        }
        for (UUID activity : activities) {
            OffsetDateTime ended = decided.plusDays(20 + random.nextInt(10));
            if (random.nextInt(4) == 0) {
                send(
                        new ActivityCancelled(
                                request,
                                activity,
                                programme,
                                "TRAINING_COURSE",
                                "Course",
                                "no trainer",
                                "reviewer",
                                ended),
                        ended);
                settled.add(new Deliverable(
                        activity.toString(), "TRAINING_COURSE", "Course", 1, 0, 1, "CANCELLED", "no trainer"));
            } else {
                Money disbursed = new Money(new BigDecimal(2_000 + random.nextInt(3_000) + ".50"), "USD");
                int women = random.nextInt(10);
                send(
                        new ActivityDelivered(
                                request,
                                activity,
                                programme,
                                "TRAINING_COURSE",
                                "Course",
                                ended.toLocalDate(),
                                ended.toLocalDate().plusDays(3),
                                new Participants(women, 10 - women, 10),
                                List.of("authority"),
                                "done",
                                random.nextInt(5) == 0 ? null : disbursed,
                                random.nextBoolean() ? split(disbursed, donors) : null,
                                ended),
                        ended);
                if (random.nextBoolean()) {
                    // its roster's summaries, the later replacing the earlier whatever the order they are read in
                    OffsetDateTime recorded = ended.plusHours(2);
                    send(roster(request, activity, programme, country, women, 8, "12.50", recorded), recorded);
                    send(roster(request, activity, programme, country, women, 6, "4.00", ended.plusHours(1)), recorded);
                }
                settled.add(
                        new Deliverable(activity.toString(), "TRAINING_COURSE", "Course", 1, 1, 0, "DELIVERED", null));
            }
        }
        OffsetDateTime end = decided.plusDays(40);
        send(new RequestDeliveryStarted(request, agency, "item:" + items.get(0), decided.plusDays(4)), decided);
        switch (random.nextInt(4)) {
            case 0 -> {}
            case 1 -> send(new RequestCancelled(request, agency, settled, end), end);
            default -> {
                for (String item : items) {
                    settled.add(new Deliverable("item:" + item, "EQUIPMENT", item, 2, 2, 0, "DELIVERED", null));
                }
                send(new RequestDelivered(request, agency, settled, end), end);
                if (random.nextBoolean()) {
                    send(new RequestClosed(request, agency, 4, "Useful", random.nextBoolean(), end.plusDays(3)), end);
                }
            }
        }
    }

    private void shipment(
            UUID request, String agency, String country, List<EquipmentLine> equipment, OffsetDateTime at) {
        UUID shipment = UUID.randomUUID();
        List<ShipmentLine> lines = new ArrayList<>();
        for (EquipmentLine line : equipment) {
            if (random.nextInt(3) != 0) {
                lines.add(new ShipmentLine(
                        line.itemCode(),
                        "Item " + line.itemCode(),
                        random.nextBoolean() ? "FORENSIC_IT" : "SURVEILLANCE",
                        false,
                        1 + random.nextInt(line.quantity()),
                        new Money(new BigDecimal("300.00"), "USD")));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        Money value = new Money(new BigDecimal(300 * lines.size() + ".00"), "USD");
        send(new ShipmentPlanned(request, shipment, agency, country, "VIE-1", lines, value, at), at);
        OffsetDateTime next = at.plusDays(1);
        if (random.nextInt(3) == 0) {
            send(
                    new ShipmentHeld(
                            request,
                            shipment,
                            country,
                            List.of(new ScreeningHit(
                                    lines.get(0).itemCode(),
                                    "SURVEILLANCE",
                                    UUID.randomUUID(),
                                    "LICENCE_REQUIRED",
                                    "5A001",
                                    "licence needed")),
                            next),
                    next);
            if (random.nextInt(4) == 0) {
                send(
                        new ShipmentCancelled(request, shipment, "licence refused", lines, true, "logistics", next),
                        next.plusDays(1));
                return;
            }
            if (lines.size() > 1 && random.nextBoolean()) {
                send(
                        new ShipmentLinesRemoved(request, shipment, List.of(lines.get(1)), "licence refused", next),
                        next.plusDays(1));
            }
            send(
                    new ShipmentCleared(request, shipment, "LIC", next.toLocalDate(), 86_400L * 3, next.plusDays(3)),
                    next.plusDays(3));
        }
        OffsetDateTime dispatched = next.plusDays(4);
        send(
                new ShipmentDispatched(
                        request,
                        shipment,
                        "AIR",
                        "carrier",
                        "TRK",
                        dispatched.toLocalDate().plusDays(10),
                        dispatched,
                        random.nextBoolean() ? null : Instant.from(dispatched.plusDays(12))),
                dispatched);
        if (random.nextInt(5) == 0) {
            return; // still under way
        }
        OffsetDateTime delivered = dispatched.plusDays(6);
        send(new ShipmentDelivered(request, shipment, random.nextInt(4) == 0 ? null : value, delivered), delivered);
        List<ReceiptLine> receipt = lines.stream()
                .map(l -> new ReceiptLine(l.itemCode(), l.quantity(), 0, null))
                .toList();
        send(new ShipmentReceived(request, shipment, receipt, delivered.plusDays(1)), delivered);
        send(
                new ReceiptConfirmed(request, agency, shipment, receipt, "receiver", delivered.plusDays(1)),
                delivered.plusDays(1));
    }

    private static List<DonorAmount> split(Money amount, List<DonorShare> donors) {
        List<DonorAmount> parts = new ArrayList<>();
        BigDecimal rest = amount.amount();
        for (int i = 0; i < donors.size(); i++) {
            DonorShare d = donors.get(i);
            BigDecimal part = i == donors.size() - 1
                    ? rest
                    : amount.amount().divide(BigDecimal.valueOf(donors.size()), 2, java.math.RoundingMode.DOWN);
            rest = rest.subtract(part);
            parts.add(new DonorAmount(d.donorId(), d.name(), d.iatiIdentifier(), new Money(part, amount.currency())));
        }
        return parts;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** Publishes the event as its owner would; one in ten twice (the same id: an outbox sending again). */
    private static org.assistance.chassis.events.ReviewEvents.ParticipantsRecorded roster(
            UUID request,
            UUID activity,
            String programme,
            String country,
            int women,
            int completed,
            String gain,
            OffsetDateTime at) {
        return new org.assistance.chassis.events.ReviewEvents.ParticipantsRecorded(
                request,
                activity,
                programme,
                country,
                "TRAINING_COURSE",
                new org.assistance.chassis.events.Values.ParticipantSummary(
                        11, women, 10 - women, 1, 0, completed, completed - 1, 2, null, null, new BigDecimal(gain)),
                at);
    }

    private void send(AssistanceEvent event, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        String source = Topics.expectedSource(EventType.of(event).topic());
        records.add(CloudEvent.toRecord(event, id, source, at));
        if (random.nextInt(10) == 0) {
            records.add(CloudEvent.toRecord(event, id, source, at));
        }
    }
}
