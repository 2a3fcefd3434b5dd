package org.assistance.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assistance.systemtests.PlatformModel.Activity;
import org.assistance.systemtests.PlatformModel.Backorder;
import org.assistance.systemtests.PlatformModel.Request;
import org.assistance.systemtests.PlatformModel.Shipment;

/**
 * What logistics staff may do: receive stock, clear a held shipment (removing prohibited lines),
 * cancel a shipment or a backorder, dispatch, deliver, and deliver or cancel an activity.
 */
final class LogisticsMoves {
    private final ModelRun run;

    LogisticsMoves(ModelRun run) {
        this.run = run;
    }

    void offer(List<Move> moves) {
        for (String item : run.model.items.keySet()) {
            int waiting = run.model.openBackorders(item);
            moves.add(new Move(
                    Move.RECEIVE_STOCK,
                    null,
                    item + (waiting > 0 ? " (" + waiting + " backordered)" : ""),
                    () -> receiveStock(
                            item, waiting > 0 && run.random.nextBoolean() ? waiting : 1 + run.random.nextInt(8))));
        }
        for (Request r : run.settled()) {
            for (Shipment s : r.shipments.values()) {
                switch (s.status) {
                    case "HELD" -> {
                        if (clearable(r, s)) {
                            moves.add(new Move(Move.CLEAR, r, "shipment " + s.id + " " + s.hits, () -> clear(r, s)));
                        }
                        moves.add(new Move(Move.CANCEL_SHIPMENT, r, "held shipment " + s.id, () -> cancel(r, s)));
                    }
                    case "PLANNED", "CLEARED" -> {
                        List<String> stopping = stoppingDispatch(r, s);
                        if (stopping.isEmpty()) {
                            moves.add(new Move(
                                    Move.DISPATCH,
                                    r,
                                    s.status.toLowerCase() + " shipment " + s.id,
                                    () -> dispatch(r, s)));
                        } else if (!r.refusalsTried.contains(Move.REFUSED_DISPATCH + " " + s.id)) {
                            moves.add(new Move(
                                    Move.REFUSED_DISPATCH,
                                    r,
                                    "shipment " + s.id + " hit by " + stopping,
                                    () -> dispatchRefused(r, s)));
                        }
                        moves.add(new Move(
                                Move.CANCEL_SHIPMENT,
                                r,
                                s.status.toLowerCase() + " shipment " + s.id,
                                () -> cancel(r, s)));
                    }
                    case "DISPATCHED" ->
                        moves.add(new Move(Move.DELIVER_SHIPMENT, r, "shipment " + s.id, () -> deliver(r, s)));
                    default -> {}
                }
            }
            for (Backorder b : r.backorders.values()) {
                if (b.id >= 0) {
                    moves.add(new Move(Move.CANCEL_BACKORDER, r, b.open + " x " + b.item, () -> cancel(r, b)));
                }
            }
            for (Activity a : r.activities.values()) {
                if (a.status.equals("PLANNED")) {
                    if (r.commitmentLeft().compareTo(new BigDecimal("0.01")) >= 0) {
                        moves.add(new Move(Move.DELIVER_ACTIVITY, r, a.kind + " " + a.id, () -> deliver(r, a)));
                    }
                    moves.add(new Move(Move.CANCEL_ACTIVITY, r, a.kind + " " + a.id, () -> cancel(r, a)));
                }
            }
        }
    }

    /** A held shipment can be cleared unless every line is prohibited by a rule in force (then only cancelled). */
    private boolean clearable(Request r, Shipment s) {
        Map<String, List<PlatformModel.ExportRule>> hits = run.model.hitsNow(r.country, s.lines.keySet());
        return s.lines.keySet().stream()
                .anyMatch(item -> hits.getOrDefault(item, List.of()).stream()
                        .noneMatch(rule -> rule.measure.equals("PROHIBITED")));
    }

