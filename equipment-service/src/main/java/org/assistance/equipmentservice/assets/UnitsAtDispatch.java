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
                    "Serials of an item the shipment does not carry",
                    "The shipment carries no " + String.join(", ", notShipped) + "; serials name units of its lines "
                            + "only (" + String.join(", ", quantities.keySet()) + ")");
        }
        if (!repeated.isEmpty()) {
            throw new DomainRuleViolation(
                    422,
                    "duplicate-serial",
                    "A serial number given twice",
                    "Each unit has a serial number of its own; given more than once: "
                            + abbreviated(new ArrayList<>(repeated)));
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> line : quantities.entrySet()) {
            int got = serials.getOrDefault(line.getKey(), 0);
            boolean needed = monitored.get(line.getKey());
            if (got != line.getValue() && (needed || got > 0)) {
                wrong.add(line.getKey() + (needed ? " (monitored: " + why(lines, line.getKey(), licensed) + ")" : "")
                        + " needs " + line.getValue() + " serials, got " + got);
            }
        }
        if (!wrong.isEmpty()) {
            throw new DomainRuleViolation(
                    422,
                    "serials-required",
                    "Serial numbers required",
                    "Every unit of a dual-use line, and of any line of a shipment cleared under an export licence, "
                            + "needs a serial number, and a line given serials needs one per unit: "
                            + String.join("; ", wrong));
        }
        return List.copyOf(given);
    }

    private static String why(List<ShipmentLine> lines, String item, boolean licensed) {
        boolean dualUse = lines.stream().anyMatch(l -> l.itemCode().equals(item) && l.dualUse());
        return dualUse ? "dual-use" : licensed ? "cleared under an export licence" : "";
    }

    private static String abbreviated(List<String> serials) {
        return serials.size() <= 20
                ? String.join(", ", serials)
                : String.join(", ", serials.subList(0, 20)) + " and " + (serials.size() - 20) + " more";
    }
}
