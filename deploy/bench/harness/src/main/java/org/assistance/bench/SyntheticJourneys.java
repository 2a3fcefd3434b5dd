package org.assistance.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.FundsCommitted;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentMilestone;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.ShipmentEvents.ShipmentReceived;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.RequestingAuthority;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.TrainingNeed;

/**
 * Whole assistance journeys as the three publishing services would have told them: submitted,
 * approved with funds committed, a shipment planned (one in five held by export control, then
 * cleared), dispatched, a milestone, delivered, received and confirmed, and a training delivered.
 * 11 to 13 events per request, in order per request, keyed by request id.
 */
final class SyntheticJourneys {
    static final String FEED_DONOR = "donor-bench-feed";
    private static final String[] COUNTRIES = {"KE", "NG", "GH", "SN", "CO", "PE", "PH", "ID", "MA", "UA"};
    private static final String[] AREAS = {"CYBERCRIME", "ORGANIZED_CRIME", "CORRUPTION", "TRAFFICKING"};
    private static final DonorShare FEED = new DonorShare(FEED_DONOR, "Benchmark feed donor", "XM-BENCH-FEED");
    private static final List<DonorShare> OTHERS = List.of(
            new DonorShare("donor-bench-1", "Benchmark donor one", "XM-BENCH-1"),
            new DonorShare("donor-bench-2", "Benchmark donor two", "XM-BENCH-2"),
            new DonorShare("donor-bench-3", "Benchmark donor three", "XM-BENCH-3"));

    private final Random random = new Random(20261128);
    private final int feedActivities;
    private final OffsetDateTime origin = OffsetDateTime.now(ZoneOffset.UTC).minusDays(700);

    /** The first {@code feedActivities} requests are funded by {@link #FEED_DONOR}, the rest by others. */
    SyntheticJourneys(int feedActivities) {
        this.feedActivities = feedActivities;
    }

    /** Emits whole journeys until at least {@code events} records were emitted; answers how many. */
    long emit(long events, Consumer<ProducerRecord<String, byte[]>> sink) {
        long emitted = 0;
        for (int n = 0; emitted < events; n++) {
            List<AssistanceEvent> journey = journey(n);
            OffsetDateTime at = origin.plusMinutes(n % 1_000_000);
            for (AssistanceEvent event : journey) {
                sink.accept(CloudEvent.toRecord(event, UUID.randomUUID(), sourceOf(event), at));
                emitted++;
            }
        }
        return emitted;
    }

    private List<AssistanceEvent> journey(int n) {
        UUID request = new UUID(0x62656e6368L, n); // "bench" in the high bits: recognisable in the read models
        String agency = "agency-bench-" + (n % 40);
        String country = COUNTRIES[n % COUNTRIES.length];
        String area = AREAS[n % AREAS.length];
        OffsetDateTime submitted = origin.plusMinutes(n * 7L % 1_000_000);
        LocalDate day = submitted.toLocalDate();
        DonorShare donor = n < feedActivities ? FEED : OTHERS.get(n % OTHERS.size());
        String programme = "BENCH-" + area.substring(0, 3);
        int quantity = 1 + random.nextInt(8);
        Money unitCost = new Money(new BigDecimal("1200.00"), "USD");
        Money value = new Money(new BigDecimal(1200 * quantity + ".00"), "USD");
        Money approved = new Money(new BigDecimal(1200 * quantity + 15000 + ".00"), "USD");
        UUID activity = new UUID(0x6163746976L, n);
        UUID shipment = new UUID(0x73686970L, n);

        List<AssistanceEvent> events = new ArrayList<>(13);
        events.add(new RequestSubmitted(
                request,
                agency,
                country,
                new RequestingAuthority("National Police", "POLICE"),
                area,
                Set.of("TRAINING", "EQUIPMENT"),
                "HIGH",
                "Capacity request " + n,
                "Investigators need equipment and training to handle digital evidence.",
                day.plusMonths(9),
                List.of(new EquipmentLine("FOR-WB-001", quantity, "regional labs")),
                List.of(new TrainingNeed("Digital evidence handling", 20)),
                approved,
                submitted));
        OffsetDateTime decided = submitted.plusDays(3);
        events.add(new RequestApproved(
                request,
                agency,
                country,
                area,
                programme,
                approved,
                false,
                List.of(new EquipmentLine("FOR-WB-001", quantity, "regional labs")),
                List.of(new PlannedActivity(
                        activity,
                        "TRAINING",
                        "Digital evidence handling",
                        day.plusMonths(2),
                        day.plusMonths(2).plusDays(4),
                        20)),
                List.of(donor),
                List.of("reviewer-bench"),
                decided));
        events.add(new FundsCommitted(
                request,
                programme,
                approved,
                List.of(donor),
                List.of(new DonorAmount(donor.donorId(), donor.name(), donor.iatiIdentifier(), approved)),
                decided));
        events.add(new ShipmentPlanned(
                request,
                shipment,
                agency,
                country,
                "VIE-1",
                List.of(new ShipmentLine(
                        "FOR-WB-001", "Forensic write blocker kit", "FORENSIC_IT", false, quantity, unitCost)),
                value,
                decided.plusHours(2)));
        OffsetDateTime dispatched = decided.plusDays(2);
        if (n % 5 == 0) {
            events.add(new ShipmentHeld(
                    request,
                    shipment,
                    country,
                    List.of(new ScreeningHit(
                            "FOR-WB-001",
                            "FORENSIC_IT",
                            new UUID(1, 1),
                            "LICENCE_REQUIRED",
                            "EU 2021/821",
                            "licence needed")),
                    decided.plusHours(2)));
            events.add(new ShipmentCleared(
                    request, shipment, "EXP-" + n, day.plusDays(5), 5 * 86400L, decided.plusDays(5)));
            dispatched = decided.plusDays(6);
        }
        events.add(
                new ShipmentDispatched(request, shipment, "AIR", "Carrier", "TRK-" + n, day.plusDays(20), dispatched));
        events.add(new ShipmentMilestone(request, shipment, "CUSTOMS_CLEARED", country, null, dispatched.plusDays(4)));
        OffsetDateTime delivered = dispatched.plusDays(7);
        events.add(new ShipmentDelivered(request, shipment, value, delivered));
        List<ReceiptLine> receipt = List.of(new ReceiptLine("FOR-WB-001", quantity, 0, null));
        events.add(
                new ReceiptConfirmed(request, agency, shipment, receipt, "Officer in charge", delivered.plusDays(1)));
        events.add(new ShipmentReceived(request, shipment, receipt, delivered.plusDays(1)));
        int women = 8 + random.nextInt(6);
        events.add(new ActivityDelivered(
                request,
                activity,
                programme,
                "TRAINING",
                "Digital evidence handling",
                day.plusMonths(2),
                day.plusMonths(2).plusDays(4),
                new Participants(women, 20 - women, 20),
                List.of("National Police"),
                "Examiners trained",
                new Money(new BigDecimal("15000.00"), "USD"),
                List.of(new DonorAmount(
                        donor.donorId(),
                        donor.name(),
                        donor.iatiIdentifier(),
                        new Money(new BigDecimal("15000.00"), "USD"))),
                decided.plusMonths(2)));
        return events;
    }

    private static String sourceOf(AssistanceEvent event) {
        String name = event.getClass().getEnclosingClass().getSimpleName();
        return switch (name) {
            case "RequestEvents" -> "/request-service";
            case "ReviewEvents" -> "/program-service";
            default -> "/equipment-service";
        };
    }
}
