package org.assistance.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assistance.topology.Topology;
import org.assistance.topology.tokens.LocalTokens;

/**
 * Plays plausible, generated demo traffic through the platform's public APIs, as partner
 * agencies, reviewers and logistics staff would, so the dashboard moves: requests from many
 * States across thematic areas, decisions, shipments (some held by export rules, some
 * cancelled), backorders filled by new stock, deliveries, receipts, trainings and other
 * activities (some cancelled), and agencies confirming completion, so that requests reach
 * DELIVERED, CANCELLED and CLOSED. Every request it makes is titled "[DEMO]".
 * Usage: DemoTraffic STATE_DIR [--rate REQUESTS_PER_MINUTE] [--minutes N (0: until stopped)]
 */
public final class DemoTraffic {
    /** The platform the launcher started (ASSISTANCE_PORT_OFFSET: one beside another has every port shifted). */
    private static final Topology PLATFORM = Topology.fromEnvironment();

    private static final String REQUESTS = PLATFORM.url("request-service") + "/api/v1";
    private static final String PROGRAMS = PLATFORM.url("program-service") + "/api/v1";
    private static final String EQUIPMENT = PLATFORM.url("equipment-service") + "/api/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Agencies of requesting States: ISO country and an agency of its law-enforcement or justice sector. */
    /** The language a State's agencies write their requests in, where it is not English. */
    private static final java.util.Map<String, String> WRITTEN_IN =
            java.util.Map.of("CO", "es", "PE", "es", "BO", "es", "MX", "es", "SN", "fr");

    private static final String[][] AGENCIES = {
        {"KE", "ke-dci", "POLICE"},
        {"KE", "ke-odpp", "PROSECUTION"},
        {"CO", "co-fiscalia", "PROSECUTION"},
        {"CO", "co-dian", "CUSTOMS"},
        {"NG", "ng-efcc", "POLICE"},
        {"PH", "ph-nbi", "POLICE"},
        {"PE", "pe-serfor", "OTHER"},
        {"SN", "sn-centif", "FIU"},
        {"BO", "bo-felcn", "POLICE"},
        {"VN", "vn-mps", "MINISTRY"},
        {"GH", "gh-eoco", "POLICE"},
        {"PK", "pk-fia", "POLICE"},
        {"ID", "id-bareskrim", "POLICE"},
        {"MX", "mx-fgr", "PROSECUTION"},
        {"TZ", "tz-pccb", "OTHER"},
        {"UZ", "uz-gpo", "PROSECUTION"},
        {"EC", "ec-snai", "MINISTRY"},
        {"MZ", "mz-pgr", "PROSECUTION"},
        {"KH", "kh-acu", "OTHER"},
        {"PA", "pa-uaf", "FIU"},
        {"MA", "ma-dgsn", "POLICE"},
        {"JO", "jo-psd", "POLICE"}
    };
    /**
     * States whose national focal point takes part in the demo: each states two national priorities
     * and endorses (now and then declines) its State's requests; review of Kenya's requests waits for
     * the endorsement.
     */
    private static final Map<String, String[][]> NATIONAL_PRIORITIES = Map.of(
            "KE",
            new String[][] {
                {"CYBERCRIME", "TRAINING,EQUIPMENT", "National Cybercrime Strategy (demo), pillar 2: forensic capacity"
                },
                {"CORRUPTION", "LEGISLATIVE_ADVISORY,TRAINING", "National Anti-Corruption Plan (demo), chapter 3"}
            },
            "CO",
            new String[][] {
                {"DRUG_TRAFFICKING", "EQUIPMENT,TRAINING", "Plan Nacional de Política de Drogas (demo), eje 1"},
                {"MONEY_LAUNDERING", "MENTORING_ADVISORY,TRAINING", "Estrategia ALA/CFT (demo)"}
            },
            "PH",
            new String[][] {
                {"TRAFFICKING_IN_PERSONS", "TRAINING,KNOWLEDGE_SHARING", "National Strategic Action Plan (demo)"},
                {"CYBERCRIME", "EQUIPMENT", "National Cybersecurity Plan (demo), outcome 4"}
            });
    /** States whose review waits for the focal point's endorsement. */
    private static final List<String> REVIEW_WAITS_FOR_ENDORSEMENT = List.of("KE");
    /** Who refuses or delays a shipment now and then, and on what basis (as the logistics officer was told). */
    private static final String[][] IMPEDIMENTS = {
        {"CARRIER_REFUSAL", "Demo Air Cargo Ltd", "UNILATERAL_MEASURE"},
        {"BANK_REFUSAL", "Demo Correspondent Bank", "UNILATERAL_MEASURE"},
        {"SUPPLIER_REFUSAL", "Demo Forensics GmbH", "NATIONAL_EXPORT_CONTROL"},
        {"INSURER_REFUSAL", "Demo Marine Insurance", "UN_SECURITY_COUNCIL"},
        {"LICENCE_DELAYED", "Export control authority (demo)", "NATIONAL_EXPORT_CONTROL"},
        {"LICENCE_DENIED", "Export control authority (demo)", "NATIONAL_EXPORT_CONTROL"},
        {"OTHER", "Port authority (demo)", "OTHER"}
    };

    /** The activity kinds program-service plans for each non-equipment assistance type a request asks for. */
    private static final Map<String, List<String>> ACTIVITY_KINDS = Map.of(
            "LEGISLATIVE_ADVISORY", List.of("LEGISLATIVE_REVIEW", "ADVISORY_MISSION"),
            "MENTORING_ADVISORY", List.of("MENTORING_MISSION", "ADVISORY_MISSION"),
            "NEEDS_ASSESSMENT", List.of("NEEDS_ASSESSMENT"),
            "KNOWLEDGE_SHARING", List.of("KNOWLEDGE_SHARING_EVENT", "KNOWLEDGE_PRODUCT"));
    /** The donors setUp gives each programme. */
    private static final Map<String, List<String>> PROGRAMME_DONORS = Map.of(
            "GLOCY",
            List.of("donor-eu", "donor-us"),
            "CRIMJUST",
            List.of("donor-uk", "donor-no"),
            "BORDERS",
            List.of("donor-us", "donor-eu"));
    /** How often a submission answered 422 for an item the request-service does not know yet is tried again. */
    private static final int CATALOGUE_WAITS = 5;

