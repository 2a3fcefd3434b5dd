package org.assistance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every fact row of one request, in memory: what {@link DeliveryReadModel} folds its events into,
 * live (one event, the rows read first) and in a rebuild (a poll's events at once). It remembers
 * which rows the events changed, so only those are written back, each table in one statement.
 */
public final class RequestJourney {
    /** One approved component (deliverable_facts). */
    public static final class Deliverable {
        public String deliverableId;
        public String kind;
        public String description;
        public int quantity;
        public int quantityDelivered;
        public int quantityCancelled;
        public String state;
        public String reason;
        public boolean settled;
    }

    /** Units of one item on one shipment, and how many were removed at clearance (shipment_lines). */
    public static final class ShipmentLine {
        public UUID shipmentId;
        public String itemCode;
        public int quantity;
        public int removed;
    }

    /** Equipment no warehouse had (backorder_facts). */
    public static final class Backorder {
        public long backorderId;
        public String itemCode;
        public int quantity;
        public int fulfilled;
        public int cancelled;
        public String reason;
    }

    /** A line equipment-service refused (refused_lines), one per event. */
    public record RefusedLine(UUID eventId, String itemCode, int quantity, String reason) {}

    /** A money event's amount credited to one donor (money_parts). */
    public record MoneyPart(UUID eventId, String donorId, BigDecimal amount, String currency) {}

    /** Where a journey's rows come from: the tables (live, or a rebuild's request seen in an earlier poll), or nowhere (new). */
    public interface Rows {
        List<ShipmentFacts> shipments(UUID requestId);

        List<MoneyFacts> money(UUID requestId);

        List<Deliverable> deliverables(UUID requestId);

        List<ShipmentLine> shipmentLines(UUID requestId);

        List<Backorder> backorders(UUID requestId);

        List<RefusedLine> refusedLines(UUID requestId);

        /** A request none of whose rows were written yet. */
        Rows NONE = new Rows() {
            public List<ShipmentFacts> shipments(UUID requestId) {
                return List.of();
            }

            public List<MoneyFacts> money(UUID requestId) {
                return List.of();
            }

            public List<Deliverable> deliverables(UUID requestId) {
                return List.of();
            }

            public List<ShipmentLine> shipmentLines(UUID requestId) {
                return List.of();
            }

            public List<Backorder> backorders(UUID requestId) {
                return List.of();
            }

            public List<RefusedLine> refusedLines(UUID requestId) {
                return List.of();
            }
        };
    }

    public final RequestFacts request;
    private final Rows rows;
    // each read on first use: an event reads only the tables its rules need
    private Map<UUID, ShipmentFacts> shipments;
    private Map<UUID, MoneyFacts> money;
    private Map<String, Deliverable> deliverables;
    private Map<String, ShipmentLine> shipmentLines;
    private Map<Long, Backorder> backorders;
    private Map<UUID, RefusedLine> refusedLines;

    final Set<UUID> changedShipments = new LinkedHashSet<>();
    final Set<UUID> newMoney = new LinkedHashSet<>();
    final Set<String> changedDeliverables = new LinkedHashSet<>();
    final Set<String> changedShipmentLines = new LinkedHashSet<>();
    final Set<Long> changedBackorders = new LinkedHashSet<>();
    final Set<UUID> newRefusedLines = new LinkedHashSet<>();
    /** The donors' parts of every amount, when the events changed them (all of the request's, replacing the old). */
    List<MoneyPart> moneyParts;

    /** A journey whose request row is {@code request} (new or read), its other rows read from {@code rows} when needed. */
    public RequestJourney(RequestFacts request, Rows rows) {
        this.request = request;
        this.rows = rows;
    }

    public UUID requestId() {
        return request.requestId;
    }

    Map<UUID, ShipmentFacts> shipments() {
        if (shipments == null) {
            shipments = new LinkedHashMap<>();
            rows.shipments(requestId()).forEach(s -> shipments.put(s.shipmentId, s));
        }
        return shipments;
    }

    Map<UUID, MoneyFacts> money() {
        if (money == null) {
            money = new LinkedHashMap<>();
            rows.money(requestId()).forEach(m -> money.put(m.eventId, m));
        }
        return money;
    }

    Map<String, Deliverable> deliverables() {
        if (deliverables == null) {
            deliverables = new LinkedHashMap<>();
            rows.deliverables(requestId()).forEach(d -> deliverables.put(d.deliverableId, d));
        }
        return deliverables;
    }

    Map<String, ShipmentLine> shipmentLines() {
        if (shipmentLines == null) {
            shipmentLines = new LinkedHashMap<>();
            rows.shipmentLines(requestId()).forEach(l -> shipmentLines.put(lineKey(l.shipmentId, l.itemCode), l));
        }
        return shipmentLines;
    }

    Map<Long, Backorder> backorders() {
        if (backorders == null) {
            backorders = new LinkedHashMap<>();
            rows.backorders(requestId()).forEach(b -> backorders.put(b.backorderId, b));
        }
        return backorders;
    }

    Map<UUID, RefusedLine> refusedLines() {
        if (refusedLines == null) {
            refusedLines = new LinkedHashMap<>();
            rows.refusedLines(requestId()).forEach(r -> refusedLines.put(r.eventId(), r));
        }
        return refusedLines;
    }

    static String lineKey(UUID shipmentId, String itemCode) {
        return shipmentId + "/" + itemCode;
    }

    /** The shipment's row, created empty if no event of it was seen yet; marked changed. */
    ShipmentFacts shipment(UUID shipmentId) {
        changedShipments.add(shipmentId);
        return shipments().computeIfAbsent(shipmentId, id -> {
            ShipmentFacts s = new ShipmentFacts();
            s.shipmentId = id;
            s.requestId = requestId();
            return s;
        });
    }

    // what the events changed, for the tables' writing

    public List<ShipmentFacts> changedShipments() {
        return changedShipments.stream().map(shipments()::get).toList();
    }

    public List<MoneyFacts> newMoney() {
        return newMoney.stream().map(money()::get).toList();
    }

    public List<Deliverable> changedDeliverables() {
        return changedDeliverables.stream().map(deliverables()::get).toList();
    }

    public List<ShipmentLine> changedShipmentLines() {
        return changedShipmentLines.stream().map(shipmentLines()::get).toList();
    }

    public List<Backorder> changedBackorders() {
        return changedBackorders.stream().map(backorders()::get).toList();
    }

    public List<RefusedLine> newRefusedLines() {
        return newRefusedLines.stream().map(refusedLines()::get).toList();
    }

    /** The request's money parts when the events changed them (replacing all its parts), else null. */
    public List<MoneyPart> moneyParts() {
        return moneyParts;
    }

    /** Forgets what was changed, once written (a rebuild keeps journeys from poll to poll). */
    public void written() {
        changedShipments.clear();
        newMoney.clear();
        changedDeliverables.clear();
        changedShipmentLines.clear();
        changedBackorders.clear();
        newRefusedLines.clear();
        moneyParts = null;
    }

    static List<MoneyPart> parts(UUID eventId, List<org.assistance.chassis.events.Values.DonorAmount> split) {
        Map<String, MoneyPart> byDonor = new LinkedHashMap<>();
        for (var part : split) {
            byDonor.merge(
                    part.donorId(),
                    new MoneyPart(
                            eventId,
                            part.donorId(),
                            part.amount().amount(),
                            part.amount().currency()),
                    (a, b) -> new MoneyPart(eventId, a.donorId(), a.amount().add(b.amount()), a.currency()));
        }
        return new ArrayList<>(byDonor.values());
    }
}
