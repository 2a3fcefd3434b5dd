package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A model-based test of the whole platform: random sequences of the documented actions of every
 * role (partner, reviewers, logistics), through the public REST APIs only, each chosen from what
 * the model of the platform says is valid at that moment. A valid action the platform refuses is
 * a failure. Afterwards some journeys are finished, the platform is left to become quiet, and the
 * invariants are checked (see {@link PlatformInvariants}).
 * <p>
 * Replay a run with {@code -Dmodel.seed=SEED -Dmodel.steps=N} (both printed first); CI runs the
 * default seed with 200 steps. It runs on the platform the fault tests share (one broker, two
 * reporting-service instances), under an agency, countries and programmes of its own.
 */
@Order(Order.DEFAULT + 4)
class PlatformModelIT {
    private static final long DEFAULT_SEED = 20261201L;

    @Test
    void random_journeys_of_every_role_leave_every_service_agreeing_and_every_figure_true() throws Exception {
        long seed = Long.getLong("model.seed", DEFAULT_SEED);
        int steps = Integer.getInteger("model.steps", 200);
        System.out.printf(
                "[model] seed=%d steps=%d (replay: -Dmodel.seed=%d -Dmodel.steps=%d)%n", seed, steps, seed, steps);
        long started = System.nanoTime();
        FaultPlatform platform = FaultPlatform.with(FaultPlatform.Topology.ONE_BROKER_TWO_REPORTERS);
        ModelApi api = new ModelApi(platform);
        PlatformModel model = ModelStage.setUp(api);
        List<String> violations = new ArrayList<>();
        boolean withdrawnItem = withdrawItem(api, violations);

        ModelRun run = new ModelRun(seed, model, api, Math.max(8, steps / 4));
        run.walk(steps);
        run.finish(0.7);
        run.settleAll();
        refusedSubmission(api, "MDL-NONE-9", "unknown", violations);
        if (withdrawnItem) {
            refusedSubmission(api, "MDL-OLD-4", "withdrawn", violations);
        }

        boolean quiet = awaitQuiet(platform, Duration.ofSeconds(90));
        if (!quiet) {
            violations.add("the platform did not become quiet within 90 s (consumer lag or unsent outbox rows)");
        }
        PlatformInvariants invariants = new PlatformInvariants(api, model);
        invariants.checkAll(platform.bootstrapServers());

        violations.addAll(0, run.violations);
        violations.addAll(invariants.violations);
        System.out.println("[model] moves made: " + run.movesMade);
        System.out.printf(
                "[model] steps=%d requests=%d statuses=%s violations=%d (seed=%d, %.0f s)%n",
                run.step(),
                model.requests.size(),
                invariants.statuses,
                violations.size(),
                seed,
                (System.nanoTime() - started) / 1e9);
        assertThat(violations)
                .as("violations (replay with -Dmodel.seed=" + seed + " -Dmodel.steps=" + steps + ")")
                .isEmpty();
    }

    /** An item the admin added, then withdrew from the catalogue: no submission may name it any more. */
    private static boolean withdrawItem(ModelApi api, List<String> violations) throws Exception {
        try {
            api.ok(
                    "POST",
                    api.equipment + "/catalogue",
                    api.admin,
                    Map.of(
                            "code",
                            "MDL-OLD-4",
                            "name",
                            "Model discontinued item",
                            "category",
                            "OFFICE_IT",
                            "unitCost",
                            Map.of("amount", "80.00", "currency", "USD"),
                            "dualUse",
                            false));
            api.ok(
                    "POST",
                    api.equipment + "/catalogue/MDL-OLD-4/withdrawal",
                    api.admin,
                    Map.of("reason", "Discontinued by the manufacturer"));
            return true;
        } catch (ModelApi.UnexpectedAnswer e) {
            violations.add("the admin could not withdraw a catalogue item: " + e.getMessage());
            System.out.println("[model] VIOLATION " + violations.get(violations.size() - 1));
            return false;
        }
    }

    /** A submission naming an item unknown to (or withdrawn from) the catalogue is refused, naming the line. */
    private static void refusedSubmission(ModelApi api, String item, String why, List<String> violations)
            throws Exception {
        Map<String, Object> body = PartnerMoves.draft(
                "NP",
                "CYBERCRIME",
                "LOW",
                "Model request naming an " + why + " item",
                new java.util.LinkedHashMap<>(Map.of("MDL-FOR-1", 1)),
                List.of());
        List<Object> lines = new ArrayList<>((List<?>) body.get("equipmentLines"));
        lines.add(Map.of("itemCode", item, "quantity", 1, "justification", "model test"));
        body.put("equipmentLines", lines);
        try {
            JsonNode problem = api.refused(422, "POST", api.requests + "/requests", api.partner, body);
            if (!problem.toString().contains("equipmentLines[1].itemCode")) {
                violations.add(
                        "the refusal of an " + why + " item does not name equipmentLines[1].itemCode: " + problem);
            }
        } catch (ModelApi.UnexpectedAnswer e) {
            violations.add("a submission naming an " + why + " item: " + e.getMessage());
        }
    }

    /** Quiet: no outbox row unsent and no record unread by any consumer group, twice in a row a second apart. */
    static boolean awaitQuiet(FaultPlatform platform, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        int quietInARow = 0;
        while (System.nanoTime() < deadline) {
            long unsent = EventLog.unsent(platform);
            long lag = EventLog.consumerLag(platform.bootstrapServers());
            quietInARow = unsent == 0 && lag == 0 ? quietInARow + 1 : 0;
            if (quietInARow == 2) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }
}
