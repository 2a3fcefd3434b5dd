package org.assistance.reportingservice.dashboard;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.Translation;
import org.assistance.chassis.transactions.FreshPlans;
import org.assistance.reportingservice.readmodels.ManyRows;

/**
 * The dashboard's fact tables as {@link RequestJourney}s: read for a set of requests (a table only
 * when an event's rules need it, in one query for all of them), and written back, each table in
 * one statement for every request the events changed. Table names are unqualified: a rebuild's
 * {@code search_path} points them at its fresh tables.
 */
public final class FactTables {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<DonorAmount>> SPLIT = new TypeReference<>() {};
    private static final TypeReference<List<DonorShare>> DONORS = new TypeReference<>() {};
    private static final TypeReference<List<Translation>> TRANSLATIONS = new TypeReference<>() {};

    private FactTables() {}

    // The reads by a poll's list of requests are planned at each execution (FreshPlans): a plan kept
    // from when a table was nearly empty would scan it whole for good on a database without autovacuum.

    /**
     * The requests' rows, locked for this transaction (live handling: consumers of several topics
     * may hold events of one request at once), each created empty first if none was there.
     */
    public static Map<UUID, RequestFacts> lockRequests(Connection c, Collection<UUID> ids) throws SQLException {
        UUID[] sorted = ids.stream().sorted().toArray(UUID[]::new);
        Map<UUID, RequestFacts> found = requests(c, sorted, " order by request_id for update");
        if (found.size() < sorted.length) {
            // in the ids' order, as every transaction locks them, so two never wait for each other
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into request_facts (request_id) select id from unnest(?) as given (id) order by id"
                            + " on conflict do nothing")) {
                insert.setArray(1, c.createArrayOf("uuid", sorted));
                insert.executeUpdate();
            }
            found = requests(c, sorted, " order by request_id for update");
        }
        return found;
    }

    /** The requests' rows as they stand (a rebuild's own tables, which no one else writes). */
    public static Map<UUID, RequestFacts> requests(Connection c, Collection<UUID> ids) throws SQLException {
        return requests(c, ids.toArray(UUID[]::new), "");
    }

    private static Map<UUID, RequestFacts> requests(Connection c, UUID[] ids, String suffix) throws SQLException {
        Map<UUID, RequestFacts> found = new HashMap<>();
        try (PreparedStatement select = FreshPlans.eachExecution(
                c.prepareStatement("select * from request_facts where request_id = any(?)" + suffix))) {
            select.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    RequestFacts r = new RequestFacts();
                    r.requestId = rs.getObject("request_id", UUID.class);
                    r.agencyId = rs.getString("agency_id");
                    r.country = rs.getString("country");
                    r.thematicArea = rs.getString("thematic_area");
                    r.priority = rs.getString("priority");
                    r.title = rs.getString("title");
                    r.language = rs.getString("language");
                    r.needsStatement = rs.getString("needs_statement");
                    List<Translation> translations = ManyRows.fromJson(rs.getString("translations"), TRANSLATIONS);
                    r.translations = translations == null ? List.of() : translations;
                    r.desiredBy = rs.getObject("desired_by", LocalDate.class);
                    r.submittedAt = time(rs, "submitted_at");
                    r.informationRequestedAt = time(rs, "information_requested_at");
                    r.approvedAt = time(rs, "approved_at");
                    r.rejectedAt = time(rs, "rejected_at");
                    r.withdrawnAt = time(rs, "withdrawn_at");
                    r.firstDispatchAt = time(rs, "first_dispatch_at");
                    r.deliveredAt = time(rs, "delivered_at");
                    r.receivedAt = time(rs, "received_at");
                    r.partial = (Boolean) rs.getObject("partial");
                    r.programmeCode = rs.getString("programme_code");
                    r.donors = ManyRows.fromJson(rs.getString("donors"), STRINGS);
                    r.approvedAmount = rs.getBigDecimal("approved_amount");
                    r.approvedCurrency = rs.getString("approved_currency");
                    r.approvedUnits = rs.getInt("approved_units");
                    r.acceptedUnits = rs.getInt("accepted_units");
                    r.rejectedUnits = rs.getInt("rejected_units");
                    r.activitiesDelivered = rs.getInt("activities_delivered");
                    r.updatedAt = time(rs, "updated_at");
                    r.assistanceTypes = ManyRows.fromJson(rs.getString("assistance_types"), STRINGS);
                    r.deliveryStartedAt = time(rs, "delivery_started_at");
                    r.cancelledAt = time(rs, "cancelled_at");
                    r.closedAt = time(rs, "closed_at");
                    r.satisfaction = (Integer) rs.getObject("satisfaction");
                    r.closedAutomatically = (Boolean) rs.getObject("closed_automatically");
                    r.activitiesCancelled = rs.getInt("activities_cancelled");
                    found.put(r.requestId, r);
                }
            }
        }
        return found;
    }

    /**
     * The other rows of the requests {@code ids}, read a table at a time when first needed, in one
     * query for all of them.
     */
    public static RequestJourney.Rows rowsOf(Connection c, Collection<UUID> ids) {
        UUID[] all = ids.toArray(UUID[]::new);
        return new RequestJourney.Rows() {
            private Map<UUID, List<ShipmentFacts>> shipments;
            private Map<UUID, List<MoneyFacts>> money;
            private Map<UUID, List<RequestJourney.Deliverable>> deliverables;
            private Map<UUID, List<RequestJourney.ShipmentLine>> lines;
            private Map<UUID, List<RequestJourney.Backorder>> backorders;
            private Map<UUID, List<RequestJourney.RefusedLine>> refused;

            public List<ShipmentFacts> shipments(UUID requestId) {
                if (shipments == null) {
                    shipments = read(c, "shipment_facts", all, FactTables::shipment);
                }
                return shipments.getOrDefault(requestId, List.of());
            }

            public List<MoneyFacts> money(UUID requestId) {
                if (money == null) {
                    money = read(c, "money_facts", all, FactTables::money);
                }
                return money.getOrDefault(requestId, List.of());
            }

            public List<RequestJourney.Deliverable> deliverables(UUID requestId) {
                if (deliverables == null) {
                    deliverables = read(c, "deliverable_facts", all, FactTables::deliverable);
                }
                return deliverables.getOrDefault(requestId, List.of());
            }

            public List<RequestJourney.ShipmentLine> shipmentLines(UUID requestId) {
                if (lines == null) {
                    lines = read(c, "shipment_lines", all, FactTables::shipmentLine);
                }
                return lines.getOrDefault(requestId, List.of());
            }

            public List<RequestJourney.Backorder> backorders(UUID requestId) {
                if (backorders == null) {
                    backorders = read(c, "backorder_facts", all, FactTables::backorder);
                }
                return backorders.getOrDefault(requestId, List.of());
            }

            public List<RequestJourney.RefusedLine> refusedLines(UUID requestId) {
                if (refused == null) {
                    refused = read(c, "refused_lines", all, FactTables::refusedLine);
                }
                return refused.getOrDefault(requestId, List.of());
            }
        };
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> Map<UUID, List<T>> read(Connection c, String table, UUID[] ids, RowReader<T> reader) {
        Map<UUID, List<T>> byRequest = new HashMap<>();
        try (PreparedStatement select = FreshPlans.eachExecution(
                c.prepareStatement("select * from " + table + " where request_id = any(?) order by request_id"))) {
            select.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byRequest
                            .computeIfAbsent(rs.getObject("request_id", UUID.class), id -> new ArrayList<>())
                            .add(reader.read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + table + ": " + e.getMessage(), e);
        }
        return byRequest;
    }

    private static ShipmentFacts shipment(ResultSet rs) throws SQLException {
        ShipmentFacts s = new ShipmentFacts();
        s.shipmentId = rs.getObject("shipment_id", UUID.class);
        s.requestId = rs.getObject("request_id", UUID.class);
        s.destination = rs.getString("destination");
        s.categories = ManyRows.fromJson(rs.getString("categories"), STRINGS);
        s.units = rs.getInt("units");
        s.valueAmount = rs.getBigDecimal("value_amount");
        s.valueCurrency = rs.getString("value_currency");
        s.plannedAt = time(rs, "planned_at");
        s.heldAt = time(rs, "held_at");
        s.heldCategories = ManyRows.fromJson(rs.getString("held_categories"), STRINGS);
        s.clearedAt = time(rs, "cleared_at");
        s.heldSeconds = rs.getLong("held_seconds");
        s.dispatchedAt = time(rs, "dispatched_at");
        s.mode = rs.getString("mode");
        s.expectedDelivery = rs.getObject("expected_delivery", LocalDate.class);
        s.dueBy = time(rs, "due_by");
        s.deliveredAt = time(rs, "delivered_at");
        s.receivedAt = time(rs, "received_at");
        s.lastHeldAt = time(rs, "last_held_at");
        s.cancelledAt = time(rs, "cancelled_at");
        s.itemCodes = ManyRows.fromJson(rs.getString("item_codes"), STRINGS);
        return s;
    }

    private static MoneyFacts money(ResultSet rs) throws SQLException {
        MoneyFacts m = new MoneyFacts();
        m.eventId = rs.getObject("event_id", UUID.class);
        m.requestId = rs.getObject("request_id", UUID.class);
        m.programmeCode = rs.getString("programme_code");
        m.kind = rs.getString("kind");
        m.amount = rs.getBigDecimal("amount");
        m.currency = rs.getString("currency");
        m.occurredAt = time(rs, "occurred_at");
        m.split = ManyRows.fromJson(rs.getString("split"), SPLIT);
        m.donors = ManyRows.fromJson(rs.getString("donors"), DONORS);
        return m;
    }

    private static RequestJourney.Deliverable deliverable(ResultSet rs) throws SQLException {
        RequestJourney.Deliverable d = new RequestJourney.Deliverable();
        d.deliverableId = rs.getString("deliverable_id");
        d.kind = rs.getString("kind");
        d.description = rs.getString("description");
        d.quantity = rs.getInt("quantity");
        d.quantityDelivered = rs.getInt("quantity_delivered");
        d.quantityCancelled = rs.getInt("quantity_cancelled");
        d.state = rs.getString("state");
        d.reason = rs.getString("reason");
        d.settled = rs.getBoolean("settled");
        return d;
    }

    private static RequestJourney.ShipmentLine shipmentLine(ResultSet rs) throws SQLException {
        RequestJourney.ShipmentLine l = new RequestJourney.ShipmentLine();
        l.shipmentId = rs.getObject("shipment_id", UUID.class);
        l.itemCode = rs.getString("item_code");
        l.quantity = rs.getInt("quantity");
        l.removed = rs.getInt("removed");
        return l;
    }

    private static RequestJourney.Backorder backorder(ResultSet rs) throws SQLException {
        RequestJourney.Backorder b = new RequestJourney.Backorder();
        b.backorderId = rs.getLong("backorder_id");
        b.itemCode = rs.getString("item_code");
        b.quantity = rs.getInt("quantity");
        b.fulfilled = rs.getInt("fulfilled");
        b.cancelled = rs.getInt("cancelled");
        b.reason = rs.getString("reason");
        return b;
    }

    private static RequestJourney.RefusedLine refusedLine(ResultSet rs) throws SQLException {
        return new RequestJourney.RefusedLine(
                rs.getObject("event_id", UUID.class),
                rs.getString("item_code"),
                rs.getInt("quantity"),
                rs.getString("reason"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    /** Writes what the events changed: each table in one statement for all the journeys. */
    public static void write(Connection c, Collection<RequestJourney> journeys, ProgrammeFacts programme)
            throws SQLException {
        ManyRows requests = ManyRows.of(
                "request_facts",
                "request_id uuid",
                "agency_id",
                "country",
                "thematic_area",
                "priority",
                "title",
                "desired_by date",
                "submitted_at timestamptz",
                "information_requested_at timestamptz",
                "approved_at timestamptz",
                "rejected_at timestamptz",
                "withdrawn_at timestamptz",
                "first_dispatch_at timestamptz",
                "delivered_at timestamptz",
                "received_at timestamptz",
                "partial boolean",
                "programme_code",
                "donors jsonb",
                "approved_amount numeric",
                "approved_currency",
                "approved_units int",
                "accepted_units int",
                "rejected_units int",
                "activities_delivered int",
                "updated_at timestamptz",
                "assistance_types jsonb",
                "delivery_started_at timestamptz",
                "cancelled_at timestamptz",
                "closed_at timestamptz",
                "satisfaction int",
                "closed_automatically boolean",
                "activities_cancelled int",
                "language",
                "needs_statement",
                "translations jsonb");
        ManyRows shipments = ManyRows.of(
                "shipment_facts",
                "shipment_id uuid",
                "request_id uuid",
                "destination",
                "categories jsonb",
                "units int",
                "value_amount numeric",
                "value_currency",
                "planned_at timestamptz",
                "held_at timestamptz",
                "held_categories jsonb",
                "cleared_at timestamptz",
                "held_seconds bigint",
                "dispatched_at timestamptz",
                "mode",
                "expected_delivery date",
                "due_by timestamptz",
                "delivered_at timestamptz",
                "received_at timestamptz",
                "last_held_at timestamptz",
                "cancelled_at timestamptz",
                "item_codes jsonb");
        ManyRows money = ManyRows.of(
                "money_facts",
                "event_id uuid",
                "request_id uuid",
                "programme_code",
                "kind",
                "amount numeric",
                "currency",
                "occurred_at timestamptz",
                "split jsonb",
                "donors jsonb");
        ManyRows deliverables = ManyRows.of(
                "deliverable_facts",
                "request_id uuid",
                "deliverable_id",
                "kind",
                "description",
                "quantity int",
                "quantity_delivered int",
                "quantity_cancelled int",
                "state",
                "reason",
                "settled boolean");
        ManyRows lines = ManyRows.of(
                "shipment_lines", "shipment_id uuid", "item_code", "request_id uuid", "quantity int", "removed int");
        ManyRows backorders = ManyRows.of(
                "backorder_facts",
                "backorder_id bigint",
                "request_id uuid",
                "item_code",
                "quantity int",
                "fulfilled int",
                "cancelled int",
                "reason");
        ManyRows refused =
                ManyRows.of("refused_lines", "event_id uuid", "request_id uuid", "item_code", "quantity int", "reason");
        ManyRows parts = ManyRows.of(
                "money_parts", "event_id uuid", "donor_id", "request_id uuid", "amount numeric", "currency");
        List<UUID> partsReplaced = new ArrayList<>();
        for (RequestJourney journey : journeys) {
            RequestFacts r = journey.request;
            UUID id = r.requestId;
            requests.add(
                    id,
                    r.agencyId,
                    r.country,
                    r.thematicArea,
                    r.priority,
                    r.title,
                    r.desiredBy,
                    r.submittedAt,
                    r.informationRequestedAt,
                    r.approvedAt,
                    r.rejectedAt,
                    r.withdrawnAt,
                    r.firstDispatchAt,
                    r.deliveredAt,
                    r.receivedAt,
                    r.partial,
                    r.programmeCode,
                    r.donors,
                    r.approvedAmount,
                    r.approvedCurrency,
                    r.approvedUnits,
                    r.acceptedUnits,
                    r.rejectedUnits,
                    r.activitiesDelivered,
                    r.updatedAt,
                    r.assistanceTypes,
                    r.deliveryStartedAt,
                    r.cancelledAt,
                    r.closedAt,
                    r.satisfaction,
                    r.closedAutomatically,
                    r.activitiesCancelled,
                    r.language,
                    r.needsStatement,
                    r.translations);
            for (ShipmentFacts s : journey.changedShipments()) {
                shipments.add(
                        s.shipmentId,
                        s.requestId,
                        s.destination,
                        s.categories,
                        s.units,
                        s.valueAmount,
                        s.valueCurrency,
                        s.plannedAt,
                        s.heldAt,
                        s.heldCategories,
                        s.clearedAt,
                        s.heldSeconds,
                        s.dispatchedAt,
                        s.mode,
                        s.expectedDelivery,
                        s.dueBy,
                        s.deliveredAt,
                        s.receivedAt,
                        s.lastHeldAt,
                        s.cancelledAt,
                        s.itemCodes);
            }
            for (MoneyFacts m : journey.newMoney()) {
                money.add(
                        m.eventId,
                        m.requestId,
                        m.programmeCode,
                        m.kind,
                        m.amount,
                        m.currency,
                        m.occurredAt,
                        m.split,
                        m.donors);
            }
            for (RequestJourney.Deliverable d : journey.changedDeliverables()) {
                deliverables.add(
                        id,
                        d.deliverableId,
                        d.kind,
                        d.description,
                        d.quantity,
                        d.quantityDelivered,
                        d.quantityCancelled,
                        d.state,
                        d.reason,
                        d.settled);
            }
            for (RequestJourney.ShipmentLine l : journey.changedShipmentLines()) {
                lines.add(l.shipmentId, l.itemCode, id, l.quantity, l.removed);
            }
            for (RequestJourney.Backorder b : journey.changedBackorders()) {
                backorders.add(b.backorderId, id, b.itemCode, b.quantity, b.fulfilled, b.cancelled, b.reason);
            }
            for (RequestJourney.RefusedLine f : journey.newRefusedLines()) {
                refused.add(f.eventId(), id, f.itemCode(), f.quantity(), f.reason());
            }
            if (journey.moneyParts() != null) {
                partsReplaced.add(id);
                for (RequestJourney.MoneyPart p : journey.moneyParts()) {
                    parts.add(p.eventId(), p.donorId(), id, p.amount(), p.currency());
                }
            }
        }
        requests.upsert(c, "request_id");
        shipments.upsert(c, "shipment_id");
        money.insertNew(c);
        deliverables.upsert(c, "request_id, deliverable_id");
        lines.upsert(c, "shipment_id, item_code");
        backorders.upsert(c, "request_id, backorder_id");
        refused.insertNew(c);
        if (!partsReplaced.isEmpty()) {
            try (PreparedStatement delete =
                    FreshPlans.eachExecution(c.prepareStatement("delete from money_parts where request_id = any(?)"))) {
                delete.setArray(1, c.createArrayOf("uuid", partsReplaced.toArray()));
                delete.executeUpdate();
            }
            parts.insert(c);
        }
        ManyRows donors = ManyRows.of("donor_directory", "donor_id", "name", "iati_identifier");
        programme.donors().forEach(d -> donors.add(d.donorId(), d.name(), d.iatiIdentifier()));
        donors.upsert(c, "donor_id");
        ManyRows pledges = ManyRows.of(
                "pledge_facts",
                "event_id uuid",
                "programme_code",
                "donor_id",
                "amount numeric",
                "currency",
                "pledged_on date");
        programme
                .pledges()
                .forEach(p -> pledges.add(
                        p.eventId(), p.programmeCode(), p.donorId(), p.amount(), p.currency(), p.pledgedOn()));
        pledges.insertNew(c);
        journeys.forEach(RequestJourney::written);
    }
}
