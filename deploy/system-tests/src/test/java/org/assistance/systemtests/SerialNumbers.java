package org.assistance.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The serial numbers logistics records at dispatch, one per unit of every line (every unit of a
 * dual-use or licence-conditioned line must have one; the tests give every unit one), made from
 * the shipment and the item so they are unique across the platform and a partner's receipt can
 * name the units it accepted: unit n (from 1) of item X in shipment S is {@code S<24 hex of S>-X-n}.
 */
final class SerialNumbers {
    private SerialNumbers() {}

    static String of(UUID shipment, String item, int unit) {
        return "S" + shipment.toString().replace("-", "").substring(0, 24) + "-" + item + "-" + unit;
    }

    /** The dispatch's {@code units}: every unit of every line. */
    static List<Map<String, Object>> units(UUID shipment, Map<String, Integer> lines) {
        List<Map<String, Object>> units = new ArrayList<>();
        lines.forEach((item, quantity) -> IntStream.rangeClosed(1, quantity)
                .forEach(n -> units.add(Map.of("itemCode", item, "serialNumber", of(shipment, item, n)))));
        return units;
    }

    /** The same from a shipment as equipment-service answers it. */
    static List<Map<String, Object>> units(JsonNode shipment) {
        Map<String, Integer> lines = new java.util.LinkedHashMap<>();
        shipment.get("lines")
                .forEach(l -> lines.merge(
                        l.get("itemCode").asText(), l.get("quantity").asInt(), Integer::sum));
        return units(UUID.fromString(shipment.get("id").asText()), lines);
    }

    /** The units a receipt accepts of a line when it rejects the others: the first {@code accepted}. */
    static List<String> accepted(UUID shipment, String item, int accepted) {
        return IntStream.rangeClosed(1, accepted)
                .mapToObj(n -> of(shipment, item, n))
                .toList();
    }
}
