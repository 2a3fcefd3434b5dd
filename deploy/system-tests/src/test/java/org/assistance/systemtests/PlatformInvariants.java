package org.assistance.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assistance.systemtests.PlatformModel.Request;

/**
 * The invariants of the whole platform, checked once it is quiet, each through the public APIs:
 * every request's status agrees across the four services (and with the model); money is never
 * committed beyond what was received and is attributed to donors once; stock received is free,
 * reserved or shipped; no timeline is out of order or has an event twice; nothing was dead-lettered.
 */
final class PlatformInvariants {
    /**
     * How the other services show a request in each request-service status: program-service's
     * review status, and the phase reporting-service's timeline tells (from its event types).
     */
    static final Map<String, Set<String>> REVIEW_STATUS = new LinkedHashMap<>();

    static final Map<String, String> TIMELINE_PHASE = new LinkedHashMap<>();

    static {
        for (String review : List.of("SUBMITTED", "UNDER_REVIEW")) {
            REVIEW_STATUS.put(review, Set.of("PENDING", "AWAITING_SECOND_APPROVAL"));
            TIMELINE_PHASE.put(review, "IN_REVIEW");
        }
        REVIEW_STATUS.put("INFORMATION_REQUESTED", Set.of("INFORMATION_REQUESTED"));
        TIMELINE_PHASE.put("INFORMATION_REQUESTED", "IN_REVIEW");
        for (String decided : List.of("APPROVED", "PARTIALLY_APPROVED")) {
            REVIEW_STATUS.put(decided, Set.of("APPROVED"));
            TIMELINE_PHASE.put(decided, "APPROVED");
        }
        for (String delivery : List.of("IN_DELIVERY", "DELIVERED", "CANCELLED", "CLOSED")) {
            REVIEW_STATUS.put(delivery, Set.of("APPROVED"));
            TIMELINE_PHASE.put(delivery, delivery);
        }
        for (String ended : List.of("REJECTED", "WITHDRAWN")) {
            REVIEW_STATUS.put(ended, Set.of(ended));
            TIMELINE_PHASE.put(ended, ended);
        }
    }

    private static final Set<String> NOT_DISPATCHED = Set.of("PLANNED", "HELD", "CLEARED", "CANCELLED");
    private static final Set<String> ENDED = Set.of("DELIVERED", "RECEIVED", "CANCELLED");

    private final ModelApi api;
    private final PlatformModel model;
    final List<String> violations = new ArrayList<>();
    final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<String, Map<String, Integer>> statusesByCountry = new TreeMap<>();
    private final List<JsonNode> shipments = new ArrayList<>();

    PlatformInvariants(ModelApi api, PlatformModel model) {
        this.api = api;
        this.model = model;
    }

    interface Check {
        void run() throws Exception;
    }

    void checkAll(String bootstrapServers) {
        for (Request r : model.requests.values()) {
            check(r.describe(), () -> request(r));
        }
        check("dashboard stages", this::dashboardStages);
        for (String programme : model.programmes.keySet()) {
            check("money of " + programme, () -> money(programme));
        }
        for (String item : model.items.keySet()) {
            check("stock of " + item, () -> stock(item));
        }
        check("export rules", this::exportRules);
        check("dead-letter topics", () -> {
            for (EventLog.DeadLetter dead : EventLog.deadLetters(bootstrapServers)) {
                violation("dead-lettered: " + dead);
            }
        });
    }

    /** One invariant; a service answering what no invariant allows (e.g. 404 for a known request) is a violation too. */
    private void check(String what, Check check) {
        try {
            check.run();
        } catch (Exception e) {
            violation(what + ": could not be checked: " + e.getMessage());
        }
    }

    /** Reporting's phase from a timeline's event types, the most advanced first. */
    static String phaseOf(List<String> types) {
        for (String[] phase : new String[][] {
            {"request.closed", "CLOSED"},
            {"request.cancelled", "CANCELLED"},
            {"request.delivered", "DELIVERED"},
            {"request.delivery-started", "IN_DELIVERY"},
            {"review.approved", "APPROVED"},
            {"review.rejected", "REJECTED"},
            {"request.withdrawn", "WITHDRAWN"}
        }) {
            if (types.contains("assistance." + phase[0] + ".v1")) {
                return phase[1];
            }
        }
        return "IN_REVIEW";
    }