    /** The rules in force that hit the shipment but that it was neither held for nor cleared of. */
    private List<String> stoppingDispatch(Request r, Shipment s) {
        List<String> stopping = new ArrayList<>();
        run.model
                .hitsNow(r.country, s.lines.keySet())
                .forEach((item, rules) -> rules.stream()
                        .filter(rule -> !s.screenedFor.contains(rule.hitOn(item)))
                        .forEach(rule -> stopping.add(rule + " on " + item)));
        return stopping;
    }

    private void dispatchRefused(Request r, Shipment s) throws Exception {
        r.refusalsTried.add(Move.REFUSED_DISPATCH + " " + s.id);
        run.api.refused(
                409,
                "POST",
                run.api.equipment + "/shipments/" + s.id + "/dispatch",
                run.api.logistics,
                Map.of(
                        "mode",
                        "AIR",
                        "carrier",
                        "Model carrier",
                        "trackingReference",
                        "MDL-REFUSED",
                        "expectedDelivery",
                        LocalDate.now().plusDays(10).toString(),
                        "units",
                        SerialNumbers.units(s.id, s.lines)));
    }

    /**
     * Stock received fulfils open backorders of the item (highest priority, then oldest) as new
     * shipments from that warehouse, within the receipt: afterwards either no backorder of the item
     * is open or the warehouse has none of it free.
     */
    void receiveStock(String item, int quantity) throws Exception {
        String warehouse = run.pick(run.model.warehouses);
        run.api.ok(
                "POST",
                run.api.equipment + "/warehouses/" + warehouse + "/stock",
                run.api.logistics,
                Map.of("itemCode", item, "quantity", quantity));
        run.model.items.get(item).received()[0] += quantity;
        int open = 0;
        for (JsonNode b : run.api.all(run.api.equipment + "/backorders?status=OPEN", run.api.logistics)) {
            open += b.path("itemCode").asText().equals(item)
                    ? b.path("remaining").asInt()
                    : 0;
        }
        int free = 0;
        for (JsonNode level : run.api.all(run.api.equipment + "/stock", run.api.logistics)) {
            if (level.path("warehouse").asText().equals(warehouse)
                    && level.path("itemCode").asText().equals(item)) {
                free = level.path("free").asInt();
            }
        }
        if (open > 0 && free > 0) {
            run.violation(quantity + " x " + item + " received into " + warehouse + " left " + free
                    + " free there while " + open + " stay backordered");
        }
        for (Request r : run.model.live()) {
            if (r.backorders.values().stream().anyMatch(b -> b.item.equals(item))) {
                r.ruleChangesAtPlanning = run.model.ruleChanges;
                r.story.add(quantity + " x " + item + " received into " + warehouse + " while it waited for it");
                run.expect(r, run.observe.equipmentPlanned(r));
                run.expect(r, run.observe.requestStatus(r));
            }
        }
    }

