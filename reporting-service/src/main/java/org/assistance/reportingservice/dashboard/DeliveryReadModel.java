package org.assistance.reportingservice.dashboard;

import static org.assistance.reportingservice.dashboard.RequestFacts.earliest;
import static org.assistance.reportingservice.dashboard.RequestFacts.latest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
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
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.Translation;

/**
 * Builds the requests' and shipments' facts from every event of the platform. Each event sets
 * facts (times, amounts, quantities), never "the next state", so arrival order does not matter;
 * a duplicate never reaches here (the inbox remembers event ids). A request's end (delivered,
 * cancelled, closed) is what request-service reports, for every kind of assistance.
 */
public final class DeliveryReadModel {
    private DeliveryReadModel() {}

    /** An event of no request: a donor's pledge to a programme (the catalogue's are no read model of ours). */
    public static void apply(CloudEvent<AssistanceEvent> event, ProgrammeFacts programme) {
        if (event.data() instanceof FundsPledged e) {
            programme.remember(List.of(e.donor()));
            programme.pledges.add(new ProgrammeFacts.Pledge(
                    event.id(),
                    e.programmeCode(),
                    e.donor().donorId(),
                    e.amount().amount(),
                    e.amount().currency(),
                    e.pledgedOn()));
        }
    }

    /** An event of the journey's request, folded into its rows (read or new) in memory. */
    public static void apply(RequestJourney journey, CloudEvent<AssistanceEvent> event, ProgrammeFacts programme) {
        AssistanceEvent data = event.data();
        RequestFacts request = journey.request;
        if (data instanceof RequestSubmitted e) {
            describe(request, e.agencyId(), e.country(), e.thematicArea(), e.priority(), e.title(), e.desiredBy());
            written(request, e.language(), e.needsStatement(), e.translations());
            request.assistanceTypes = e.assistanceTypes() == null
                    ? List.of()
                    : new TreeSet<>(e.assistanceTypes()).stream().toList();
            request.submittedAt = earliest(request.submittedAt, e.submittedAt());
        } else if (data instanceof RequestAmended e) {
            describe(request, e.agencyId(), e.country(), e.thematicArea(), e.priority(), e.title(), e.desiredBy());
            written(request, e.language(), e.needsStatement(), e.translations());
            request.assistanceTypes = e.assistanceTypes() == null
                    ? List.of()
                    : new TreeSet<>(e.assistanceTypes()).stream().toList();
        } else if (data instanceof RequestWithdrawn e) {
            request.withdrawnAt = earliest(request.withdrawnAt, e.withdrawnAt());
        } else if (data instanceof InformationRequested e) {
            request.informationRequestedAt = earliest(request.informationRequestedAt, e.requestedAt());
        } else if (data instanceof RequestRejected e) {
            request.rejectedAt = earliest(request.rejectedAt, e.rejectedAt());
        } else if (data instanceof RequestApproved e) {
            request.approvedAt = earliest(request.approvedAt, e.approvedAt());
            request.partial = e.partial();
            request.programmeCode = e.programmeCode();
            request.donors = union(request.donors, donorIds(e.donors()));
            request.approvedAmount = e.approvedAmount().amount();
            request.approvedCurrency = e.approvedAmount().currency();
            request.approvedUnits = e.equipmentLines() == null
                    ? 0
                    : e.equipmentLines().stream()
                            .mapToInt(EquipmentLine::quantity)
                            .sum();
            programme.remember(e.donors());
            if (request.country == null) {
                request.country = e.country();
                request.thematicArea = e.thematicArea();
                request.agencyId = e.agencyId();
            }
            Deliverables.approved(journey, e);
            Deliverables.followEquipment(journey);
            attribute(journey);
        } else if (data instanceof FundsCommitted e) {
            MoneyFacts facts =
                    money(journey, event.id(), e.programmeCode(), MoneyFacts.COMMITTED, e.amount(), e.committedAt());
            facts.split = e.split();
            facts.donors = e.donors() == null ? List.of() : e.donors();
            programme.remember(e.donors());
            rememberAmounts(programme, e.split());
            request.donors = union(
                    request.donors,
                    e.split() == null
                            ? List.of()
                            : e.split().stream().map(DonorAmount::donorId).toList());
            attribute(journey);
        } else if (data instanceof ActivityDelivered e) {
            // its participants are counted from the activity's facts (ParticipantFacts), its roster's where one exists
            request.activitiesDelivered++;
            Deliverables.activityEnded(journey, e.activityId(), e.kind(), e.title(), "DELIVERED", null);
            if (e.disbursed() != null) {
                MoneyFacts facts = money(
                        journey, event.id(), e.programmeCode(), MoneyFacts.DISBURSED, e.disbursed(), e.deliveredAt());
                facts.split = e.disbursedSplit();
                rememberAmounts(programme, e.disbursedSplit());
                attribute(journey);
            }
        } else if (data instanceof ActivityCancelled e) {
            request.activitiesCancelled++;
            Deliverables.activityEnded(journey, e.activityId(), e.kind(), e.title(), "CANCELLED", e.reason());
        } else if (data instanceof ReceiptConfirmed e) {
            request.acceptedUnits +=
                    e.lines().stream().mapToInt(ReceiptLine::quantityAccepted).sum();
            request.rejectedUnits +=
                    e.lines().stream().mapToInt(ReceiptLine::quantityRejected).sum();
            request.receivedAt = latest(request.receivedAt, e.receivedAt());
        } else if (data instanceof RequestDeliveryStarted e) {
            request.deliveryStartedAt = earliest(request.deliveryStartedAt, e.startedAt());
        } else if (data instanceof RequestDelivered e) {
            request.deliveredAt = earliest(request.deliveredAt, e.deliveredAt());
            request.deliveryStartedAt = earliest(request.deliveryStartedAt, e.deliveredAt());
            Deliverables.settled(journey, e.deliverables());
        } else if (data instanceof RequestCancelled e) {
            request.cancelledAt = earliest(request.cancelledAt, e.cancelledAt());
            Deliverables.settled(journey, e.deliverables());
        } else if (data instanceof RequestClosed e) {
            request.closedAt = earliest(request.closedAt, e.closedAt());
            request.satisfaction = e.satisfaction();
            request.closedAutomatically = e.automatic();
        } else {
            shipment(journey, event);
        }
        request.updatedAt = OffsetDateTime.now();
    }

