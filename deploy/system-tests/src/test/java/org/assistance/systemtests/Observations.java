package org.assistance.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.assistance.systemtests.PlatformModel.Backorder;
import org.assistance.systemtests.PlatformModel.Expectation;
import org.assistance.systemtests.PlatformModel.Request;
import org.assistance.systemtests.PlatformModel.Shipment;

/**
 * What the test waits to see in the services after a move, because the platform does it
 * asynchronously through its events (e.g. request-service shows APPROVED once program-service's
 * event arrived; equipment-service plans the shipments of an approval). Shipments, backorders and
 * activities the platform created are taken into the model when they are seen.
 */
final class Observations {
    private final ModelApi api;
    private final PlatformModel model;
    private final Consumer<String> violation;

    Observations(ModelApi api, PlatformModel model, Consumer<String> violation) {
        this.api = api;
        this.model = model;
        this.violation = violation;
    }

    interface Check {
        boolean met() throws Exception;
    }

    static Expectation expect(String what, Check check) {
        long since = System.nanoTime();
        return new Expectation() {
            @Override
            public String what() {
                return what;
            }

            @Override
            public boolean met() throws Exception {
                return check.met();
            }

            @Override
            public long since() {
                return since;
            }

            @Override
            public String toString() {
                return what;
            }
        };
    }

    /** request-service shows the status the model expects (evaluated when looked at). */
    Expectation requestStatus(Request r) {
        return expect("request-service shows the expected status", () -> {
            Http.Answer answer = api.look(api.requests + "/requests/" + r.id, api.partner);
            return answer.status() == 200
                    && r.expectedStatus()
                            .equals(ModelApi.parse(answer).path("status").asText());
        });
    }

    /** program-service's review case is in this status (and shows the request's current title). */
    Expectation reviewCase(Request r, PlatformModel.Review status) {
        return expect("program-service's review case " + status + " with title '" + r.title + "'", () -> {
            Http.Answer answer = api.look(api.programs + "/reviews/" + r.id, api.reviewerAna);
            if (answer.status() != 200) {
                return false;
            }
            JsonNode review = ModelApi.parse(answer);
            return review.path("status").asText().equals(status.name())
                    && review.path("title").asText().equals(r.title);
        });
    }

    /** request-service's copy of a shipment (what the partner confirms receipt against) reached a stage. */
    Expectation incomingShipment(Request r, UUID shipment, String stage) {
        return expect("request-service shows shipment " + shipment + " " + stage, () -> {
            Http.Answer answer = api.look(api.requests + "/requests/" + r.id + "/shipments", api.partner);
            if (answer.status() != 200) {
                return false;
            }
            for (JsonNode s : ModelApi.parse(answer)) {
                if (s.path("shipmentId").asText().equals(shipment.toString())) {
                    return s.path("stage").asText().equals(stage);
                }
            }
            return false;
        });
    }

    /** equipment-service shows a shipment in a status (e.g. RECEIVED once the partner's receipt arrived). */
    Expectation shipmentStatus(Request r, UUID shipment, String status) {
        return expect("equipment-service shows shipment " + shipment + " " + status, () -> {
            Http.Answer answer = api.look(api.equipment + "/shipments/" + shipment, api.logistics);
            return answer.status() == 200
                    && ModelApi.parse(answer).path("status").asText().equals(status);
        });
    }

    /** equipment-service planned every approved unit: in a shipment or a backorder. */
    Expectation equipmentPlanned(Request r) {
        return expect(
                "equipment-service planned every approved unit (shipments + backorders)", () -> adoptEquipment(r));
    }

