package org.assistance.reportingservice.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.RequestEvents.RequestWithdrawn;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.FundsCommitted;
import org.assistance.chassis.events.ReviewEvents.FundsPledged;
import org.assistance.chassis.events.ReviewEvents.InformationRequested;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ReviewEvents.RequestRejected;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.ShipmentEvents.ShipmentReceived;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import static org.assistance.reportingservice.dashboard.RequestFacts.earliest;
import static org.assistance.reportingservice.dashboard.RequestFacts.latest;

/**
 * Builds the requests' and shipments' facts from every event of the platform. Each event sets
 * facts (times, amounts, quantities), never "the next state", so arrival order does not matter;
 * a duplicate never reaches here (the inbox remembers event ids).
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
        OffsetDateTime time = event.time() != null ? event.time() : OffsetDateTime.now();
        RequestFacts request = RequestFacts.lockedOrNew(data.requestId());
        if (data instanceof RequestSubmitted e) {
            describe(request, e.agencyId(), e.country(), e.thematicArea(), e.priority(), e.title(), e.desiredBy());
            request.submittedAt = earliest(request.submittedAt, e.submittedAt());
        } else if (data instanceof RequestAmended e) {
            describe(request, e.agencyId(), e.country(), e.thematicArea(), e.priority(), e.title(), e.desiredBy());
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
            request.donors = donorIds(e.donors());
            request.approvedAmount = e.approvedAmount().amount();
            request.approvedCurrency = e.approvedAmount().currency();
            request.approvedUnits = e.equipmentLines().stream().mapToInt(EquipmentLine::quantity).sum();
            remember(e.donors());
            if (request.country == null) {
                request.country = e.country();
                request.thematicArea = e.thematicArea();
                request.agencyId = e.agencyId();
            }
        } else if (data instanceof FundsCommitted e) {
            money(event.id(), e.requestId(), e.programmeCode(), MoneyFacts.COMMITTED, e.amount(), e.committedAt());
            remember(e.donors());
        } else if (data instanceof ActivityDelivered e) {
            request.participantsWomen += e.participants().women();
            request.participantsMen += e.participants().men();
            request.activitiesDelivered++;
            if (e.disbursed() != null) {
                money(event.id(), e.requestId(), e.programmeCode(), MoneyFacts.DISBURSED, e.disbursed(), e.deliveredAt());
            }
        } else if (data instanceof ReceiptConfirmed e) {
            request.acceptedUnits += e.lines().stream().mapToInt(ReceiptLine::quantityAccepted).sum();
            request.rejectedUnits += e.lines().stream().mapToInt(ReceiptLine::quantityRejected).sum();
            request.receivedAt = latest(request.receivedAt, e.receivedAt());
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
            s.categories = e.lines().stream().map(ShipmentLine::category).distinct().sorted().toList();
            s.units = e.lines().stream().mapToInt(ShipmentLine::quantity).sum();
            if (e.value() != null) {
                s.valueAmount = e.value().amount();
                s.valueCurrency = e.value().currency();
            }
            s.plannedAt = earliest(s.plannedAt, e.plannedAt());
        } else if (data instanceof ShipmentHeld e) {
            ShipmentFacts s = ShipmentFacts.lockedOrNew(e.shipmentId(), e.requestId());
            s.destination = e.destinationCountry();
            s.heldAt = earliest(s.heldAt, e.heldAt());
            s.heldCategories = new TreeSet<>(e.hits().stream().map(ScreeningHit::category).toList()).stream().toList();
        } else if (data instanceof ShipmentCleared e) {
            ShipmentFacts s = ShipmentFacts.lockedOrNew(e.shipmentId(), e.requestId());
            s.clearedAt = latest(s.clearedAt, e.clearedAt());
            s.heldSeconds = Math.max(s.heldSeconds, e.heldSeconds());
        } else if (data instanceof ShipmentDispatched e) {
            ShipmentFacts s = ShipmentFacts.lockedOrNew(e.shipmentId(), e.requestId());
            s.dispatchedAt = earliest(s.dispatchedAt, e.dispatchedAt());
            s.mode = e.mode();
            s.expectedDelivery = e.expectedDelivery();
            request.firstDispatchAt = earliest(request.firstDispatchAt, e.dispatchedAt());
        } else if (data instanceof ShipmentDelivered e) {
            ShipmentFacts s = ShipmentFacts.lockedOrNew(e.shipmentId(), e.requestId());
            s.deliveredAt = earliest(s.deliveredAt, e.deliveredAt());
            request.firstDispatchAt = earliest(request.firstDispatchAt, s.dispatchedAt);
            deliveredWhenAllAre(request);
            if (e.deliveredValue() != null) {
                money(event.id(), e.requestId(), null, MoneyFacts.EXPENDITURE, e.deliveredValue(), e.deliveredAt());
            }
        } else if (data instanceof ShipmentReceived e) {
            ShipmentFacts s = ShipmentFacts.lockedOrNew(e.shipmentId(), e.requestId());
            s.receivedAt = earliest(s.receivedAt, e.receivedAt());
        }
    }

    /** A request is delivered when every shipment known for it is. */
    private static void deliveredWhenAllAre(RequestFacts request) {
        ShipmentFacts.getEntityManager().flush();
        List<ShipmentFacts> shipments = ShipmentFacts.list("requestId", request.requestId);
        if (shipments.stream().allMatch(s -> s.deliveredAt != null)) {
            request.deliveredAt = shipments.stream().map(s -> s.deliveredAt).max(OffsetDateTime::compareTo).orElse(null);
        }
    }

    private static void describe(RequestFacts request, String agency, String country, String area, String priority,
                                 String title, java.time.LocalDate desiredBy) {
        request.agencyId = agency;
        request.country = country;
        request.thematicArea = area;
        request.priority = priority;
        request.title = title;
        request.desiredBy = desiredBy;
    }

    /** Donors are not stored with the money: they are the request's (from its approval), whatever the order. */
    private static void money(UUID eventId, UUID requestId, String programme, String kind, Money amount,
                              OffsetDateTime at) {
        if (MoneyFacts.findById(eventId) != null) {
            return;
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
    }

    private static void pledged(UUID eventId, FundsPledged pledge) {
        remember(List.of(pledge.donor()));
        MoneyFacts.getEntityManager().createNativeQuery("""
                        insert into pledge_facts (event_id, programme_code, donor_id, amount, currency, pledged_on)
                        values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                .setParameter(1, eventId).setParameter(2, pledge.programmeCode())
                .setParameter(3, pledge.donor().donorId()).setParameter(4, pledge.amount().amount())
                .setParameter(5, pledge.amount().currency()).setParameter(6, pledge.pledgedOn())
                .executeUpdate();
    }

    private static void remember(List<DonorShare> donors) {
        if (donors == null) {
            return;
        }
        for (DonorShare donor : donors) {
            MoneyFacts.getEntityManager().createNativeQuery("""
                            insert into donor_directory (donor_id, name, iati_identifier) values (?1, ?2, ?3)
                            on conflict (donor_id) do update set name = excluded.name,
                                iati_identifier = excluded.iati_identifier""")
                    .setParameter(1, donor.donorId()).setParameter(2, donor.name())
                    .setParameter(3, donor.iatiIdentifier()).executeUpdate();
        }
    }

    private static List<String> donorIds(List<DonorShare> donors) {
        return donors == null ? List.of() : donors.stream().map(DonorShare::donorId).sorted().toList();
    }
}