    private void request(Request r) throws Exception {
        JsonNode request = api.get(api.requests + "/requests/" + r.id, api.partner);
        String status = request.path("status").asText();
        statuses.merge(status, 1, Integer::sum);
        statusesByCountry.computeIfAbsent(r.country, c -> new TreeMap<>()).merge(status, 1, Integer::sum);
        List<String> disagreements = new ArrayList<>();
        if (r.lost == null && !status.equals(r.expectedStatus())) {
            disagreements.add("the model expects " + r.expectedStatus());
        }
        // program-service
        String review = api.get(api.programs + "/reviews/" + r.id, api.reviewerAna)
                .path("status")
                .asText();
        if (!REVIEW_STATUS.getOrDefault(status, Set.of()).contains(review)) {
            disagreements.add(
                    "program-service's review is " + review + ", expected one of " + REVIEW_STATUS.get(status));
        }
        // equipment-service
        List<JsonNode> ofRequest = api.all(api.equipment + "/shipments?requestId=" + r.id, api.logistics);
        shipments.addAll(ofRequest);
        List<String> shipmentStatuses =
                ofRequest.stream().map(s -> s.path("status").asText()).toList();
        int openBackorders = 0;
        for (JsonNode b : api.all(api.equipment + "/backorders?requestId=" + r.id, api.logistics)) {
            String state = b.path("status").asText("");
            int open = b.has("remaining")
                    ? b.path("remaining").asInt()
                    : b.path("quantity").asInt();
            openBackorders += !state.equals("FULFILLED") && !state.equals("CANCELLED") ? open : 0;
        }
        String equipment = equipmentDisagreement(status, shipmentStatuses, openBackorders);
        if (equipment != null) {
            disagreements.add("equipment-service: " + equipment + " (shipments " + shipmentStatuses + ", "
                    + openBackorders + " units backordered)");
        }
        if (r.lost == null) {
            for (PlatformModel.Shipment s : r.shipments.values()) {
                String actual = ofRequest.stream()
                        .filter(j -> j.path("id").asText().equals(s.id.toString()))
                        .map(j -> j.path("status").asText())
                        .findFirst()
                        .orElse("missing");
                if (!actual.equals(s.status)) {
                    disagreements.add(
                            "equipment-service's shipment " + s.id + " is " + actual + ", the model says " + s.status);
                }
            }
        }
        // request-service's deliverables view agrees with its status
        Http.Answer deliverables = api.look(api.requests + "/requests/" + r.id + "/deliverables", api.partner);
        if (deliverables.status() != 200) {
            disagreements.add("GET /requests/{id}/deliverables answered " + deliverables.status());
        } else {
            JsonNode view = ModelApi.parse(deliverables);
            if (!view.path("status").asText().equals(status)) {
                disagreements.add(
                        "its deliverables view says " + view.path("status").asText());
            }
            if (r.lost == null && r.approval != null) {
                deliverables(r, view, disagreements);
            }
        }
        // reporting-service: the timeline's phase, its order, no event twice
        List<String> types = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        OffsetDateTime previous = null;
        JsonNode timeline = api.get(api.reporting + "/requests/" + r.id + "/timeline", api.partner);
        for (JsonNode entry : timeline) {
            types.add(entry.path("type").asText());
            if (!eventIds.add(entry.path("eventId").asText())) {
                disagreements.add("reporting's timeline has event "
                        + entry.path("eventId").asText() + " twice");
            }
            OffsetDateTime time = OffsetDateTime.parse(entry.path("time").asText());
            if (previous != null && time.isBefore(previous)) {
                disagreements.add("reporting's timeline is out of time order at " + entry);
            }
            previous = time;
        }
        for (String once : r.approval == null
                ? List.of("request.submitted")
                : List.of("request.submitted", "review.approved", "funds.committed")) {
            long times = types.stream()
                    .filter(("assistance." + once + ".v1")::equals)
                    .count();
            if (times != 1) {
                disagreements.add("reporting's timeline has " + once + " " + times + " times");
            }
        }
        if (types.isEmpty() || !types.get(0).equals("assistance.request.submitted.v1")) {
            disagreements.add("reporting's timeline does not start with the submission: " + types);
        }
        if (r.lost == null) {
            eventsPerShipmentAndActivity(r, types, shipmentStatuses, disagreements);
        }
        String phase = phaseOf(types);
        if (!phase.equals(TIMELINE_PHASE.get(status))) {
            disagreements.add("reporting's timeline tells " + phase + ", expected " + TIMELINE_PHASE.get(status));
        }
        if (!disagreements.isEmpty()) {
            violation(r.describe() + ": request-service says " + status + "; " + String.join("; ", disagreements) + "\n"
                    + whatEachServiceSays(api, r) + "\n  story: " + r.story);
        }
    }