    /** Cleared against the rules in force now: prohibited lines taken off, a licence for the others. */
    private void clear(Request r, Shipment s) throws Exception {
        List<String> remove = new ArrayList<>();
        boolean licence = false;
        Map<String, List<PlatformModel.ExportRule>> hits = run.model.hitsNow(r.country, s.lines.keySet());
        for (Map.Entry<String, List<PlatformModel.ExportRule>> hit : hits.entrySet()) {
            if (hit.getValue().stream().anyMatch(rule -> rule.measure.equals("PROHIBITED"))) {
                remove.add(hit.getKey());
            } else {
                licence = true;
                hit.getValue().forEach(rule -> s.screenedFor.add(rule.hitOn(hit.getKey())));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (licence) {
            body.put("licenceReference", "EXP-MODEL-" + r.number);
            body.put("licenceDate", LocalDate.now().toString());
        }
        if (!remove.isEmpty()) {
            body.put("removeItems", remove);
        }
        run.api.ok("POST", run.api.equipment + "/shipments/" + s.id + "/clearance", run.api.logistics, body);
        for (String item : remove) {
            r.cancel(item, s.lines.remove(item));
        }
        s.status = "CLEARED";
        r.story.add("shipment " + s.id + " cleared" + (remove.isEmpty() ? "" : ", removed " + remove));
        run.expect(r, run.observe.requestStatus(r));
    }

    private void cancel(Request r, Shipment s) throws Exception {
        run.api.ok(
                "POST",
                run.api.equipment + "/shipments/" + s.id + "/cancellation",
                run.api.logistics,
                Map.of("reason", "Replaced by the model test"));
        s.lines.forEach(r::cancel);
        s.status = "CANCELLED";
        r.story.add("shipment " + s.id + " cancelled");
        run.expect(r, run.observe.requestStatus(r));
    }

    private void cancel(Request r, Backorder b) throws Exception {
        run.api.ok(
                "POST",
                run.api.equipment + "/backorders/" + b.reference + "/cancellation",
                run.api.logistics,
                Map.of("reason", "No longer needed (model test)"));
        r.cancel(b.item, b.open);
        r.backorders.remove(b.id);
        r.story.add("backorder " + b.id + " of " + b.open + " x " + b.item + " cancelled");
        run.expect(r, run.observe.requestStatus(r));
    }

    private void dispatch(Request r, Shipment s) throws Exception {
        run.api.ok(
                "POST",
                run.api.equipment + "/shipments/" + s.id + "/dispatch",
                run.api.logistics,
                Map.of(
                        "mode",
                        run.pick(List.of("AIR", "SEA", "LAND")),
                        "carrier",
                        "Model carrier",
                        "trackingReference",
                        "MDL-" + s.id.toString().substring(0, 8),
                        "expectedDelivery",
                        LocalDate.now().plusDays(10).toString(),
                        "units",
                        SerialNumbers.units(s.id, s.lines)));
        s.status = "DISPATCHED";
        r.story.add("shipment " + s.id + " dispatched");
        run.expect(r, run.observe.requestStatus(r));
        run.expect(r, run.observe.incomingShipment(r, s.id, "DISPATCHED"));
    }

    private void deliver(Request r, Shipment s) throws Exception {
        run.api.ok(
                "POST",
                run.api.equipment + "/shipments/" + s.id + "/delivery",
                run.api.logistics,
                Map.of("deliveredAt", OffsetDateTime.now().toString()));
        s.status = "DELIVERED";
        r.story.add("shipment " + s.id + " delivered");
        run.expect(r, run.observe.requestStatus(r));
        run.expect(r, run.observe.incomingShipment(r, s.id, "DELIVERED"));
    }

    /** Its cost is disbursed against the request's commitment, never more than is left of it. */
    private void deliver(Request r, Activity a) throws Exception {
        BigDecimal cost = r.commitmentLeft()
                .min(BigDecimal.valueOf(200 + run.random.nextInt(280_000), 2))
                .setScale(2, RoundingMode.DOWN);
        String currency = run.model.programmes.get(r.approval.programme()).currency;
        int women = run.random.nextInt(10);
        int men = run.random.nextInt(10);
        run.api.ok(
                "POST",
                run.api.programs + "/activities/" + a.id + "/delivery",
                run.api.logistics,
                Map.of(
                        "actualStart",
                        LocalDate.now().minusDays(2).toString(),
                        "actualEnd",
                        LocalDate.now().toString(),
                        "participants",
                        Map.of("women", women, "men", men, "total", women + men),
                        "authoritiesReached",
                        List.of("Model unit"),
                        "outcome",
                        "Delivered in the model test",
                        "cost",
                        Map.of("amount", cost.toPlainString(), "currency", currency)));
        a.status = "DELIVERED";
        r.disbursed = r.disbursed.add(cost);
        PlatformModel.Programme programme = run.model.programmes.get(r.approval.programme());
        programme.disbursed = programme.disbursed.add(cost);
        r.story.add(a.kind + " " + a.id + " delivered, cost " + cost);
        run.expect(r, run.observe.requestStatus(r));
    }

    private void cancel(Request r, Activity a) throws Exception {
        run.api.ok(
                "POST",
                run.api.programs + "/activities/" + a.id + "/cancellation",
                run.api.logistics,
                Map.of("reason", "The authority postponed it (model test)"));
        a.status = "CANCELLED";
        r.story.add(a.kind + " " + a.id + " cancelled");
        run.expect(r, run.observe.requestStatus(r));
    }
}
