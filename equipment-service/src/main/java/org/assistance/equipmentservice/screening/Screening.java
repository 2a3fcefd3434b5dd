package org.assistance.equipmentservice.screening;

import jakarta.enterprise.context.ApplicationScoped;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Screens a shipment line by line against the export-control and sanctions rules in force. */
@ApplicationScoped
public class Screening {

    public List<ScreeningHit> screen(String destination, List<ShipmentLine> lines) {
        List<ExportRule> rules = ExportRule.listAll();
        rules.sort(Comparator.comparing((ExportRule r) -> r.measure).thenComparing(r -> r.reference));
        List<ScreeningHit> hits = new ArrayList<>();
        for (ShipmentLine line : lines) {
            for (ExportRule rule : rules) {
                if (rule.applies(destination, line.category(), line.dualUse())) {
                    hits.add(new ScreeningHit(line.itemCode(), line.category(), rule.id, rule.measure.name(),
                            rule.reference, rule.reason));
                }
            }
        }
        return hits;
    }
}