    /** The timeline tells each shipment's and activity's story once: as many events of each kind as the services show. */
    private void eventsPerShipmentAndActivity(
            Request r, List<String> types, List<String> shipments, List<String> disagreements) throws Exception {
        List<String> activities = new ArrayList<>();
        if (r.approval != null) {
            api.get(api.programs + "/activities?requestId=" + r.id, api.logistics)
                    .forEach(a -> activities.add(a.path("status").asText()));
        }
        Map<String, Long> expected = new TreeMap<>();
        expected.put("shipment.planned", (long) shipments.size());
        expected.put(
                "shipment.dispatched",
                shipments.stream()
                        .filter(Set.of("DISPATCHED", "IN_TRANSIT", "DELIVERED", "RECEIVED")::contains)
                        .count());
        expected.put(
                "shipment.delivered",
                shipments.stream()
                        .filter(Set.of("DELIVERED", "RECEIVED")::contains)
                        .count());
        expected.put(
                "shipment.cancelled",
                shipments.stream().filter("CANCELLED"::equals).count());
        expected.put(
                "activity.delivered",
                activities.stream().filter("DELIVERED"::equals).count());
        expected.put(
                "activity.cancelled",
                activities.stream().filter("CANCELLED"::equals).count());
        Map<String, Long> told = new TreeMap<>();
        expected.keySet()
                .forEach(type -> told.put(
                        type,
                        types.stream()
                                .filter(("assistance." + type + ".v1")::equals)
                                .count()));
        if (!expected.equals(told)) {
            disagreements.add("reporting's timeline tells " + told + ", the services show " + expected);
        }
    }

    /**
     * The partner's view of what is owed: one deliverable per approved item code (item:CODE, in
     * units) and per activity, each in the state its shipments or activity imply; outstanding are
     * those neither delivered nor cancelled.
     */
    private static void deliverables(Request r, JsonNode view, List<String> disagreements) {
        Map<String, String> expected = new TreeMap<>();
        r.approval.lines().forEach((item, approved) -> {
            int delivered = r.delivered(item);
            int cancelled = r.cancelled.getOrDefault(item, 0);
            String state = delivered + cancelled == approved && delivered > 0
                    ? "DELIVERED"
                    : cancelled == approved ? "CANCELLED" : r.dispatched(item) > 0 ? "IN_PROGRESS" : "PENDING";
            expected.put(
                    "item:" + item, "%s %d delivered %d cancelled %d".formatted(state, approved, delivered, cancelled));
        });
        r.activities
                .values()
                .forEach(a -> expected.put(
                        a.id.toString(),
                        (a.status.equals("PLANNED") ? "PENDING" : a.status) + " 1 delivered "
                                + (a.status.equals("DELIVERED") ? 1 : 0) + " cancelled "
                                + (a.status.equals("CANCELLED") ? 1 : 0)));
        Map<String, String> shown = new TreeMap<>();
        for (JsonNode d : view.path("deliverables")) {
            shown.put(
                    d.path("deliverableId").asText(),
                    "%s %d delivered %d cancelled %d"
                            .formatted(
                                    d.path("state").asText(),
                                    d.path("quantity").asInt(),
                                    d.path("quantityDelivered").asInt(),
                                    d.path("quantityCancelled").asInt()));
        }
        if (!expected.equals(shown)) {
            disagreements.add("deliverables are " + shown + ", the model expects " + expected);
        }
        long outstanding = expected.values().stream()
                .filter(v -> !v.startsWith("DELIVERED") && !v.startsWith("CANCELLED"))
                .count();
        if (view.path("outstanding").size() != outstanding) {
            disagreements.add(
                    view.path("outstanding").size() + " deliverables outstanding, the model expects " + outstanding);
        }
    }

