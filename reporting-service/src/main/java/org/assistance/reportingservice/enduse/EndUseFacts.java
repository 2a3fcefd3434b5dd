package org.assistance.reportingservice.enduse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.ShipmentEvents.EndUseCheckRecorded;
import org.assistance.chassis.events.ShipmentEvents.EndUseMonitoringStarted;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.ShipmentEvents.ShipmentReceived;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.chassis.texts.Text;
import org.assistance.reportingservice.readmodels.ManyRows;
import org.assistance.reportingservice.timelines.TimelineEntry;
import org.assistance.reportingservice.timelines.TimelineSummary;
import org.assistance.reportingservice.timelines.Timelines;

/**
 * Keeps what end-use monitoring is computed from, each table in one statement per batch: the
 * units monitoring started for ({@code end_use_units}), what receipts accepted of lines with
 * serial numbers ({@code end_use_receipts}), the checks recorded ({@code end_use_checks}) and the
 * items' names as shipments planned them ({@code item_names}). Written whatever order the events
 * arrive in: a later start of the same unit replaces the earlier, a later receipt of a line the
 * earlier, a check is written once.
 */
public final class EndUseFacts {
    private EndUseFacts() {}

    /** Writes the facts of those of {@code events} that tell of monitored equipment. */
    public static void write(Connection connection, List<CloudEvent<AssistanceEvent>> events) throws SQLException {
        // one row per key and statement: PostgreSQL refuses to upsert a row twice in one statement
        Map<List<Object>, Object[]> units = new LinkedHashMap<>();
        Map<List<Object>, Object[]> receipts = new LinkedHashMap<>();
        Map<String, Object[]> names = new LinkedHashMap<>();
        ManyRows checks = ManyRows.of(
                "end_use_checks",
                "check_id uuid",
                "shipment_id uuid",
                "item_code",
                "serial_number",
                "request_id uuid",
                "country",
                "check_number int",
                "result",
                "checked_at date",
                "recorded_at timestamptz");
        for (CloudEvent<AssistanceEvent> event : events) {
            AssistanceEvent data = event.data();
            if (data instanceof EndUseMonitoringStarted e && e.shipmentId() != null && e.units() != null) {
                List<String> due = e.checksDue() == null
                        ? List.of()
                        : e.checksDue().stream().map(LocalDate::toString).toList();
                OffsetDateTime at = e.startedAt() != null ? e.startedAt() : time(event);
                for (UnitSerial unit : e.units()) {
                    if (unit.itemCode() != null && unit.serialNumber() != null) {
                        units.put(List.of(e.shipmentId(), unit.itemCode(), unit.serialNumber()), new Object[] {
                            e.shipmentId(),
                            unit.itemCode(),
                            unit.serialNumber(),
                            e.requestId(),
                            e.agencyId(),
                            e.destinationCountry(),
                            due,
                            e.deliveredAt(),
                            at
                        });
                    }
                }
            } else if (data instanceof ShipmentReceived e && e.shipmentId() != null && e.lines() != null) {
                OffsetDateTime at = e.receivedAt() != null ? e.receivedAt() : time(event);
                for (ReceiptLine line : e.lines()) {
                    if (line.serialsAccepted() != null && line.itemCode() != null) {
                        List<Object> key = List.of(e.shipmentId(), line.itemCode());
                        Object[] earlier = receipts.get(key);
                        if (earlier == null || !((OffsetDateTime) earlier[3]).isAfter(at)) {
                            receipts.put(
                                    key, new Object[] {e.shipmentId(), line.itemCode(), line.serialsAccepted(), at});
                        }
                    }
                }
            } else if (data instanceof EndUseCheckRecorded e
                    && e.checkId() != null
                    && e.shipmentId() != null
                    && e.itemCode() != null
                    && e.serialNumber() != null
                    && e.result() != null
                    && e.checkedAt() != null) {
                checks.add(
                        e.checkId(),
                        e.shipmentId(),
                        e.itemCode(),
                        e.serialNumber(),
                        e.requestId(),
                        e.destinationCountry(),
                        e.checkNumber(),
                        e.result(),
                        e.checkedAt(),
                        e.recordedAt());
            } else if (data instanceof ShipmentPlanned e && e.lines() != null) {
                for (ShipmentLine line : e.lines()) {
                    if (line.itemCode() != null && line.itemName() != null) {
                        names.put(line.itemCode(), new Object[] {line.itemCode(), line.itemName(), time(event)});
                    }
                }
            }
        }
        ManyRows unitRows = ManyRows.of(
                "end_use_units",
                "shipment_id uuid",
                "item_code",
                "serial_number",
                "request_id uuid",
                "agency_id",
                "country",
                "checks_due jsonb",
                "delivered_at timestamptz",
                "started_at timestamptz");
        units.values().forEach(unitRows::add);
        unitRows.upsertUnlessLater(connection, "shipment_id, item_code, serial_number", "started_at");
        ManyRows receiptRows = ManyRows.of(
                "end_use_receipts",
                "shipment_id uuid",
                "item_code",
                "serials_accepted jsonb",
                "received_at timestamptz");
        receipts.values().forEach(receiptRows::add);
        receiptRows.upsertUnlessLater(connection, "shipment_id, item_code", "received_at");
        checks.insertNew(connection);
        ManyRows nameRows = ManyRows.of("item_names", "item_code", "item_name", "named_at timestamptz");
        names.values().forEach(nameRows::add);
        nameRows.upsert(connection, "item_code");
    }

    /**
     * Names the item in the timeline line of each end-use check among {@code events}: the check
     * tells the item's code, shipments planned tell its name (in this batch, or written before).
     */
    public static void nameCheckedItems(
            Connection connection, List<CloudEvent<AssistanceEvent>> events, List<TimelineEntry> entries)
            throws SQLException {
        Map<UUID, EndUseCheckRecorded> checks = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (CloudEvent<AssistanceEvent> event : events) {
            if (event.data() instanceof EndUseCheckRecorded e) {
                checks.put(event.id(), e);
            } else if (event.data() instanceof ShipmentPlanned e && e.lines() != null) {
                for (ShipmentLine line : e.lines()) {
                    if (line.itemCode() != null && line.itemName() != null) {
                        names.put(line.itemCode(), line.itemName());
                    }
                }
            }
        }
        if (checks.isEmpty()) {
            return;
        }
        Set<String> unnamed = new TreeSet<>();
        checks.values().stream()
                .map(EndUseCheckRecorded::itemCode)
                .filter(code -> code != null && !names.containsKey(code))
                .forEach(unnamed::add);
        if (!unnamed.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement(
                    "select item_code, item_name from item_names where item_code = any (?::text[])")) {
                s.setArray(1, connection.createArrayOf("text", unnamed.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        for (TimelineEntry entry : entries) {
            EndUseCheckRecorded check = checks.get(entry.eventId);
            if (check != null) {
                Text line = TimelineSummary.endUseCheck(check, names.get(check.itemCode()));
                Timelines.describe(entry, line, line);
            }
        }
    }

    private static OffsetDateTime time(CloudEvent<AssistanceEvent> event) {
        return event.time() != null ? event.time() : OffsetDateTime.now();
    }
}