    private static final String[] AREAS = {
        "CYBERCRIME",
        "MONEY_LAUNDERING",
        "CORRUPTION",
        "DRUG_TRAFFICKING",
        "TRAFFICKING_IN_PERSONS",
        "SMUGGLING_OF_MIGRANTS",
        "WILDLIFE_FOREST_CRIME",
        "FIREARMS_TRAFFICKING",
        "ORGANIZED_CRIME"
    };
    private static final String[][] ITEMS = {
        {"DEMO-FOR-WB", "Forensic write blocker kit", "FORENSIC_IT", "false", "1250.00", "USD"},
        {"DEMO-FOR-PHONE", "Mobile extraction kit", "FORENSIC_IT", "true", "8900.00", "USD"},
        {"DEMO-COM-RADIO", "Encrypted handheld radio", "COMMUNICATIONS", "true", "640.00", "EUR"},
        {"DEMO-SUR-CAM", "Covert camera set", "SURVEILLANCE", "true", "2100.00", "EUR"},
        {"DEMO-PPE-VEST", "Protective vest", "PROTECTIVE_GEAR", "false", "480.00", "EUR"},
        {"DEMO-FIR-MARK", "Firearms marking machine", "FIREARMS_MARKING", "false", "15500.00", "USD"},
        {"DEMO-LAB-DRUG", "Drug field test kit", "LABORATORY", "false", "95.00", "USD"},
        {"DEMO-OFF-LAPTOP", "Case management laptop", "OFFICE_IT", "false", "1100.00", "USD"}
    };

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random();
    /** Signed with the launcher's key that signs now: after `platform rotate-keys` the new one, without a restart. */
    private final LocalTokens tokens;

    private int submitted;
    /** The national priorities stated per State: id and thematic area. */
    private final Map<String, List<String[]>> priorities = new java.util.HashMap<>();