    /** What equipment-service's shipments and backorders must look like for a request in this status; null if they do. */
    static String equipmentDisagreement(String status, List<String> shipments, int openBackorders) {
        switch (status) {
            case "APPROVED", "PARTIALLY_APPROVED":
                return NOT_DISPATCHED.containsAll(shipments) ? null : "a shipment was dispatched";
            case "IN_DELIVERY":
                return null;
            case "DELIVERED", "CLOSED":
                return ENDED.containsAll(shipments) && openBackorders == 0
                        ? null
                        : "a shipment or backorder is still open";
            case "CANCELLED":
                return shipments.stream().allMatch("CANCELLED"::equals) && openBackorders == 0
                        ? null
                        : "something was not cancelled";
            default:
                return shipments.isEmpty() && openBackorders == 0 ? null : "it has shipments before any approval";
        }
    }

    /** The dashboard of each of the model's countries counts the requests in each stage as request-service shows them. */
    private void dashboardStages() throws Exception {
        for (Map.Entry<String, Map<String, Integer>> country : statusesByCountry.entrySet()) {
            JsonNode kpis = api.get(api.reporting2 + "/dashboard?country=" + country.getKey(), api.operations);
            Map<String, Integer> expected = new TreeMap<>();
            country.getValue()
                    .forEach((status, n) -> expected.merge(
                            TIMELINE_PHASE.get(status).equals("IN_REVIEW") ? "IN_REVIEW" : status, n, Integer::sum));
            Map<String, Integer> shown = new TreeMap<>();
            kpis.path("byStage")
                    .fields()
                    .forEachRemaining(stage -> shown.merge(
                            Set.of("SUBMITTED", "INFORMATION_REQUESTED", "UNDER_REVIEW")
                                            .contains(stage.getKey())
                                    ? "IN_REVIEW"
                                    : stage.getKey(),
                            stage.getValue().asInt(),
                            Integer::sum));
            shown.values().removeIf(n -> n == 0);
            if (!expected.equals(shown)
                    || kpis.path("requests").asInt()
                            != country.getValue().values().stream()
                                    .mapToInt(Integer::intValue)
                                    .sum()) {
                violation("dashboard of " + country.getKey() + " shows "
                        + kpis.path("requests").asInt() + " requests " + shown + ", request-service " + expected);
            }
        }
    }

