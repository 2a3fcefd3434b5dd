package org.assistance.equipmentservice.assets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;
import org.assistance.equipmentservice.texts.Listing;

/**
 * The serial numbers logistics records when a shipment leaves, and the rules they keep. A line is
 * monitored when its item is dual-use or the shipment was cleared under an export licence: every
 * unit of it needs a serial. Other lines may go without; a line given serials has one per unit.
 */
public final class UnitsAtDispatch {
    /** The most units one dispatch names. */
    public static final int MAX_UNITS = 10_000;

    private UnitsAtDispatch() {}

    /**
     * The units as given when they keep the rules for a shipment of {@code lines} ({@code
     * licensed}: cleared under an export licence); otherwise 422 naming what is wrong.
     */
    public static List<UnitSerial> checked(List<ShipmentLine> lines, boolean licensed, List<UnitSerial> units) {
        List<UnitSerial> given = units == null ? List.of() : units;
        // by item code: a refusal names the items in the same order every time
        Map<String, Integer> quantities = new TreeMap<>();
        Map<String, Boolean> monitored = new LinkedHashMap<>();
        for (ShipmentLine line : lines) {
            quantities.merge(line.itemCode(), line.quantity(), Integer::sum);
            monitored.merge(line.itemCode(), line.dualUse() || licensed, Boolean::logicalOr);
        }
        Set<String> notShipped = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        Map<String, Integer> serials = new LinkedHashMap<>();
        for (UnitSerial unit : given) {
            if (!quantities.containsKey(unit.itemCode())) {
                notShipped.add(unit.itemCode());
            }
            if (!seen.add(unit.serialNumber())) {
                repeated.add(unit.serialNumber());
            }
            serials.merge(unit.itemCode(), 1, Integer::sum);
        }
        if (!notShipped.isEmpty()) {
            throw new DomainRuleViolation(
                    422,
                    "item-not-shipped",
                    Text.of(
                            "asset.item-not-shipped",
                            "items",
                            Listing.commas(List.copyOf(notShipped)),
                            "lines",
                            Listing.commas(List.copyOf(quantities.keySet()))));
        }
        if (!repeated.isEmpty()) {
            throw new DomainRuleViolation(
                    422,
                    "duplicate-serial",
                    Text.of("asset.duplicate-serial", "serials", Listing.abbreviated(List.copyOf(repeated), 20)));
        }
        List<Text> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> line : quantities.entrySet()) {
            int got = serials.getOrDefault(line.getKey(), 0);
            boolean needed = monitored.get(line.getKey());
            if (got != line.getValue() && (needed || got > 0)) {
                wrong.add(
                        needed
                                ? Text.of(
                                        "asset.serials-short-monitored",
                                        "item",
                                        line.getKey(),
                                        "why",
                                        why(lines, line.getKey()),
                                        "needed",
                                        line.getValue(),
                                        "got",
                                        got)
                                : Text.of(
                                        "asset.serials-short",
                                        "item",
                                        line.getKey(),
                                        "needed",
                                        line.getValue(),
                                        "got",
                                        got));
            }
        }
        if (!wrong.isEmpty()) {
            throw new DomainRuleViolation(
                    422, "serials-required", Text.of("asset.serials-required", "lines", Listing.semicolons(wrong)));
        }
        return List.copyOf(given);
    }

    /** Why a monitored line is: its item dual-use, else its shipment cleared under an export licence. */
    private static Text why(List<ShipmentLine> lines, String item) {
        boolean dualUse = lines.stream().anyMatch(l -> l.itemCode().equals(item) && l.dualUse());
        return dualUse ? Text.of("asset.monitored-dual-use") : Text.of("asset.monitored-licensed");
    }
}
