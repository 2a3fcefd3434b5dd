package org.assistance.reportingservice.dashboard;

import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.FundsCommitted;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ReviewEvents.RequestRejected;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.testsupport.BrokerClient;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Plausible test data (clearly generated): requests of several States moving through every stage. */
final class DemoLikeData {
    private static final String[][] STATES = {{"KE", "CYBERCRIME"}, {"CO", "DRUG_TRAFFICKING"}, {"NG", "CORRUPTION"},
            {"PH", "TRAFFICKING_IN_PERSONS"}, {"PE", "WILDLIFE_FOREST_CRIME"}, {"SN", "MONEY_LAUNDERING"},
            {"BO", "SMUGGLING_OF_MIGRANTS"}, {"VN", "CYBERCRIME"}};
    private static final List<DonorShare> DONORS = List.of(
            new DonorShare("donor-eu", "European Union", "XI-IATI-EC_INTPA"),
            new DonorShare("donor-uk", "United Kingdom (FCDO)", "GB-GOV-1"),
            new DonorShare("donor-no", "Norway (Norad)", "XM-DAC-8-7"));

    private DemoLikeData() {
    }

    static void publish() {
        Random random = new Random(42);
        OffsetDateTime start = OffsetDateTime.now().minusDays(230);
        for (int i = 0; i < 24; i++) {
            String[] state = STATES[i % STATES.length];
            UUID request = UUID.randomUUID();
            OffsetDateTime submitted = start.plusDays(i * 4L);
            send(new RequestSubmitted(request, "agency-" + state[0].toLowerCase(), state[0], null, state[1],
                    Set.of("EQUIPMENT", "TRAINING"), "HIGH", "Request " + (i + 1), "generated test data",
                    submitted.toLocalDate().plusDays(90), List.of(), List.of(), null, submitted), submitted);
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
            Money amount = new Money(BigDecimal.valueOf(20_000 + random.nextInt(60) * 1_000L), i % 2 == 0 ? "USD" : "EUR");
            send(new RequestApproved(request, "agency", state[0], state[1], "GLOCY", amount, i % 4 == 0,
                    List.of(new EquipmentLine("FOR-WB-001", 4, "labs")), List.of(), List.of(donor), List.of("reviewer"),
                    decided), decided);
            send(new FundsCommitted(request, "GLOCY", amount, List.of(donor), decided), decided);
            if (stage == 2) {
                continue;
            }
            UUID shipment = UUID.randomUUID();
            OffsetDateTime planned = decided.plusDays(1);
            send(new ShipmentPlanned(request, shipment, "agency", state[0], "VIE-1",
                    List.of(new ShipmentLine("FOR-WB-001", "Write blocker", i % 3 == 0 ? "SURVEILLANCE" : "FORENSIC_IT",
                            i % 3 == 0, 4, new Money(new BigDecimal("1200.00"), "EUR"))),
                    new Money(new BigDecimal("4800.00"), "EUR"), planned), planned);
            if (i % 3 == 0) {
                send(new ShipmentHeld(request, shipment, state[0], List.of(new ScreeningHit("FOR-WB-001", "SURVEILLANCE",
                        UUID.randomUUID(), "LICENCE_REQUIRED", "5A001", "licence needed")), planned), planned);
                if (stage == 3) {
                    continue;
                }
                send(new ShipmentCleared(request, shipment, "LIC-" + i, planned.toLocalDate(), 86_400L * (5 + i),
                        planned.plusDays(5 + i)), planned.plusDays(5 + i));
            }
            OffsetDateTime dispatched = planned.plusDays(8 + i);
            send(new ShipmentDispatched(request, shipment, "AIR", "carrier", "TRK-" + i, dispatched.toLocalDate().plusDays(20),
                    dispatched), dispatched);
            if (stage == 4) {
                continue;
            }
            OffsetDateTime delivered = dispatched.plusDays(6 + random.nextInt(20));
            send(new ShipmentDelivered(request, shipment, new Money(new BigDecimal("4800.00"), "EUR"), delivered), delivered);
            send(new ReceiptConfirmed(request, "agency", shipment, List.of(new ReceiptLine("FOR-WB-001", 3 + (i % 2),
                    1 - (i % 2), i % 2 == 0 ? "damaged" : null)), "receiver", delivered.plusDays(1)), delivered.plusDays(1));
            send(new ActivityDelivered(request, UUID.randomUUID(), "GLOCY", "TRAINING_COURSE", "Course " + i,
                    delivered.toLocalDate(), delivered.toLocalDate().plusDays(4), new Participants(6 + i % 5, 9 + i % 4,
                    15 + i % 5 + i % 4), List.of("authority"), "done", new Money(new BigDecimal("3000.00"), amount.currency()),
                    delivered.plusDays(4)), delivered.plusDays(4));
        }
    }

    private static void send(AssistanceEvent event, OffsetDateTime at) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), "/generated-test-data", at));
    }
}