    /**
     * Money: committed never above received; each total equals the sum over donors; program-service
     * equals the model; the dashboard credits every donor what program-service does.
     */
    private void money(String code) throws Exception {
        PlatformModel.Programme expected = model.programmes.get(code);
        JsonNode programme = api.get(api.programs + "/programmes/" + code, api.admin);
        BigDecimal received = amount(programme.path("received"));
        BigDecimal committed = amount(programme.path("committed"));
        BigDecimal disbursed = amount(programme.path("disbursed"));
        List<String> wrong = new ArrayList<>();
        if (committed.compareTo(received) > 0) {
            wrong.add("committed " + committed + " > received " + received);
        }
        compare(wrong, "received (model)", expected.received, received);
        compare(wrong, "committed (model)", expected.committed, committed);
        compare(wrong, "disbursed (model)", expected.disbursed, disbursed);
        Map<String, BigDecimal[]> donors = new TreeMap<>();
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        if (!programme.has("donors")) {
            wrong.add("GET /programmes/" + code + " has no donors");
        }
        for (JsonNode donor : programme.path("donors")) {
            BigDecimal[] money = {
                amount(donor.path("received")), amount(donor.path("committed")), amount(donor.path("disbursed"))
            };
            donors.put(donor.path("donorId").asText(), money);
            for (int i = 0; i < 3; i++) {
                sums[i] = sums[i].add(money[i]);
            }
        }
        if (programme.has("donors")) {
            compare(wrong, "received = sum over donors", received, sums[0]);
            compare(wrong, "committed = sum over donors", committed, sums[1]);
            compare(wrong, "disbursed = sum over donors", disbursed, sums[2]);
        }
        // the dashboard: one row per programme and donor
        JsonNode kpis = api.get(api.reporting + "/dashboard", api.operations);
        BigDecimal dashboardCommitted = BigDecimal.ZERO;
        BigDecimal dashboardDisbursed = BigDecimal.ZERO;
        Map<String, BigDecimal[]> shown = new HashMap<>();
        Map<String, BigDecimal> pledgedShown = new TreeMap<>();
        compare(
                wrong,
                "pledged (model)",
                expected.pledged.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                amount(programme.path("pledged")));
        for (JsonNode row : kpis.path("funds")) {
            if (row.path("programme").asText().equals(code)) {
                if (row.path("pledged").decimalValue().signum() != 0) {
                    pledgedShown.merge(
                            row.path("donor").asText(), row.path("pledged").decimalValue(), BigDecimal::add);
                }
                BigDecimal c = row.path("committed").decimalValue();
                BigDecimal d = row.path("disbursed").decimalValue();
                dashboardCommitted = dashboardCommitted.add(c);
                dashboardDisbursed = dashboardDisbursed.add(d);
                // one row per currency of the donor's money (e.g. equipment spent in USD): summed
                shown.merge(row.path("donor").asText(), new BigDecimal[] {c, d}, (a, b) ->
                        new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
            }
        }
        if (!pledgedShown.keySet().equals(expected.pledged.keySet())) {
            wrong.add("dashboard pledges by " + pledgedShown + ", the model " + expected.pledged);
        }
        expected.pledged.forEach((donor, pledged) -> compare(
                wrong, "dashboard pledged of " + donor, pledged, pledgedShown.getOrDefault(donor, BigDecimal.ZERO)));
        compare(wrong, "dashboard committed", committed, dashboardCommitted);
        compare(wrong, "dashboard disbursed", disbursed, dashboardDisbursed);
        donors.forEach((donor, money) -> {
            BigDecimal[] onDashboard = shown.getOrDefault(donor, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            compare(wrong, "dashboard committed of " + donor, money[1], onDashboard[0]);
            compare(wrong, "dashboard disbursed of " + donor, money[2], onDashboard[1]);
        });
        if (!wrong.isEmpty()) {
            violation("programme " + code + ": " + String.join("; ", wrong) + "\n  program-service: " + programme
                    + "\n  dashboard funds: " + kpis.path("funds"));
        }
    }

    /** Rules are never deleted: every rule made is listed with includeRetired, the retired ones with why and when. */
    private void exportRules() throws Exception {
        Map<String, JsonNode> all = new HashMap<>();
        for (JsonNode rule : api.all(api.equipment + "/export-rules?includeRetired=true", api.admin)) {
            all.put(rule.path("id").asText(), rule);
        }
        Set<String> inForce = new HashSet<>();
        for (JsonNode rule : api.all(api.equipment + "/export-rules", api.admin)) {
            inForce.add(rule.path("id").asText());
        }
        for (PlatformModel.ExportRule rule : model.rules) {
            JsonNode shown = all.get(rule.id.toString());
            String id = rule.id.toString();
            if (shown == null) {
                violation("export rule " + rule + " (" + id + ") is gone from GET /export-rules?includeRetired=true");
            } else if (rule.inForce != inForce.contains(id)
                    || shown.path("active").asBoolean() != rule.inForce
                    || (!rule.inForce
                            && (shown.path("retiredAt").isNull()
                                    || shown.path("retirementReason").isNull()))) {
                violation("export rule " + rule + " is shown as " + shown + ", in force: " + inForce.contains(id));
            }
        }
    }

    /** Stock: every unit received is free, reserved for a shipment not yet dispatched, or shipped. */
    private void stock(String item) throws Exception {
        int onHand = 0;
        int reserved = 0;
        for (JsonNode level : api.all(api.equipment + "/stock", api.logistics)) {
            if (level.path("itemCode").asText().equals(item)
                    && model.warehouses.contains(level.path("warehouse").asText())) {
                onHand += level.path("onHand").asInt();
                reserved += level.path("reserved").asInt();
            }
        }
        int inPlannedShipments = 0;
        int shipped = 0;
        for (JsonNode s : shipments) {
            int units = 0;
            for (JsonNode line : s.path("lines")) {
                units += line.path("itemCode").asText().equals(item)
                        ? line.path("quantity").asInt()
                        : 0;
            }
            String status = s.path("status").asText();
            if (Set.of("PLANNED", "HELD", "CLEARED").contains(status)) {
                inPlannedShipments += units;
            } else if (!status.equals("CANCELLED")) {
                shipped += units;
            }
        }
        int received = model.items.get(item).totalReceived();
        int free = onHand - reserved; // on hand counts the reserved units until they are dispatched
        if (received != free + reserved + shipped || reserved != inPlannedShipments || free < 0) {
            violation("stock of " + item + ": received " + received + " != free " + free + " + reserved " + reserved
                    + " + shipped " + shipped + ", or reserved != " + inPlannedShipments
                    + " units in shipments not yet dispatched");
        }
    }

    private static void compare(List<String> wrong, String what, BigDecimal expected, BigDecimal actual) {
        if (expected.compareTo(actual) != 0) {
            wrong.add(what + ": expected " + expected.toPlainString() + ", is " + actual.toPlainString());
        }
    }

    /** A money field as the APIs show it: {"amount", "currency"} or a plain number. */
    static BigDecimal amount(JsonNode money) {
        JsonNode value = money.isObject() ? money.path("amount") : money;
        return value.isMissingNode() || value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asText());
    }

    private void violation(String what) {
        violations.add(what);
        System.out.println("[model] VIOLATION " + what);
    }

    /** One request as each service shows it, for a violation's report. */
    static String whatEachServiceSays(ModelApi api, Request r) {
        StringBuilder out = new StringBuilder();
        for (String[] source : new String[][] {
            {"request-service", api.requests + "/requests/" + r.id, api.partner},
            {"request-service deliverables", api.requests + "/requests/" + r.id + "/deliverables", api.partner},
            {"request-service shipments", api.requests + "/requests/" + r.id + "/shipments", api.partner},
            {"program-service", api.programs + "/reviews/" + r.id, api.reviewerAna},
            {"program-service activities", api.programs + "/activities?requestId=" + r.id, api.logistics},
            {"equipment-service shipments", api.equipment + "/shipments?requestId=" + r.id, api.logistics},
            {"equipment-service backorders", api.equipment + "/backorders?requestId=" + r.id, api.logistics},
            {"reporting-service timeline", api.reporting + "/requests/" + r.id + "/timeline", api.partner}
        }) {
            try {
                Http.Answer answer = Http.get(source[1], source[2]);
                out.append("  ")
                        .append(source[0])
                        .append(": ")
                        .append(answer.status())
                        .append(' ')
                        .append(brief(source[0], answer.body()))
                        .append('\n');
            } catch (Exception e) {
                out.append("  ").append(source[0]).append(": ").append(e).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    /** The fields that tell the state, not the whole record. */
    private static String brief(String source, String body) {
        try {
            JsonNode json = ModelApi.JSON.readTree(body);
            if (source.endsWith("timeline")) {
                List<String> types = new ArrayList<>();
                json.forEach(e -> types.add(
                        e.path("type").asText().replace("assistance.", "").replace(".v1", "")));
                return types.toString();
            }
            if (source.equals("request-service") || source.equals("program-service")) {
                return "status " + json.path("status").asText() + ", title '"
                        + json.path("title").asText() + "'";
            }
            if (source.endsWith("shipments") && json.isArray()) {
                List<String> brief = new ArrayList<>();
                json.forEach(s -> brief.add(
                        s.path(s.has("id") ? "id" : "shipmentId").asText().substring(0, 8) + " "
                                + s.path(s.has("status") ? "status" : "stage").asText() + " " + s.path("lines")));
                return brief.toString();
            }
        } catch (Exception e) {
            // not JSON: shown as it is
        }
        return body.length() > 1500 ? body.substring(0, 1500) + "..." : body;
    }
}