    /** program-service planned the approval's activities. */
    Expectation activitiesPlanned(Request r) {
        return expect("program-service planned " + r.approval.activities() + " activities", () -> {
            Http.Answer answer = api.look(api.programs + "/activities?requestId=" + r.id, api.logistics);
            if (answer.status() != 200) {
                return false;
            }
            JsonNode activities = ModelApi.parse(answer);
            if (activities.size() < r.approval.activities()) {
                return false;
            }
            for (JsonNode a : activities) {
                UUID id = UUID.fromString(a.path("id").asText());
                r.activities.computeIfAbsent(
                        id, k -> new PlatformModel.Activity(id, a.path("kind").asText()));
            }
            if (activities.size() > r.approval.activities()) {
                violation.accept(r.describe() + ": program-service planned " + activities.size()
                        + " activities, the approval named " + r.approval.activities() + ": " + activities);
            }
            return true;
        });
    }

    /**
     * Takes equipment-service's shipments and open backorders of a request into the model: new
     * shipments (screened as the export rules say), backorders as they stand now. True when
     * every approved unit is accounted for.
     */
    boolean adoptEquipment(Request r) throws Exception {
        Http.Answer shipments = api.look(api.equipment + "/shipments?requestId=" + r.id, api.logistics);
        Http.Answer backorders = api.look(api.equipment + "/backorders?requestId=" + r.id, api.logistics);
        if (shipments.status() != 200 || backorders.status() != 200) {
            return false;
        }
        for (JsonNode s : ModelApi.parse(shipments)) {
            UUID id = UUID.fromString(s.path("id").asText());
            if (!r.shipments.containsKey(id)) {
                Shipment shipment = shipmentOf(s);
                r.shipments.put(id, shipment);
                screened(r, shipment);
            }
        }
        r.backorders.clear();
        for (JsonNode b : ModelApi.parse(backorders)) {
            String status = b.path("status").asText("");
            int open = b.has("remaining")
                    ? b.path("remaining").asInt()
                    : b.path("quantity").asInt();
            if (open > 0 && !status.equals("FULFILLED") && !status.equals("CANCELLED")) {
                long id = b.has("id") ? b.path("id").asLong() : -1 - r.backorders.size();
                r.backorders.put(
                        id,
                        new Backorder(
                                id,
                                b.path("reference").asText(),
                                b.path("itemCode").asText(),
                                open));
            }
        }
        return r.approval.lines().keySet().stream().allMatch(item -> r.unaccounted(item) == 0);
    }

    static Shipment shipmentOf(JsonNode s) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        s.path("lines")
                .forEach(l -> lines.merge(
                        l.path("itemCode").asText(), l.path("quantity").asInt(), Integer::sum));
        Shipment shipment = new Shipment(
                UUID.fromString(s.path("id").asText()),
                s.path("warehouse").asText(),
                s.path("status").asText(),
                lines,
                new LinkedHashMap<>());
        screenedFor(shipment, s);
        return shipment;
    }

    /** Takes in the hits equipment-service shows on a shipment (held for them, or cleared of them). */
    static void screenedFor(Shipment shipment, JsonNode s) {
        // PROHIBITED wins over LICENCE_REQUIRED for a line hit by both
        s.path("hits").forEach(h -> {
            shipment.hits.merge(
                    h.path("itemCode").asText(), h.path("measure").asText(), (a, b) -> a.equals("PROHIBITED") ? a : b);
            shipment.screenedFor.add(h.path("ruleId").asText() + ":"
                    + h.path("itemCode").asText() + ":" + h.path("measure").asText());
        });
    }

    /** A new shipment is HELD exactly when an export rule in force hits one of its lines for the request's country. */
    private void screened(Request r, Shipment shipment) {
        if (r.ruleChangesAtPlanning != model.ruleChanges) {
            return; // a rule changed since it was planned: which rules screened it is not known
        }
        Map<String, List<PlatformModel.ExportRule>> hits = model.hitsNow(r.country, shipment.lines.keySet());
        String expected = hits.isEmpty() ? "PLANNED" : "HELD";
        if (!expected.equals(shipment.status)) {
            violation.accept(r.describe() + ": shipment " + shipment.id + " to " + r.country + " is " + shipment.status
                    + ", the export rules say " + expected + " " + hits);
        }
    }
}