    private static void shipment(RequestJourney journey, CloudEvent<AssistanceEvent> event) {
        AssistanceEvent data = event.data();
        RequestFacts request = journey.request;
        if (data instanceof ShipmentPlanned e) {
            ShipmentFacts s = journey.shipment(e.shipmentId());
            s.destination = e.destinationCountry();
            s.categories = e.lines().stream()
                    .map(ShipmentLine::category)
                    .distinct()
                    .sorted()
                    .toList();
            s.itemCodes = e.lines().stream()
                    .map(ShipmentLine::itemCode)
                    .distinct()
                    .sorted()
                    .toList();
            s.units = e.lines().stream().mapToInt(ShipmentLine::quantity).sum();
            if (e.value() != null) {
                s.valueAmount = e.value().amount();
                s.valueCurrency = e.value().currency();
            }
            s.plannedAt = earliest(s.plannedAt, e.plannedAt());
            Deliverables.shipmentPlanned(journey, e.shipmentId(), e.lines());
            Deliverables.followEquipment(journey);
        } else if (data instanceof ShipmentHeld e) {
            ShipmentFacts s = journey.shipment(e.shipmentId());
            s.destination = e.destinationCountry();
            s.heldAt = earliest(s.heldAt, e.heldAt());
            s.lastHeldAt = latest(s.lastHeldAt, e.heldAt());
            s.heldCategories = new TreeSet<>(
                            e.hits().stream().map(ScreeningHit::category).toList())
                    .stream().toList();
        } else if (data instanceof ShipmentCleared e) {
            ShipmentFacts s = journey.shipment(e.shipmentId());
            s.clearedAt = latest(s.clearedAt, e.clearedAt());
            s.heldSeconds = Math.max(s.heldSeconds, e.heldSeconds());
        } else if (data instanceof ShipmentCancelled e) {
            ShipmentFacts s = journey.shipment(e.shipmentId());
            s.cancelledAt = earliest(s.cancelledAt, e.cancelledAt());
            Deliverables.followEquipment(journey);
        } else if (data instanceof ShipmentLinesRemoved e) {
            Deliverables.linesRemoved(journey, e.shipmentId(), e.lines());
            Deliverables.followEquipment(journey);
        } else if (data instanceof LineBackordered e) {
            Deliverables.backordered(journey, e.backorderId(), e.itemCode(), e.quantity());
        } else if (data instanceof BackorderFulfilled e) {
            Deliverables.backorderFulfilled(journey, e.backorderId(), e.itemCode(), e.quantity());
        } else if (data instanceof BackorderCancelled e) {
            Deliverables.backorderCancelled(journey, e.backorderId(), e.itemCode(), e.quantity(), e.reason());
            Deliverables.followEquipment(journey);
        } else if (data instanceof LineRefused e) {
            Deliverables.lineRefused(journey, event.id(), e.itemCode(), e.quantity(), e.reason());
            Deliverables.followEquipment(journey);
        } else if (data instanceof ShipmentDispatched e) {
            ShipmentFacts s = journey.shipment(e.shipmentId());
            s.dispatchedAt = earliest(s.dispatchedAt, e.dispatchedAt());
            s.mode = e.mode();
            s.expectedDelivery = e.expectedDelivery();
            s.dueBy = e.dueBy() == null ? null : e.dueBy().atOffset(ZoneOffset.UTC);
            request.firstDispatchAt = earliest(request.firstDispatchAt, e.dispatchedAt());
            Deliverables.followEquipment(journey);
        } else if (data instanceof ShipmentDelivered e) {
            ShipmentFacts s = journey.shipment(e.shipmentId());
            s.deliveredAt = earliest(s.deliveredAt, e.deliveredAt());
            request.firstDispatchAt = earliest(request.firstDispatchAt, s.dispatchedAt);
            Deliverables.followEquipment(journey);
            if (e.deliveredValue() != null) {
                money(journey, event.id(), null, MoneyFacts.EXPENDITURE, e.deliveredValue(), e.deliveredAt());
                attribute(journey);
            }
        } else if (data instanceof ShipmentReceived e) {
            ShipmentFacts s = journey.shipment(e.shipmentId());
            s.receivedAt = earliest(s.receivedAt, e.receivedAt());
        }
        // the request's end itself comes from request-service (RequestDelivered, RequestCancelled)
    }

