package org.assistance.reportingservice.dashboard;

import static org.assistance.reportingservice.dashboard.RequestFacts.earliest;
import static org.assistance.reportingservice.dashboard.RequestFacts.latest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

/**
 * Builds the requests' and shipments' facts from every event of the platform. Each event sets
 * facts (times, amounts, quantities), never "the next state", so arrival order does not matter;
 * a duplicate never reaches here (the inbox remembers event ids). A request's end (delivered,
 * cancelled, closed) is what request-service reports, for every kind of assistance.
 */
@ApplicationScoped
public class DeliveryReadModel {

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent<AssistanceEvent> event) {
        AssistanceEvent data = event.data();
        if (data instanceof FundsPledged e) {
            pledged(event.id(), e);
            return;
        }
        if (data.requestId() == null) {
            return; // not about a request (the catalogue, replayed by a rebuild): no read model of ours
        }
        OffsetDateTime time = event.time() != null ? event.time() : OffsetDateTime.now();
        RequestFacts request = RequestFacts.lockedOrNew(data.requestId());
        if (data instanceof RequestSubmitted e) {
            describe(request, e.agencyId(), e.country(), e.thematicArea(), e.priority(), e.title(), e.desiredBy());
            request.assistanceTypes = e.assistanceTypes() == null
                    ? List.of()
                    : new TreeSet<>(e.assistanceTypes()).stream().toList();
            request.submittedAt = earliest(request.submittedAt, e.submittedAt());
        } else if (data instanceof RequestAmended e) {
            describe(request, e.agencyId(), e.country(), e.thematicArea(), e.priority(), e.title(), e.desiredBy());
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
            remember(e.donors());
            if (request.country == null) {
                request.country = e.country();
                request.thematicArea = e.thematicArea();
                request.agencyId = e.agencyId();
            }
            Deliverables.approved(e);
            Deliverables.followEquipment(request.requestId);
            attribute(request);
        } else if (data instanceof FundsCommitted e) {
            MoneyFacts facts = money(
                    event.id(), e.requestId(), e.programmeCode(), MoneyFacts.COMMITTED, e.amount(), e.committedAt());
            facts.split = e.split();
            facts.donors = e.donors() == null ? List.of() : e.donors();
            remember(e.donors());
            rememberAmounts(e.split());
            request.donors = union(
                    request.donors,
                    e.split() == null
                            ? List.of()
                            : e.split().stream().map(DonorAmount::donorId).toList());
            attribute(request);
        } else if (data instanceof ActivityDelivered e) {
            if (e.participants() != null) {
                request.participantsWomen += e.participants().women();
                request.participantsMen += e.participants().men();
            }
            request.activitiesDelivered++;
            Deliverables.activityEnded(e.requestId(), e.activityId(), e.kind(), e.title(), "DELIVERED", null);
            if (e.disbursed() != null) {
                MoneyFacts facts = money(
                        event.id(),
                        e.requestId(),
                        e.programmeCode(),
                        MoneyFacts.DISBURSED,
                        e.disbursed(),
                        e.deliveredAt());
                facts.split = e.disbursedSplit();
                rememberAmounts(e.disbursedSplit());
                attribute(request);
            }
        } else if (data instanceof ActivityCancelled e) {
            request.activitiesCancelled++;
            Deliverables.activityEnded(e.requestId(), e.activityId(), e.kind(), e.title(), "CANCELLED", e.reason());
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
            Deliverables.settled(e.requestId(), e.deliverables());
        } else if (data instanceof RequestCancelled e) {
            request.cancelledAt = earliest(request.cancelledAt, e.cancelledAt());
            Deliverables.settled(e.requestId(), e.deliverables());
        } else if (data instanceof RequestClosed e) {
            request.closedAt = earliest(request.closedAt, e.closedAt());
            request.satisfaction = e.satisfaction();
            request.closedAutomatically = e.automatic();
        } else {
            shipment(event, request, time);
        }
        request.updatedAt = OffsetDateTime.now();
    }

    private void shipment(CloudEvent<AssistanceEvent> event, RequestFacts request, OffsetDateTime time) {
        AssistanceEvent data = event.data();
        if (data instanceof ShipmentPlanned e) {
            ShipmentFacts s = ShipmentFacts.lockedOrNew(e.shipmentId(), e.requestId());
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
            Deliverables.shipmentPlanned(e.requestId(), e.shipmentId(), e.lines());
            Deliverables.followEquipment(request.requestId);
        } else if (data instanceof ShipmentHeld e) {
            ShipmentFacts s = ShipmentFacts.lockedOrNew(e.shipmentId(), e.requestId());
            s.destination = e.destinationCountry();
            s.heldAt = earliest(s.heldAt, e.heldAt());
            s.lastHeldAt = latest(s.lastHeldAt, e.heldAt());
            s.heldCategories = new TreeSet<>(
                            e.hits().stream().map(ScreeningHit::category).toList())
                    .stream().toList();
        } else if (data instanceof ShipmentCleared e) {
            ShipmentFacts s = ShipmentFacts.lockedOrNew(e.shipmentId(), e.requestId());
            s.clearedAt = latest(s.clearedAt, e.clearedAt());
            s.heldSeconds = Math.max(s.heldSeconds, e.heldSeconds());
        } else if (data instanceof ShipmentCancelled e) {
            ShipmentFacts s = ShipmentFacts.lockedOrNew(e.shipmentId(), e.requestId());
            s.cancelledAt = earliest(s.cancelledAt, e.cancelledAt());
            Deliverables.followEquipment(request.requestId);
        } else if (data instanceof ShipmentLinesRemoved e) {
            Deliverables.linesRemoved(e.requestId(), e.shipmentId(), e.lines());
            Deliverables.followEquipment(request.requestId);
        } else if (data instanceof LineBackordered e) {
            Deliverables.backordered(e.requestId(), e.backorderId(), e.itemCode(), e.quantity());
        } else if (data instanceof BackorderFulfilled e) {
            Deliverables.backorderFulfilled(e.requestId(), e.backorderId(), e.itemCode(), e.quantity());
        } else if (data instanceof BackorderCancelled e) {
            Deliverables.backorderCancelled(e.requestId(), e.backorderId(), e.itemCode(), e.quantity(), e.reason());
            Deliverables.followEquipment(request.requestId);
        } else if (data instanceof LineRefused e) {
            Deliverables.lineRefused(event.id(), e.requestId(), e.itemCode(), e.quantity(), e.reason());
            Deliverables.followEquipment(request.requestId);
        } else if (data instanceof ShipmentDispatched e) {
            ShipmentFacts s = ShipmentFacts.lockedOrNew(e.shipmentId(), e.requestId());
            s.dispatchedAt = earliest(s.dispatchedAt, e.dispatchedAt());
            s.mode = e.mode();
            s.expectedDelivery = e.expectedDelivery();
            s.dueBy = e.dueBy() == null ? null : e.dueBy().atOffset(ZoneOffset.UTC);
            request.firstDispatchAt = earliest(request.firstDispatchAt, e.dispatchedAt());
            Deliverables.followEquipment(request.requestId);
        } else if (data instanceof ShipmentDelivered e) {
            ShipmentFacts s = ShipmentFacts.lockedOrNew(e.shipmentId(), e.requestId());
            s.deliveredAt = earliest(s.deliveredAt, e.deliveredAt());
            request.firstDispatchAt = earliest(request.firstDispatchAt, s.dispatchedAt);
            Deliverables.followEquipment(request.requestId);
            if (e.deliveredValue() != null) {
                money(event.id(), e.requestId(), null, MoneyFacts.EXPENDITURE, e.deliveredValue(), e.deliveredAt());
                attribute(request);
            }
        } else if (data instanceof ShipmentReceived e) {
            ShipmentFacts s = ShipmentFacts.lockedOrNew(e.shipmentId(), e.requestId());
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

    /** The raw money fact as the event told it; donors are attributed from all of the request's facts. */
    private static MoneyFacts money(
            UUID eventId, UUID requestId, String programme, String kind, Money amount, OffsetDateTime at) {
        MoneyFacts existing = MoneyFacts.findById(eventId);
        if (existing != null) {
            return existing;
        }
        MoneyFacts facts = new MoneyFacts();
        facts.eventId = eventId;
        facts.requestId = requestId;
        facts.programmeCode = programme;
        facts.kind = kind;
        facts.amount = amount.amount();
        facts.currency = amount.currency();
        facts.occurredAt = at;
        facts.persist();
        return facts;
    }

    /** Recomputes the donors' parts of every amount of the request from all its money facts known now. */
    private static void attribute(RequestFacts request) {
        MoneyFacts.getEntityManager().flush();
        List<MoneyFacts> facts = MoneyFacts.list("requestId", request.requestId);
        List<DonorShare> approvalDonors = new ArrayList<>();
        for (String donorId : request.donors) {
            approvalDonors.add(new DonorShare(donorId, null, null));
        }
        Map<UUID, List<DonorAmount>> parts = DonorAttribution.of(facts, approvalDonors);
        var em = MoneyFacts.getEntityManager();
        em.createNativeQuery("delete from money_parts where request_id = ?1")
                .setParameter(1, request.requestId)
                .executeUpdate();
        parts.forEach((eventId, split) -> {
            for (DonorAmount part : split) {
                em.createNativeQuery("""
                                insert into money_parts (event_id, donor_id, request_id, amount, currency)
                                values (?1, ?2, ?3, ?4, ?5)
                                on conflict (event_id, donor_id) do update set amount = money_parts.amount + excluded.amount""")
                        .setParameter(1, eventId)
                        .setParameter(2, part.donorId())
                        .setParameter(3, request.requestId)
                        .setParameter(4, part.amount().amount())
                        .setParameter(5, part.amount().currency())
                        .executeUpdate();
            }
        });
    }

    private static void pledged(UUID eventId, FundsPledged pledge) {
        remember(List.of(pledge.donor()));
        MoneyFacts.getEntityManager()
                .createNativeQuery("""
                        insert into pledge_facts (event_id, programme_code, donor_id, amount, currency, pledged_on)
                        values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                .setParameter(1, eventId)
                .setParameter(2, pledge.programmeCode())
                .setParameter(3, pledge.donor().donorId())
                .setParameter(4, pledge.amount().amount())
                .setParameter(5, pledge.amount().currency())
                .setParameter(6, pledge.pledgedOn())
                .executeUpdate();
    }

    private static void remember(List<DonorShare> donors) {
        if (donors == null) {
            return;
        }
        for (DonorShare donor : donors) {
            MoneyFacts.getEntityManager()
                    .createNativeQuery("""
                            insert into donor_directory (donor_id, name, iati_identifier) values (?1, ?2, ?3)
                            on conflict (donor_id) do update set name = excluded.name,
                                iati_identifier = excluded.iati_identifier""")
                    .setParameter(1, donor.donorId())
                    .setParameter(2, donor.name())
                    .setParameter(3, donor.iatiIdentifier())
                    .executeUpdate();
        }
    }

    private static void rememberAmounts(List<DonorAmount> split) {
        if (split != null) {
            remember(split.stream()
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