    private DemoTraffic(Path state) {
        this.tokens = LocalTokens.ofState(state);
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        double rate = 20;
        int minutes = 0;
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--rate")) {
                rate = Double.parseDouble(args[i + 1]);
            } else if (args[i].equals("--minutes")) {
                minutes = Integer.parseInt(args[i + 1]);
            }
        }
        DemoTraffic demo = new DemoTraffic(state);
        demo.setUp();
        demo.stateNationalPriorities();
        long end = minutes == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + minutes * 60_000L;
        long pause = (long) (60_000 / rate);
        System.out.printf(
                "[DEMO] playing about %.0f requests a minute; the dashboard is at http://localhost:%d/%n",
                rate, PLATFORM.port("reporting-service"));
        while (System.currentTimeMillis() < end) {
            long started = System.currentTimeMillis();
            try {
                demo.tick();
            } catch (Exception e) {
                System.out.println("[DEMO] " + e.getMessage() + " (going on)");
            }
            Thread.sleep(Math.max(100, pause - (System.currentTimeMillis() - started)));
        }
    }

    /** Donors, programmes with funds, catalogue, stock and export rules; what exists already is kept. */
    private void setUp() throws Exception {
        String admin = token("admin", "demo-admin", null, null);
        for (String[] donor : new String[][] {
            {"donor-eu", "European Union", "XI-IATI-EC_INTPA", "MULTILATERAL"},
            {"donor-uk", "United Kingdom (FCDO)", "GB-GOV-1", "GOVERNMENT"},
            {"donor-no", "Norway (Norad)", "XM-DAC-8-7", "GOVERNMENT"},
            {"donor-us", "United States (INL)", "US-GOV-11", "GOVERNMENT"}
        }) {
            send(
                    "POST",
                    PROGRAMS + "/donors",
                    admin,
                    Map.of("id", donor[0], "name", donor[1], "iatiIdentifier", donor[2], "type", donor[3]));
        }
        programme(admin, "GLOCY", "Global Programme on Cybercrime", List.of("CYBERCRIME", "MONEY_LAUNDERING"), "USD");
        programme(
                admin,
                "CRIMJUST",
                "Criminal justice and anti-corruption",
                List.of("CORRUPTION", "ORGANIZED_CRIME"),
                "EUR");
        programme(
                admin,
                "BORDERS",
                "Borders, trafficking and smuggling",
                List.of(
                        "DRUG_TRAFFICKING",
                        "TRAFFICKING_IN_PERSONS",
                        "SMUGGLING_OF_MIGRANTS",
                        "FIREARMS_TRAFFICKING",
                        "WILDLIFE_FOREST_CRIME"),
                "USD");
        send(
                "POST",
                EQUIPMENT + "/warehouses",
                admin,
                Map.of("code", "VIE-1", "name", "Vienna central", "country", "AT"));
        send(
                "POST",
                EQUIPMENT + "/warehouses",
                admin,
                Map.of("code", "NBO-1", "name", "Nairobi regional", "country", "KE"));
        for (String[] item : ITEMS) {
            send(
                    "POST",
                    EQUIPMENT + "/catalogue",
                    admin,
                    Map.of(
                            "code",
                            item[0],
                            "name",
                            item[1],
                            "category",
                            item[2],
                            "dualUse",
                            Boolean.parseBoolean(item[3]),
                            "unitCost",
                            Map.of("amount", item[4], "currency", item[5])));
            // little stock: lines wait on backorders until new stock comes in (fillBackorders)
            for (String warehouse : List.of("VIE-1", "NBO-1")) {
                send(
                        "POST",
                        EQUIPMENT + "/warehouses/" + warehouse + "/stock",
                        admin,
                        Map.of("itemCode", item[0], "quantity", 20));
            }
        }
        JsonNode rules = get(EQUIPMENT + "/export-rules", admin);
        if (rules == null || rules.isEmpty()) {
            for (String country : List.of("PK", "VN", "UZ")) {
                send(
                        "POST",
                        EQUIPMENT + "/export-rules",
                        admin,
                        Map.of(
                                "destination",
                                country,
                                "target",
                                "DUAL_USE",
                                "measure",
                                "LICENCE_REQUIRED",
                                "reference",
                                "EU 2021/821 dual-use regulation (demo)",
                                "reason",
                                "Dual-use items need an export licence for this destination",
                                "basis",
                                "NATIONAL_EXPORT_CONTROL",
                                "imposedBy",
                                "Export control authority of the shipping State (demo)",
                                "instrument",
                                "Regulation (EU) 2021/821, Annex I"));
            }
            send(
                    "POST",
                    EQUIPMENT + "/export-rules",
                    admin,
                    Map.of(
                            "destination",
                            "MZ",
                            "target",
                            "FIREARMS_MARKING",
                            "measure",
                            "PROHIBITED",
                            "reference",
                            "Arms embargo (demo)",
                            "reason",
                            "A measure in force",
                            "basis",
                            "UN_SECURITY_COUNCIL",
                            "imposedBy",
                            "UN Security Council sanctions committee (demo)",
                            "instrument",
                            "Security Council resolution (demo)"));
            send(
                    "POST",
                    EQUIPMENT + "/export-rules",
                    admin,
                    Map.of(
                            "destination",
                            "*",
                            "target",
                            "SURVEILLANCE",
                            "measure",
                            "LICENCE_REQUIRED",
                            "reference",
                            "Interception equipment (demo)",
                            "reason",
                            "Surveillance items always need a licence",
                            "basis",
                            "UNILATERAL_MEASURE",
                            "imposedBy",
                            "A donor State's export restrictions (demo)",
                            "instrument",
                            "Interception equipment list (demo)"));
        }
    }

    private void contribute(String programme, String currency) throws Exception {
        String admin = token("admin", "demo-admin", null, null);
        for (String donor : PROGRAMME_DONORS.getOrDefault(programme, List.of())) {
            send(
                    "POST",
                    PROGRAMS + "/programmes/" + programme + "/contributions",
                    admin,
                    Map.of(
                            "donorId",
                            donor,
                            "amount",
                            Map.of("amount", "750000.00", "currency", currency),
                            "date",
                            LocalDate.now().toString()));
        }
    }

    private void programme(String admin, String code, String name, List<String> areas, String currency)
            throws Exception {
        int status = send(
                        "POST",
                        PROGRAMS + "/programmes",
                        admin,
                        Map.of(
                                "code",
                                code,
                                "name",
                                name,
                                "thematicAreas",
                                areas,
                                "currency",
                                currency,
                                "iatiActivityPrefix",
                                "XM-EXAMPLE-TA-" + code))
                .status;
        if (status == 201) {
            for (String donor : PROGRAMME_DONORS.get(code)) {
                send(
                        "POST",
                        PROGRAMS + "/programmes/" + code + "/pledges",
                        admin,
                        Map.of(
                                "donorId",
                                donor,
                                "amount",
                                Map.of("amount", "3000000.00", "currency", currency),
                                "date",
                                LocalDate.now().toString()));
                send(
                        "POST",
                        PROGRAMS + "/programmes/" + code + "/contributions",
                        admin,
                        Map.of(
                                "donorId",
                                donor,
                                "amount",
                                Map.of("amount", "1500000.00", "currency", currency),
                                "date",
                                LocalDate.now().toString()));
            }
            defineIndicators(admin, code);
        }
    }

    /**
     * Each programme's results framework: three indicators the platform measures from its own facts
     * and one measured outside it, entered with its source.
     */
    private void defineIndicators(String admin, String code) throws Exception {
        int year = LocalDate.now().getYear();
        indicator(admin, code, "Officials trained", "OUTPUT", "PARTICIPANTS_TRAINED", "0", "400", "16.a");
        indicator(
                admin,
                code,
                "Equipment units accepted by the recipients",
                "OUTPUT",
                "EQUIPMENT_ACCEPTED",
                "0",
                "300",
                null);
        indicator(
                admin,
                code,
                "Requests delivered by the date asked",
                "OUTCOME",
                "REQUESTS_DELIVERED_ON_TIME",
                "50",
                "80",
                null);
        Answer outcome = send(
                "POST",
                PROGRAMS + "/programmes/" + code + "/indicators",
                admin,
                Map.of(
                        "title", "Cases brought to court with evidence from supported units",
                        "kind", "OUTCOME",
                        "unit", "cases",
                        "baseline", Map.of("value", "10", "year", year - 1),
                        "target", Map.of("value", "40", "year", year + 1),
                        "sdgTarget", "16.4"));
        if (outcome.status == 201) {
            send(
                    "POST",
                    PROGRAMS + "/programmes/" + code + "/indicators/"
                            + JSON.readTree(outcome.body).get("id").asText() + "/measurements",
                    admin,
                    Map.of(
                            "periodStart",
                            LocalDate.of(year - 1, 1, 1).toString(),
                            "periodEnd",
                            LocalDate.of(year - 1, 12, 31).toString(),
                            "value",
                            "14",
                            "source",
                            "National prosecution statistics (demo)"));
        }
    }

    private void indicator(
            String admin,
            String code,
            String title,
            String kind,
            String computation,
            String baseline,
            String target,
            String sdgTarget)
            throws Exception {
        int year = LocalDate.now().getYear();
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "title", title,
                "kind", kind,
                "computation", computation,
                "baseline", Map.of("value", baseline, "year", year - 1),
                "target", Map.of("value", target, "year", year + 1)));
        if (sdgTarget != null) {
            body.put("sdgTarget", sdgTarget);
        }
        send("POST", PROGRAMS + "/programmes/" + code + "/indicators", admin, body);
    }

    /** One step of the world: a new request, then everyone moves what waits for them. */
    private void tick() throws Exception {
        submit();
        endorse();
        String reviewer = token("reviewer", "demo-reviewer-" + (1 + random.nextInt(3)), null, null);
        String second = token("reviewer", "demo-reviewer-4", null, null);
        String logistics = token("logistics", "demo-logistics", null, null);
        decide(reviewer, second);
        moveShipments(logistics);
        recordImpediments(logistics);
        fillBackorders(logistics);
        deliverActivities(logistics);
        checkEndUse(logistics);
        confirmCompletions();
    }

    private void submit() throws Exception {
        String[] agency = AGENCIES[random.nextInt(AGENCIES.length)];
        String area = AREAS[random.nextInt(AREAS.length)];
        // training only, equipment only, advice only and every mix of them
        boolean equipment = random.nextInt(10) < 6;
        boolean training = random.nextInt(10) < 6;
        boolean other = random.nextBoolean() || (!equipment && !training);
        List<String> types = new ArrayList<>();
        ObjectNode body = JSON.createObjectNode();
        body.put("country", agency[0]);
        body.putObject("requestingAuthority")
                .put("name", "Demo authority of " + agency[0])
                .put("kind", agency[2]);
        body.put("thematicArea", area);
        body.put("priority", List.of("LOW", "MEDIUM", "HIGH", "URGENT").get(random.nextInt(4)));
        String english = "[DEMO] " + area.replace('_', ' ').toLowerCase() + " capacity, request " + (++submitted);
        String englishNeeds = "Demo data generated by deploy/local/platform demo.";
        String language = WRITTEN_IN.getOrDefault(agency[0], "en");
        if (language.equals("en")) {
            body.put("title", english);
            body.put("needsStatement", englishNeeds);
        } else {
            // agencies of Spanish- and French-speaking States write in their language and give an English
            // translation: the donors' IATI feed carries both narratives
            body.put("language", language);
            body.put(
                    "title",
                    (language.equals("es") ? "[DEMO] Capacidad, solicitud " : "[DEMO] Capacités, demande ")
                            + submitted);
            body.put(
                    "needsStatement",
                    language.equals("es")
                            ? "Datos de demostración generados por deploy/local/platform demo."
                            : "Données de démonstration générées par deploy/local/platform demo.");
            body.putArray("translations")
                    .addObject()
                    .put("language", "en")
                    .put("title", english)
                    .put("needsStatement", englishNeeds);
        }
        body.put("desiredBy", LocalDate.now().plusDays(30 + random.nextInt(150)).toString());
        if (training) {
            types.add("TRAINING");
            body.putArray("trainingNeeds")
                    .addObject()
                    .put("topic", "Investigating " + area.toLowerCase().replace('_', ' '))
                    .put("expectedParticipants", 10 + random.nextInt(30));
        }
        if (equipment) {
            types.add("EQUIPMENT");
            ArrayNode lines = body.putArray("equipmentLines");
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                String[] item = ITEMS[(random.nextInt(ITEMS.length) + i) % ITEMS.length];
                if (!lines.findValuesAsText("itemCode").contains(item[0])) {
                    lines.addObject()
                            .put("itemCode", item[0])
                            .put("quantity", 1 + random.nextInt(8))
                            .put("justification", "Demo need");
                }
            }
        }
        if (other) {
            types.add(List.of("LEGISLATIVE_ADVISORY", "MENTORING_ADVISORY", "NEEDS_ASSESSMENT", "KNOWLEDGE_SHARING")
                    .get(random.nextInt(4)));
        }
        types.forEach(body.putArray("assistanceTypes")::add);
        // a request that answers one of its State's stated priorities says so
        for (String[] priority : priorities.getOrDefault(agency[0], List.of())) {
            if (priority[1].equals(area) && random.nextInt(4) > 0) {
                body.put("priorityId", priority[0]);
            }
        }
        String partner = token("partner", "demo-" + agency[1], agency[1], null);
        // request-service learns the catalogue from equipment-service's events: just after setUp an item
        // may not have reached it yet, and a line naming an item it does not know is refused (422)
        for (int attempt = 1; ; attempt++) {
            Answer answer = send("POST", REQUESTS + "/requests", partner, body);
            if (answer.status != 422 || !answer.body.contains("itemCode") || attempt > CATALOGUE_WAITS) {
                if (answer.status >= 400) {
                    System.out.printf("[DEMO] submission refused (%d): %s%n", answer.status, answer.body);
                }
                return;
            }
            Thread.sleep(1000);
        }
    }

    private void decide(String reviewer, String second) throws Exception {
        JsonNode awaiting = get(PROGRAMS + "/reviews?status=AWAITING_SECOND_APPROVAL&limit=5", second);
        for (JsonNode review : items(awaiting)) {
            JsonNode pending = review.get("pendingApproval");
            ObjectNode confirm = JSON.createObjectNode()
                    .put("decision", "APPROVE")
                    .put("programmeCode", pending.get("programmeCode").asText());
            confirm.set("approvedAmount", pending.get("amount"));
            ArrayNode lines = confirm.putArray("equipmentLines");
            pending.get("equipmentLines")
                    .forEach(l -> lines.addObject()
                            .put("itemCode", l.get("itemCode").asText())
                            .put("quantity", l.get("quantity").asInt()));
            ArrayNode trainings = confirm.putArray("trainings");
            pending.get("trainings").forEach(t -> trainings.add(t));
            // the second reviewer agrees to the same approval: the same activities, or none named
            if (pending.hasNonNull("activities")) {
                confirm.set("activities", pending.get("activities"));
            }
            send("POST", PROGRAMS + "/reviews/" + review.get("requestId").asText() + "/decision", second, confirm);
        }
        JsonNode pending = get(PROGRAMS + "/reviews?status=PENDING&limit=3", reviewer);
        for (JsonNode review : items(pending)) {
            String id = review.get("requestId").asText();
            if (review.path("endorsement").path("decision").asText().equals("DECLINED")) {
                // the State does not want it: the request ends, with the State's decision as the reason
                reject(reviewer, id, "OTHER", "The State's focal point declined to endorse it (demo)");
                continue;
            }
            if (review.path("waitingForEndorsement").asBoolean()) {
                continue; // its State's focal point has not endorsed it yet
            }
            int roll = random.nextInt(100);
            if (roll < 12) {
                reject(
                        reviewer,
                        id,
                        List.of("OUT_OF_MANDATE", "DUPLICATE", "INCOMPLETE").get(random.nextInt(3)),
                        "Demo decision");
                continue;
            }
            JsonNode programme = null;
            for (JsonNode candidate : review.get("matchingProgrammes")) {
                programme = candidate;
            }
            if (programme == null) {
                reject(reviewer, id, "OUT_OF_MANDATE", "No programme serves this area (demo)");
                continue;
            }
            ObjectNode approval = JSON.createObjectNode()
                    .put("decision", "APPROVE")
                    .put("programmeCode", programme.get("code").asText());
            BigDecimal amount = BigDecimal.valueOf(8_000 + random.nextInt(70) * 1_000L);
            approval.putObject("approvedAmount")
                    .put("amount", amount.toPlainString())
                    .put("currency", programme.get("available").get("currency").asText());
            ArrayNode lines = approval.putArray("equipmentLines");
            boolean partial = random.nextInt(4) == 0;
            review.get("equipmentLines")
                    .forEach(l -> lines.addObject()
                            .put("itemCode", l.get("itemCode").asText())
                            .put(
                                    "quantity",
                                    partial
                                            ? Math.max(1, l.get("quantity").asInt() / 2)
                                            : l.get("quantity").asInt()));
            ArrayNode trainings = approval.putArray("trainings");
            review.get("trainingNeeds")
                    .forEach(t -> trainings
                            .addObject()
                            .put("topic", t.get("topic").asText())
                            .put("participants", t.get("expectedParticipants").asInt())
                            .put("plannedStart", LocalDate.now().minusDays(5).toString())
                            .put("plannedEnd", LocalDate.now().minusDays(1).toString()));
            if (random.nextInt(3) > 0 || (lines.isEmpty() && trainings.isEmpty())) {
                nameActivities(review, approval);
            } // else program-service plans one activity per kind of advice asked (an approval names one at least)
            String currency = programme.get("available").get("currency").asText();
            if (new BigDecimal(programme.get("available").get("amount").asText()).compareTo(amount) < 0) {
                // the programme's money is committed: its donors contribute again, as they do year after year
                contribute(programme.get("code").asText(), currency);
            }
            Answer answer = send("POST", PROGRAMS + "/reviews/" + id + "/decision", reviewer, approval);
            if (answer.status == 409 || answer.status == 422) {
                // a review that cannot be approved as proposed must not hold the queue up for ever
                System.out.printf(
                        "[DEMO] approval refused (%d): %s; rejecting the request instead%n",
                        answer.status, answer.body);
                reject(reviewer, id, "OTHER", "Could not be approved as proposed (demo)");
            }
        }
    }

    private void reject(String reviewer, String id, String reasonCode, String comment) throws Exception {
        send(
                "POST",
                PROGRAMS + "/reviews/" + id + "/decision",
                reviewer,
                Map.of("decision", "REJECT", "reasonCode", reasonCode, "comment", comment));
    }

    /** Advisory missions, legislative reviews, assessments, knowledge products: one for each kind of advice asked. */
    private void nameActivities(JsonNode review, ObjectNode approval) {
        ArrayNode activities = approval.putArray("activities");
        for (JsonNode type : review.path("assistanceTypes")) {
            List<String> kinds = ACTIVITY_KINDS.get(type.asText());
            if (kinds == null) {
                continue;
            }
            String kind = kinds.get(random.nextInt(kinds.size()));
            activities
                    .addObject()
                    .put("kind", kind)
                    .put(
                            "title",
                            kind.charAt(0) + kind.substring(1).toLowerCase().replace('_', ' ') + ": "
                                    + review.path("thematicArea")
                                            .asText()
                                            .toLowerCase()
                                            .replace('_', ' ') + " (demo)")
                    .put("participants", kind.equals("KNOWLEDGE_PRODUCT") ? 0 : 5 + random.nextInt(20))
                    .put("plannedStart", LocalDate.now().minusDays(10).toString())
                    .put("plannedEnd", LocalDate.now().minusDays(2).toString());
        }
        if (activities.isEmpty()) {
            approval.remove("activities");
        }
    }

    private void moveShipments(String logistics) throws Exception {
        for (JsonNode shipment : items(get(EQUIPMENT + "/shipments?status=HELD", logistics))) {
            List<String> prohibited = new ArrayList<>();
            shipment.get("hits").forEach(h -> {
                if (h.get("measure").asText().equals("PROHIBITED")) {
                    prohibited.add(h.get("itemCode").asText());
                }
            });
            String id = shipment.get("id").asText();
            if (random.nextInt(3) > 0) {
                continue; // licences take time: the dashboard shows what is held
            }
            if (prohibited.size() == shipment.get("lines").size()) {
                send(
                        "POST",
                        EQUIPMENT + "/shipments/" + id + "/cancellation",
                        logistics,
                        Map.of("reason", "Prohibited by a measure in force (demo)"));
            } else {
                send(
                        "POST",
                        EQUIPMENT + "/shipments/" + id + "/clearance",
                        logistics,
                        Map.of(
                                "licenceReference",
                                "DEMO-LIC-" + random.nextInt(100_000),
                                "licenceDate",
                                LocalDate.now().toString(),
                                "removeItems",
                                prohibited));
            }
        }
        for (String status : List.of("PLANNED", "CLEARED")) {
            for (JsonNode shipment : items(get(EQUIPMENT + "/shipments?status=" + status, logistics))) {
                if (random.nextInt(15) == 0) {
                    // plans change: the stock goes back, the request can still end with its other deliverables
                    send(
                            "POST",
                            EQUIPMENT + "/shipments/" + shipment.get("id").asText() + "/cancellation",
                            logistics,
                            Map.of("reason", "Replaced by a national procurement (demo)"));
                    continue;
                }
                String mode = List.of("AIR", "SEA", "LAND").get(random.nextInt(3));
                send(
                        "POST",
                        EQUIPMENT + "/shipments/" + shipment.get("id").asText() + "/dispatch",
                        logistics,
                        Map.of(
                                "mode",
                                mode,
                                "carrier",
                                "Demo carrier",
                                "trackingReference",
                                "DEMO-" + random.nextInt(1_000_000),
                                "expectedDelivery",
                                LocalDate.now().plusDays(random.nextInt(20)).toString(),
                                "units",
                                serialNumbers(shipment)));
            }
        }
        for (String status : List.of("DISPATCHED", "IN_TRANSIT")) {
            for (JsonNode shipment : items(get(EQUIPMENT + "/shipments?status=" + status, logistics))) {
                String id = shipment.get("id").asText();
                if (random.nextInt(3) == 0) {
                    send(
                            "POST",
                            EQUIPMENT + "/shipments/" + id + "/delivery",
                            logistics,
                            Map.of(
                                    "deliveredAt",
                                    OffsetDateTime.now().minusSeconds(1).toString()));
                } else if (shipment.get("milestones").size() < 3) {
                    send(
                            "POST",
                            EQUIPMENT + "/shipments/" + id + "/milestones",
                            logistics,
                            Map.of(
                                    "milestone",
                                    List.of("CUSTOMS_ENTRY", "CUSTOMS_HOLD", "CUSTOMS_RELEASE")
                                            .get(shipment.get("milestones").size()),
                                    "location",
                                    "Port of entry, "
                                            + shipment.get("destinationCountry").asText(),
                                    "occurredAt",
                                    OffsetDateTime.now().minusSeconds(1).toString()));
                }
            }
        }
        for (JsonNode shipment : items(get(EQUIPMENT + "/shipments?status=DELIVERED", logistics))) {
            String agency = shipment.get("agencyId").asText();
            ArrayNode lines = JSON.createArrayNode();
            shipment.get("lines").forEach(l -> {
                int quantity = l.get("quantity").asInt();
                int rejected = random.nextInt(10) == 0 ? 1 : 0;
                ObjectNode line = lines.addObject()
                        .put("itemCode", l.get("itemCode").asText())
                        .put("quantityAccepted", quantity - rejected)
                        .put("quantityRejected", rejected);
                if (rejected > 0) {
                    line.put("rejectionReason", "Damaged in transit (demo)");
                    ArrayNode accepted = line.putArray("serialsAccepted");
                    for (int n = 1; n <= quantity - rejected; n++) {
                        accepted.add(serialNumber(
                                shipment.get("id").asText(), l.get("itemCode").asText(), n));
                    }
                }
            });
            send(
                    "POST",
                    REQUESTS + "/requests/" + shipment.get("requestId").asText() + "/receipts",
                    token("partner", "demo-" + agency, agency, null),
                    Map.of(
                            "shipmentId",
                            shipment.get("id").asText(),
                            "lines",
                            lines,
                            "receivedBy",
                            "Demo receiving officer",
                            "receivedAt",
                            OffsetDateTime.now().minusSeconds(1).toString()));
        }
    }

    /** New stock now and then fills what waits for it; rarely a backorder is given up. */
    private void fillBackorders(String logistics) throws Exception {
        List<JsonNode> open = items(get(EQUIPMENT + "/backorders?status=OPEN", logistics));
        if (open.isEmpty() || random.nextInt(4) > 0) {
            return;
        }
        JsonNode backorder = open.get(random.nextInt(open.size()));
        if (random.nextInt(6) == 0) {
            send(
                    "POST",
                    EQUIPMENT + "/backorders/" + backorder.get("reference").asText() + "/cancellation",
                    logistics,
                    Map.of("reason", "The supplier discontinued the model (demo)"));
            return;
        }
        int waited = 0;
        for (JsonNode other : open) {
            if (other.get("itemCode").asText().equals(backorder.get("itemCode").asText())) {
                waited += other.get("remaining").asInt();
            }
        }
        send(
                "POST",
                EQUIPMENT + "/warehouses/" + List.of("VIE-1", "NBO-1").get(random.nextInt(2)) + "/stock",
                logistics,
                Map.of("itemCode", backorder.get("itemCode").asText(), "quantity", waited + random.nextInt(20)));
    }

    private void deliverActivities(String logistics) throws Exception {
        JsonNode programmes = get(PROGRAMS + "/programmes", logistics);
        int delivered = 0;
        for (JsonNode activity : plannedActivities(logistics)) {
            if (!activity.get("status").asText().equals("PLANNED") || delivered++ > 1 || random.nextInt(3) > 0) {
                continue;
            }
            if (random.nextInt(8) == 0) {
                send(
                        "POST",
                        PROGRAMS + "/activities/" + activity.get("id").asText() + "/cancellation",
                        logistics,
                        Map.of("reason", "The authority postponed it indefinitely (demo)"));
                continue;
            }
            String currency = "USD";
            for (JsonNode programme : items(programmes)) {
                if (programme
                        .get("code")
                        .asText()
                        .equals(activity.get("programmeCode").asText())) {
                    currency = programme.get("currency").asText();
                }
            }
            Map<String, Object> participants;
            if (activity.get("kind").asText().equals("TRAINING_COURSE")) {
                recordRoster(logistics, activity.get("id").asText());
                participants = null; // the roster's counts
            } else {
                int women = random.nextInt(15);
                int men = random.nextInt(15);
                int other = random.nextInt(20) == 0 ? 1 : 0;
                int notDisclosed = random.nextInt(4);
                participants = Map.of(
                        "women", women,
                        "men", men,
                        "other", other,
                        "notDisclosed", notDisclosed,
                        "total", women + men + other + notDisclosed);
            }
            Map<String, Object> delivery = new java.util.HashMap<>(Map.of(
                    "actualStart",
                    LocalDate.now().minusDays(4).toString(),
                    "actualEnd",
                    LocalDate.now().toString(),
                    "authoritiesReached",
                    List.of("Demo authority"),
                    "outcome",
                    "Delivered (demo)",
                    "cost",
                    Map.of("amount", Integer.toString(500 + random.nextInt(3000)) + ".00", "currency", currency)));
            if (participants != null) {
                delivery.put("participants", participants);
            }
            send("POST", PROGRAMS + "/activities/" + activity.get("id").asText() + "/delivery", logistics, delivery);
        }
    }

    /**
     * The activities of requests approved or in delivery: program-service lists one request's
     * activities at a time (all of them would be a list without end).
     */
    private List<JsonNode> plannedActivities(String logistics) throws Exception {
        String operations = token("operations", "demo-operations", null, null);
        List<JsonNode> planned = new ArrayList<>();
        for (String status : List.of("APPROVED", "PARTIALLY_APPROVED", "IN_DELIVERY")) {
            for (JsonNode request : items(get(REQUESTS + "/requests?status=" + status + "&limit=10", operations))) {
                for (JsonNode activity : items(get(
                        PROGRAMS + "/activities?requestId=" + request.get("id").asText(), logistics))) {
                    if (activity.get("status").asText().equals("PLANNED")) {
                        planned.add(activity);
                    }
                }
            }
        }
        java.util.Collections.shuffle(planned, random);
        return planned;
    }

    /**
     * A course's roster, by the agency's pseudonyms (drawn from a small pool, so some people come
     * back to a later course): sex, scores before and after, attendance, certificate. No names.
     */
    private void recordRoster(String logistics, String activity) throws Exception {
        String[] sexes = {"FEMALE", "MALE", "FEMALE", "MALE", "FEMALE", "MALE", "NOT_DISCLOSED", "OTHER"};
        int size = 5 + random.nextInt(16);
        for (int i = 0; i < size; i++) {
            int pre = 30 + random.nextInt(40);
            int attendance = 60 + random.nextInt(41);
            Map<String, Object> participant = new java.util.HashMap<>(Map.of(
                    "participantId",
                    "P-" + (1 + random.nextInt(120)),
                    "sex",
                    sexes[random.nextInt(i == 0 ? 6 : sexes.length)],
                    "roleOrRank",
                    List.of("Inspector", "Analyst", "Prosecutor", "Sergeant").get(random.nextInt(4)),
                    "organisation",
                    "Demo authority",
                    "preTestScore",
                    pre,
                    "postTestScore",
                    Math.min(100, pre + random.nextInt(36)),
                    "attendancePercent",
                    attendance,
                    "certificateIssued",
                    attendance >= 80));
            send("POST", PROGRAMS + "/activities/" + activity + "/participants", logistics, participant);
        }
    }

    /** Field offices check monitored equipment at its end user now and then; most is found in use. */
    private void checkEndUse(String logistics) throws Exception {
        if (random.nextInt(4) > 0) {
            return;
        }
        String[] results = {
            "IN_USE",
            "IN_USE",
            "IN_USE",
            "IN_USE",
            "IN_USE",
            "IN_USE",
            "IN_USE",
            "NOT_IN_USE",
            "DAMAGED",
            "NOT_FOUND",
            "TRANSFERRED"
        };
        for (JsonNode asset : items(get(EQUIPMENT + "/assets?monitored=true&status=RECEIVED&limit=20", logistics))) {
            if (asset.path("lastCheck").isObject() || random.nextInt(3) > 0) {
                continue;
            }
            send(
                    "POST",
                    EQUIPMENT + "/assets/" + asset.get("serialNumber").asText() + "/checks",
                    logistics,
                    Map.of(
                            "result",
                            results[random.nextInt(results.length)],
                            "checkedAt",
                            LocalDate.now().toString(),
                            "by",
                            "Field office, " + asset.path("country").asText() + " (demo)",
                            "note",
                            "Seen at the unit's premises (demo)"));
        }
    }

    /** Agencies confirm that delivered requests are complete, with a rating and a word for the donors. */
    private void confirmCompletions() throws Exception {
        String operations = token("operations", "demo-operations", null, null);
        for (JsonNode request : items(get(REQUESTS + "/requests?status=DELIVERED&limit=5", operations))) {
            // half the agencies never confirm (their requests close by themselves later), the others take their time:
            // the dashboard shows requests DELIVERED as well as CLOSED
            if (Math.floorMod(request.get("id").asText().hashCode(), 2) == 0 || random.nextInt(5) > 0) {
                continue;
            }
            String agency = request.get("agencyId").asText();
            int satisfaction = 3 + random.nextInt(3);
            send(
                    "POST",
                    REQUESTS + "/requests/" + request.get("id").asText() + "/completion",
                    token("partner", "demo-" + agency, agency, null),
                    Map.of(
                            "satisfaction",
                            satisfaction,
                            "comment",
                            List.of(
                                            "Our officers use the equipment daily (demo).",
                                            "The training changed how cases are built (demo).",
                                            "Useful, though delivery took longer than hoped (demo).")
                                    .get(random.nextInt(3))));
        }
    }

    /** Each demo State's focal point states its priorities once; Kenya's review waits for endorsements. */
    private void stateNationalPriorities() throws Exception {
        String admin = token("admin", "demo-admin", null, null);
        for (Map.Entry<String, String[][]> state : NATIONAL_PRIORITIES.entrySet()) {
            String country = state.getKey();
            String focalPoint = tokens.focalPoint(country, "demo-focal-point-" + country.toLowerCase());
            String url = REQUESTS + "/countries/" + country + "/priorities";
            if (items(get(url, focalPoint)).isEmpty()) {
                int rank = 0;
                for (String[] priority : state.getValue()) {
                    send(
                            "POST",
                            url,
                            focalPoint,
                            Map.of(
                                    "title",
                                    priority[0].replace('_', ' ').toLowerCase() + " (demo priority)",
                                    "thematicArea",
                                    priority[0],
                                    "assistanceTypes",
                                    List.of(priority[1].split(",")),
                                    "strategyReference",
                                    priority[2],
                                    "periodFrom",
                                    LocalDate.now().withDayOfYear(1).toString(),
                                    "periodTo",
                                    LocalDate.now()
                                            .withDayOfYear(1)
                                            .plusYears(4)
                                            .minusDays(1)
                                            .toString(),
                                    "rank",
                                    ++rank));
                }
            }
            List<String[]> stated = new ArrayList<>();
            for (JsonNode priority : items(get(url, focalPoint))) {
                stated.add(new String[] {
                    priority.path("id").asText(), priority.path("thematicArea").asText()
                });
            }
            priorities.put(country, stated);
            send(
                    "PUT",
                    PROGRAMS + "/countries/" + country + "/review-policy",
                    admin,
                    Map.of("reviewWaitsForEndorsement", REVIEW_WAITS_FOR_ENDORSEMENT.contains(country)));
        }
    }

    /** The focal points look at their State's new requests: most are endorsed, a few declined. */
    private void endorse() throws Exception {
        for (String country : NATIONAL_PRIORITIES.keySet()) {
            String focalPoint = tokens.focalPoint(country, "demo-focal-point-" + country.toLowerCase());
            for (String status : List.of("SUBMITTED", "UNDER_REVIEW")) {
                for (JsonNode request : items(get(REQUESTS + "/requests?status=" + status + "&limit=10", focalPoint))) {
                    if (request.hasNonNull("endorsement") || random.nextInt(3) > 0) {
                        continue; // decided already, or not looked at yet
                    }
                    boolean endorsed = random.nextInt(10) > 0;
                    send(
                            "POST",
                            REQUESTS + "/requests/" + request.path("id").asText() + "/endorsement",
                            focalPoint,
                            Map.of(
                                    "decision",
                                    endorsed ? "ENDORSED" : "DECLINED",
                                    "reference",
                                    "NFP/" + country + "/" + LocalDate.now().getYear() + "/" + random.nextInt(1000),
                                    "comment",
                                    endorsed
                                            ? "In line with our national priorities (demo)"
                                            : "Not a priority now (demo)"));
                }
            }
        }
    }

    /**
     * Now and then a carrier, bank, supplier or insurer refuses a shipment, or a licence is delayed or
     * denied: the logistics officer records it, and records its end a few ticks later.
     */
    private void recordImpediments(String logistics) throws Exception {
        for (String status : List.of("PLANNED", "CLEARED", "HELD")) {
            for (JsonNode shipment : items(get(EQUIPMENT + "/shipments?status=" + status + "&limit=10", logistics))) {
                String id = shipment.get("id").asText();
                JsonNode recorded = get(EQUIPMENT + "/shipments/" + id + "/impediments", logistics);
                for (JsonNode impediment : items(recorded)) {
                    if (impediment.path("resolvedAt").isNull() && random.nextInt(3) == 0) {
                        send(
                                "POST",
                                EQUIPMENT + "/shipments/" + id + "/impediments/"
                                        + impediment.path("id").asText() + "/resolution",
                                logistics,
                                Map.of(
                                        "resolvedAt",
                                        java.time.OffsetDateTime.now().toString(),
                                        "note",
                                        "Another provider found (demo)"));
                    }
                }
                if (!items(recorded).isEmpty() || random.nextInt(25) > 0) {
                    continue;
                }
                String[] impediment = IMPEDIMENTS[random.nextInt(IMPEDIMENTS.length)];
                Map<String, Object> body = new java.util.HashMap<>(Map.of(
                        "kind",
                        impediment[0],
                        "party",
                        impediment[1],
                        "basis",
                        impediment[2],
                        "occurredAt",
                        java.time.OffsetDateTime.now()
                                .minusHours(1 + random.nextInt(48))
                                .toString(),
                        "note",
                        "Recorded by the demo"));
                if (random.nextBoolean()) {
                    body.put("extraCost", Map.of("amount", (200 + random.nextInt(3000)) + ".00", "currency", "USD"));
                }
                send("POST", EQUIPMENT + "/shipments/" + id + "/impediments", logistics, body);
            }
        }
    }

    /** Logistics records a serial number per unit at dispatch (required for dual-use and licensed items). */
    private static List<Map<String, String>> serialNumbers(JsonNode shipment) {
        List<Map<String, String>> units = new ArrayList<>();
        shipment.get("lines").forEach(l -> {
            for (int n = 1; n <= l.get("quantity").asInt(); n++) {
                String item = l.get("itemCode").asText();
                units.add(Map.of(
                        "itemCode",
                        item,
                        "serialNumber",
                        serialNumber(shipment.get("id").asText(), item, n)));
            }
        });
        return units;
    }

    private static String serialNumber(String shipment, String item, int unit) {
        return "S" + shipment.replace("-", "").substring(0, 24) + "-" + item + "-" + unit;
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> found = new ArrayList<>();
        if (page == null) {
            return found;
        }
        (page.has("items") ? page.get("items") : page).forEach(found::add);
        return found;
    }

    private record Answer(int status, String body) {}

    private Answer send(String method, String url, String token, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** A token signed with the launcher's key, as `deploy/local/platform token` makes them. */
    private String token(String role, String subject, String agency, String donor) {
        return tokens.issue(role, agency, donor, subject);
    }
}