    private static void describe(
            RequestFacts request,
            String agency,
            String country,
            String area,
            String priority,
            String title,
            java.time.LocalDate desiredBy) {
        request.agencyId = agency;
        request.country = country;
        request.thematicArea = area;
        request.priority = priority;
        request.title = title;
        request.desiredBy = desiredBy;
    }

    /** The language the request's texts are written in, and their translations: an amendment's replace them. */
    private static void written(
            RequestFacts request, String language, String needsStatement, List<Translation> translations) {
        request.language = language;
        request.needsStatement = needsStatement;
        request.translations = translations == null ? List.of() : List.copyOf(translations);
    }

    /** The raw money fact as the event told it; donors are attributed from all of the request's facts. */
    private static MoneyFacts money(
            RequestJourney journey, UUID eventId, String programme, String kind, Money amount, OffsetDateTime at) {
        MoneyFacts existing = journey.money().get(eventId);
        if (existing != null) {
            return existing;
        }
        MoneyFacts facts = new MoneyFacts();
        facts.eventId = eventId;
        facts.requestId = journey.requestId();
        facts.programmeCode = programme;
        facts.kind = kind;
        // as the table holds it (numeric(17, 2)), so a fact read back attributes exactly as one just folded
        facts.amount = amount.amount().setScale(2, java.math.RoundingMode.HALF_UP);
        facts.currency = amount.currency();
        facts.occurredAt = at;
        journey.money().put(eventId, facts);
        journey.newMoney.add(eventId);
        return facts;
    }

    /** Recomputes the donors' parts of every amount of the request from all its money facts known now. */
    private static void attribute(RequestJourney journey) {
        List<DonorShare> approvalDonors = new ArrayList<>();
        for (String donorId : journey.request.donors) {
            approvalDonors.add(new DonorShare(donorId, null, null));
        }
        Map<UUID, List<DonorAmount>> parts =
                DonorAttribution.of(new ArrayList<>(journey.money().values()), approvalDonors);
        List<RequestJourney.MoneyPart> all = new ArrayList<>();
        parts.forEach((eventId, split) -> all.addAll(RequestJourney.parts(eventId, split)));
        journey.moneyParts = all;
    }

    private static void rememberAmounts(ProgrammeFacts programme, List<DonorAmount> split) {
        if (split != null) {
            programme.remember(split.stream()
                    .map(d -> new DonorShare(d.donorId(), d.name(), d.iatiIdentifier()))
                    .toList());
        }
    }

    private static List<String> donorIds(List<DonorShare> donors) {
        return donors == null
                ? List.of()
                : donors.stream().map(DonorShare::donorId).sorted().toList();
    }

    private static List<String> union(List<String> current, List<String> more) {
        TreeSet<String> all = new TreeSet<>(current == null ? List.of() : current);
        all.addAll(more);
        return all.stream().toList();
    }
}
