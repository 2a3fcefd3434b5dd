package org.assistance.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.assistance.systemtests.PlatformModel.ExportRule;
import org.assistance.systemtests.PlatformModel.Request;
import org.assistance.systemtests.PlatformModel.Shipment;

/**
 * What an admin may do while the others work: add an export rule (every planned shipment it hits
 * is held at once) and retire one (it holds nothing more; what it held stays held until cleared).
 */
final class AdminMoves {
    private static final List<String> TARGETS = List.of("FORENSIC_IT", "COMMUNICATIONS", "SURVEILLANCE", "DUAL_USE");
    private static final int MOST_RULES = 8;

    private final ModelRun run;

    AdminMoves(ModelRun run) {
        this.run = run;
    }

    void offer(List<Move> moves) {
        if (run.model.rules.size() < MOST_RULES) {
            String country = run.pick(PartnerMoves.COUNTRIES);
            String target = run.pick(TARGETS);
            String measure = run.random.nextInt(3) == 0 ? "PROHIBITED" : "LICENCE_REQUIRED";
            moves.add(new Move(
                    Move.ADD_RULE,
                    null,
                    measure + " " + target + " to " + country,
                    () -> add(country, target, measure)));
        }
        for (PlatformModel.Programme programme : run.model.programmes.values()) {
            if (programme.available().compareTo(new java.math.BigDecimal("150000")) < 0) {
                moves.add(new Move(Move.CONTRIBUTE, null, "to " + programme.code, () -> fund(programme, true)));
            }
            moves.add(new Move(Move.PLEDGE, null, "to " + programme.code, () -> fund(programme, false)));
        }
        for (ExportRule rule : run.model.rules) {
            if (rule.inForce) {
                moves.add(new Move(Move.RETIRE_RULE, null, rule.toString(), () -> retire(rule)));
            }
        }
    }

    private void add(String country, String target, String measure) throws Exception {
        ExportRule rule = ModelStage.rule(run.api, run.model, country, target, measure);
        run.model.ruleChanges++;
        for (Request r : run.model.live()) {
            for (Shipment s : r.shipments.values()) {
                boolean hit =
                        s.lines.keySet().stream().anyMatch(item -> rule.hits(r.country, run.model.items.get(item)));
                if (s.status.equals("PLANNED") && hit) {
                    JsonNode now = run.api.get(run.api.equipment + "/shipments/" + s.id, run.api.logistics);
                    if (!now.path("status").asText().equals("HELD")) {
                        run.violation(r.describe() + ": shipment " + s.id + " is "
                                + now.path("status").asText() + " after rule " + rule
                                + " was added; a planned shipment it hits is HELD");
                    }
                    s.status = now.path("status").asText();
                    Observations.screenedFor(s, now);
                    r.story.add("shipment " + s.id + " held by the new rule " + rule);
                }
            }
        }
    }

    /** Money from a donor, sometimes in the other currency with its exchange rate. */
    private void fund(PlatformModel.Programme programme, boolean received) throws Exception {
        String donor = run.pick(ModelStage.DONORS);
        String amount = java.math.BigDecimal.valueOf(3_000_000 + run.random.nextInt(17_000_000), 2)
                .toPlainString();
        boolean converted = run.random.nextBoolean();
        String currency = converted ? (programme.currency.equals("USD") ? "EUR" : "USD") : programme.currency;
        String rate = converted
                ? java.math.BigDecimal.valueOf(9000 + run.random.nextInt(2500), 4)
                        .toPlainString()
                : null;
        if (received) {
            ModelStage.contribution(run.api, run.model, programme.code, donor, amount, currency, rate);
        } else {
            ModelStage.pledge(run.api, run.model, programme.code, donor, amount, currency, rate);
        }
    }

    private void retire(ExportRule rule) throws Exception {
        run.api.ok(
                "POST",
                run.api.equipment + "/export-rules/" + rule.id + "/retirement",
                run.api.admin,
                Map.of("reason", "Lifted (model test)"));
        rule.inForce = false;
        run.model.ruleChanges++;
    }
}
