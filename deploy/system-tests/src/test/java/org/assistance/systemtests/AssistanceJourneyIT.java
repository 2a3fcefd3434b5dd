package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole journey as users meet it: four separate services started as deploy/local/platform
 * starts them, one broker, real HTTP only; request-service is killed -9 half-way and restarted.
 */
class AssistanceJourneyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = Launcher.uniquePrefix("journey");
    /** The agency's pseudonym of a course participant: it must never leave program-service. */
    private static final String PARTICIPANT = "DCI-EXAMINER-";

    private static final Map<String, String> ENV = Launcher.ownDatabases(PREFIX);
    private static final String REQUESTS = Launcher.url(8081) + "/api/v1";
    private static final String PROGRAMS = Launcher.url(8082) + "/api/v1";
    private static final String EQUIPMENT = Launcher.url(8083) + "/api/v1";
    private static final String REPORTING = Launcher.url(8084) + "/api/v1";

    @BeforeAll
    static void platformUp() throws Exception {
        Launcher.run(120, "down");
        deleteState();
        Launcher.Outcome up = Launcher.run(ENV, 600, "up");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }

    @AfterAll
    static void platformDown() throws Exception {
        Launcher.run(120, "down");
        deleteState();
        Launcher.dropDatabases(PREFIX);
    }

    @Test
    void from_request_to_delivery_and_donor_report_with_a_service_killed_on_the_way() throws Exception {
        String admin = token("admin", "--subject", "ada-admin");
        String partner = token("partner", "--agency", "agency-ke-dci");
        String stranger = token("partner", "--agency", "agency-elsewhere");
        String ana = token("reviewer", "--subject", "reviewer-ana");
        String bo = token("reviewer", "--subject", "reviewer-bo");
        String logistics = token("logistics");
        String operations = token("operations");
        String donor = token("donor", "--donor", "donor-eu");

        // 1. admin sets the stage
        ok(
                post(
                        PROGRAMS + "/donors",
                        admin,
                        "{\"id\":\"donor-eu\",\"name\":\"European Union\",\"iatiIdentifier\":\"XI-IATI-EC_INTPA\",\"type\":\"MULTILATERAL\"}"));
        ok(
                post(
                        PROGRAMS + "/donors",
                        admin,
                        "{\"id\":\"donor-uk\",\"name\":\"United Kingdom\",\"iatiIdentifier\":\"GB-GOV-1\",\"type\":\"GOVERNMENT\"}"));
        ok(
                post(
                        PROGRAMS + "/programmes",
                        admin,
                        "{\"code\":\"GLOCY\",\"name\":\"Global Programme on Cybercrime\",\"thematicAreas\":[\"CYBERCRIME\"],\"currency\":\"USD\",\"iatiActivityPrefix\":\"XM-EXAMPLE-TA-GLOCY\"}"));
        ok(post(
                PROGRAMS + "/programmes/GLOCY/pledges",
                admin,
                "{\"donorId\":\"donor-uk\",\"amount\":{\"amount\":\"500000.00\",\"currency\":\"USD\"},\"date\":\""
                        + LocalDate.now() + "\"}"));
        ok(post(
                PROGRAMS + "/programmes/GLOCY/contributions",
                admin,
                "{\"donorId\":\"donor-eu\",\"amount\":{\"amount\":\"200000.00\",\"currency\":\"USD\"},\"date\":\""
                        + LocalDate.now() + "\"}"));
        // the programme's results framework: one indicator the platform measures, one entered with its source
        int year = LocalDate.now().getYear();
        ok(post(PROGRAMS + "/programmes/GLOCY/indicators", admin, """
                {"title":"Officials trained","kind":"OUTPUT","computation":"PARTICIPANTS_TRAINED",
                 "baseline":{"value":0,"year":%d},"target":{"value":40,"year":%d},"sdgTarget":"16.a"}""".formatted(year - 1, year)));
        String cases = ok(post(PROGRAMS + "/programmes/GLOCY/indicators", admin, """
                        {"title":"Cybercrime cases prosecuted with digital evidence","kind":"OUTCOME","unit":"cases",
                         "baseline":{"value":3,"year":%d},"target":{"value":12,"year":%d},"sdgTarget":"16.4"}""".formatted(year - 1, year)))
                .get("id")
                .asText();
        ok(post(PROGRAMS + "/programmes/GLOCY/indicators/" + cases + "/measurements", admin, """
                {"periodStart":"%d-01-01","periodEnd":"%d-12-31","value":5,"country":"KE",
                 "source":"Office of the Director of Public Prosecutions, annual statistics"}""".formatted(
                        year, year)));
        ok(
                post(
                        EQUIPMENT + "/catalogue",
                        admin,
                        "{\"code\":\"FOR-WB-001\",\"name\":\"Forensic write blocker kit\",\"category\":\"FORENSIC_IT\",\"unitCost\":{\"amount\":\"1200.00\",\"currency\":\"USD\"},\"dualUse\":false}"));
        ok(
                post(
                        EQUIPMENT + "/catalogue",
                        admin,
                        "{\"code\":\"SUR-CAM-7\",\"name\":\"Covert camera set\",\"category\":\"SURVEILLANCE\",\"unitCost\":{\"amount\":\"900.00\",\"currency\":\"USD\"},\"dualUse\":true,\"exportControlClass\":\"5A001\"}"));
        ok(post(EQUIPMENT + "/warehouses", admin, "{\"code\":\"VIE-1\",\"name\":\"Vienna\",\"country\":\"AT\"}"));
        ok(post(EQUIPMENT + "/warehouses/VIE-1/stock", admin, "{\"itemCode\":\"FOR-WB-001\",\"quantity\":10}"));
        ok(post(EQUIPMENT + "/warehouses/VIE-1/stock", admin, "{\"itemCode\":\"SUR-CAM-7\",\"quantity\":10}"));
        // request- and program-service learn the catalogue from its topic: a partner and a reviewer see it
        awaitJson(
                REQUESTS + "/catalogue",
                partner,
                json -> json.findValuesAsText("itemCode").containsAll(List.of("FOR-WB-001", "SUR-CAM-7")));
        awaitJson(
                PROGRAMS + "/catalogue",
                ana,
                json -> json.findValuesAsText("itemCode").containsAll(List.of("FOR-WB-001", "SUR-CAM-7")));
        ok(
                post(
                        EQUIPMENT + "/export-rules",
                        admin,
                        "{\"destination\":\"KE\",\"target\":\"SURVEILLANCE\",\"measure\":\"LICENCE_REQUIRED\",\"reference\":\"EU 2021/821 Annex I\",\"reason\":\"Interception equipment needs a licence\",\"basis\":\"NATIONAL_EXPORT_CONTROL\",\"imposedBy\":\"Export control authority of the shipping State\",\"instrument\":\"Regulation (EU) 2021/821, Annex I\"}"));

        // 2. a partner agency asks for training and equipment, including a surveillance item
        JsonNode request = ok(post(
                REQUESTS + "/requests", partner, """
                {"country":"KE","requestingAuthority":{"name":"Directorate of Criminal Investigations","kind":"POLICE"},
                 "thematicArea":"CYBERCRIME","assistanceTypes":["TRAINING","EQUIPMENT"],"priority":"HIGH",
                 "title":"Digital forensics capacity","needsStatement":"Ransomware cases doubled; no trained examiners.",
                 "desiredBy":"%s",
                 "equipmentLines":[{"itemCode":"FOR-WB-001","quantity":4,"justification":"regional labs"},
                                   {"itemCode":"SUR-CAM-7","quantity":2,"justification":"undercover operations"}],
                 "trainingNeeds":[{"topic":"Mobile forensics","expectedParticipants":20}],
                 "estimatedValue":{"amount":"70000.00","currency":"USD"},
                 "translations":[{"language":"fr","title":"Capacités de criminalistique numérique",
                                  "needsStatement":"Les affaires de rançongiciels ont doublé ; aucun examinateur formé."}]}""".formatted(LocalDate.now().plusMonths(6))));
        String id = request.get("id").asText();

        // 3. partial approval above the four-eyes amount: a second reviewer confirms
        awaitJson(
                PROGRAMS + "/reviews/" + id,
                ana,
                json -> json.path("status").asText().equals("PENDING"));
        String approval = """
                {"decision":"APPROVE","programmeCode":"GLOCY","approvedAmount":{"amount":"60000.00","currency":"USD"},
                 "equipmentLines":[{"itemCode":"FOR-WB-001","quantity":3},{"itemCode":"SUR-CAM-7","quantity":2}],
                 "trainings":[{"topic":"Mobile forensics","participants":20}]}""";
        assertThat(ok(post(PROGRAMS + "/reviews/" + id + "/decision", ana, approval))
                        .get("status")
                        .asText())
                .isEqualTo("AWAITING_SECOND_APPROVAL");
        assertThat(post(PROGRAMS + "/reviews/" + id + "/decision", ana, approval)
                        .status())
                .isEqualTo(409);
        assertThat(ok(post(PROGRAMS + "/reviews/" + id + "/decision", bo, approval))
                        .get("status")
                        .asText())
                .isEqualTo("APPROVED");

        // 4. the shipment is planned and held; logistics clears it, dispatches it...
        JsonNode shipments = awaitJson(
                EQUIPMENT + "/shipments?requestId=" + id,
                logistics,
                json -> json.size() == 1 && json.get(0).path("status").asText().equals("HELD"));
        String shipment = shipments.get(0).get("id").asText();
        ok(post(
                EQUIPMENT + "/shipments/" + shipment + "/clearance",
                logistics,
                "{\"licenceReference\":\"EXP-AT-2027-00412\",\"licenceDate\":\"" + LocalDate.now() + "\"}"));
        ok(post(
                EQUIPMENT + "/shipments/" + shipment + "/dispatch",
                logistics,
                "{\"mode\":\"AIR\",\"carrier\":\"Kenya Airways Cargo\",\"trackingReference\":\"KQ-706\",\"expectedDelivery\":\""
                        + LocalDate.now().plusDays(10) + "\",\"units\":"
                        + JSON.writeValueAsString(SerialNumbers.units(shipments.get(0))) + "}"));

        // ... while request-service is killed -9 and the story goes on without it
        long pid = Long.parseLong(Files.readString(Launcher.STATE.resolve("pids/request-service.pid"))
                .trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        for (String milestone : List.of("CUSTOMS_ENTRY", "CUSTOMS_HOLD", "CUSTOMS_RELEASE")) {
            ok(post(
                    EQUIPMENT + "/shipments/" + shipment + "/milestones",
                    logistics,
                    "{\"milestone\":\"" + milestone + "\",\"location\":\"JKIA Nairobi\",\"occurredAt\":\""
                            + OffsetDateTime.now().minusSeconds(1) + "\"}"));
        }
        ok(post(
                EQUIPMENT + "/shipments/" + shipment + "/delivery",
                logistics,
                "{\"deliveredAt\":\"" + OffsetDateTime.now().minusSeconds(1) + "\"}"));
        Launcher.Outcome restarted = Launcher.run(ENV, 180, "start", "request-service");
        assertThat(restarted.exitCode()).as(restarted.output()).isZero();

        // 5. the equipment is delivered, the training still owed; the partner confirms receipt, one line partly
        // rejected
        awaitJson(
                REQUESTS + "/requests/" + id + "/deliverables",
                partner,
                json -> json.path("outstanding").size() == 1
                        && json.path("outstanding").get(0).path("kind").asText().equals("TRAINING_COURSE")
                        && json.path("status").asText().equals("IN_DELIVERY"));
        ok(post(REQUESTS + "/requests/" + id + "/receipts", partner, """
                {"shipmentId":"%s","receivedBy":"Insp. Wanjiru","receivedAt":"%s",
                 "lines":[{"itemCode":"FOR-WB-001","quantityAccepted":3,"quantityRejected":0},
                          {"itemCode":"SUR-CAM-7","quantityAccepted":1,"quantityRejected":1,"rejectionReason":"Lens cracked",
                           "serialsAccepted":["%s"]}]}""".formatted(
                        shipment,
                        OffsetDateTime.now().minusSeconds(1),
                        SerialNumbers.of(UUID.fromString(shipment), "SUR-CAM-7", 1))));

        // 5b. the asset register: the partner sees its units by serial number, one rejected at receipt; a
        // monitored unit (dual-use, and the shipment went under a licence) is checked at its end user
        String camera = SerialNumbers.of(UUID.fromString(shipment), "SUR-CAM-7", 1);
        JsonNode assets = awaitJson(
                EQUIPMENT + "/assets?requestId=" + id,
                partner,
                json -> json.size() == 5
                        && json.toString().contains("REJECTED")
                        && !json.toString().contains("\"DELIVERED\""));
        for (JsonNode asset : assets) {
            boolean rejected = asset.get("serialNumber")
                    .asText()
                    .equals(SerialNumbers.of(UUID.fromString(shipment), "SUR-CAM-7", 2));
            assertThat(asset.get("status").asText()).isEqualTo(rejected ? "REJECTED" : "RECEIVED");
            assertThat(asset.get("monitored").asBoolean()).isTrue();
            assertThat(asset.get("country").asText()).isEqualTo("KE");
        }
        assertThat(ok(Http.get(EQUIPMENT + "/assets?requestId=" + id, stranger)).size())
                .isZero();
        ok(post(EQUIPMENT + "/assets/" + camera + "/checks", logistics, """
                {"result":"IN_USE","checkedAt":"%s","by":"Field office Nairobi","note":"With the DCI surveillance unit"}""".formatted(LocalDate.now())));
        JsonNode checked = ok(Http.get(EQUIPMENT + "/assets/" + camera, partner));
        assertThat(checked.path("lastCheck").path("result").asText()).isEqualTo("IN_USE");
        assertThat(checked.path("checksDue").get(0).path("dueOn").asText())
                .isEqualTo(OffsetDateTime.parse(checked.get("deliveredAt").asText())
                        .toLocalDate()
                        .plusMonths(6)
                        .toString());
        assertThat(checked.path("checksDue").get(0).path("met").asBoolean()).isTrue();

        // 6. the training is delivered
        JsonNode activities = awaitJson(PROGRAMS + "/activities?requestId=" + id, logistics, json -> json.size() >= 1);
        String training = null;
        for (JsonNode activity : activities) {
            if (activity.get("kind").asText().equals("TRAINING_COURSE")) {
                training = activity.get("id").asText();
            }
        }
        // its roster, by the agency's pseudonyms: 8 women, 8 men, one of another sex, one who did not say
        for (int n = 1; n <= 18; n++) {
            String sex = n <= 8 ? "FEMALE" : n <= 16 ? "MALE" : n == 17 ? "OTHER" : "NOT_DISCLOSED";
            ok(post(PROGRAMS + "/activities/" + training + "/participants", logistics, """
                    {"participantId":"%s","sex":"%s","roleOrRank":"Examiner","organisation":"DCI forensic lab",
                     "preTestScore":40,"postTestScore":%d,"attendancePercent":%d,"certificateIssued":%b}""".formatted(
                            PARTICIPANT + n, sex, 60 + n, n == 18 ? 50 : 100, n != 18)));
        }
        ok(post(PROGRAMS + "/activities/" + training + "/delivery", logistics, """
                {"actualStart":"%s","actualEnd":"%s","participants":{"women":8,"men":8,"other":1,"notDisclosed":1,"total":18},
                 "authoritiesReached":["DCI cybercrime unit"],"outcome":"18 examiners certified",
                 "cost":{"amount":"5000.00","currency":"USD"}}""".formatted(
                        LocalDate.now().minusDays(4), LocalDate.now())));

        // 7. then: every deliverable delivered, the request is DELIVERED; the partner confirms completion
        awaitJson(
                REQUESTS + "/requests/" + id,
                partner,
                json -> json.path("status").asText().equals("DELIVERED"));
        assertThat(ok(post(
                                REQUESTS + "/requests/" + id + "/completion",
                                partner,
                                "{\"satisfaction\":5,\"comment\":\"Examiners now handle phone evidence in-house\"}"))
                        .get("status")
                        .asText())
                .isEqualTo("CLOSED");
        JsonNode history = ok(Http.get(REQUESTS + "/requests/" + id + "/history", partner));
        List<String> statuses = new ArrayList<>();
        history.forEach(change -> statuses.add(change.get("to").asText()));
        assertThat(statuses).containsExactly("SUBMITTED", "PARTIALLY_APPROVED", "IN_DELIVERY", "DELIVERED", "CLOSED");

        // the timeline lists every event in order
        List<String> expected = new ArrayList<>(List.of(
                "assistance.request.submitted.v1",
                "assistance.funds.committed.v1",
                "assistance.review.approved.v1",
                "assistance.shipment.planned.v1",
                "assistance.shipment.held.v1",
                "assistance.shipment.cleared.v1",
                "assistance.shipment.dispatched.v1",
                "assistance.shipment.milestone.v1",
                "assistance.shipment.milestone.v1",
                "assistance.shipment.milestone.v1",
                "assistance.shipment.delivered.v1",
                "assistance.request.receipt-confirmed.v1",
                "assistance.shipment.received.v1",
                "assistance.activity.delivered.v1",
                "assistance.request.delivery-started.v1",
                "assistance.request.delivered.v1",
                "assistance.request.closed.v1",
                "assistance.shipment.end-use-monitoring-started.v1",
                "assistance.shipment.end-use-check-recorded.v1"));
        expected.addAll(java.util.Collections.nCopies(18, "assistance.activity.participants-recorded.v1"));
        JsonNode timeline =
                awaitJson(REPORTING + "/requests/" + id + "/timeline", partner, json -> json.size() >= expected.size());
        List<String> types = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        List<OffsetDateTime> times = new ArrayList<>();
        timeline.forEach(entry -> {
            types.add(entry.get("type").asText());
            eventIds.add(entry.get("eventId").asText());
            times.add(OffsetDateTime.parse(entry.get("time").asText()));
        });
        assertThat(types).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(types.get(0)).isEqualTo("assistance.request.submitted.v1");
        assertThat(eventIds).hasSize(expected.size());
        assertThat(times).isSortedAccordingTo(Comparator.naturalOrder());

        // every service answers in its reader's language: the partner's timeline in Arabic, and a refusal of
        // each service in French (the title and the detail, as a French-speaking client would show them)
        Http.Answer arabic = Http.send(
                "GET", REPORTING + "/requests/" + id + "/timeline", partner, null, Map.of("Accept-Language", "ar"));
        assertThat(arabic.status()).isEqualTo(200);
        assertThat(arabic.body()).containsPattern("\\p{IsArabic}{3,}");
        for (Map.Entry<String, String> refused : Map.of(
                        REQUESTS + "/requests/" + UUID.randomUUID(), partner,
                        PROGRAMS + "/reviews/" + UUID.randomUUID(), ana,
                        EQUIPMENT + "/assets/NO-SUCH-SERIAL", logistics,
                        REPORTING + "/requests/" + UUID.randomUUID() + "/timeline", operations)
                .entrySet()) {
            Http.Answer answer =
                    Http.send("GET", refused.getKey(), refused.getValue(), null, Map.of("Accept-Language", "fr-FR"));
            assertThat(answer.status()).as(refused.getKey()).isEqualTo(404);
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.get("title").asText()).as(refused.getKey()).isEqualTo("Introuvable");
            assertThat(problem.get("detail").asText())
                    .as(refused.getKey())
                    .containsAnyOf("n'existe pas", "introuvable");
        }

        // operators recover and audit: the admin's set-up is in program-service's trail, every service answers
        // its admin endpoints, and no valid step of the journey left a dead letter anywhere
        JsonNode setUp = JSON.readTree(Http.get(PROGRAMS + "/admin/audit?actor=ada-admin&limit=1000", admin)
                .body());
        List<String> kinds = new ArrayList<>();
        setUp.forEach(entry -> kinds.add(
                entry.get("kind").asText() + " " + entry.get("subject").asText()));
        assertThat(kinds).contains("donor donor-eu", "donor donor-uk", "programme GLOCY");
        assertThat(kinds.stream().filter(k -> k.startsWith("pledge ") || k.startsWith("contribution ")))
                .hasSize(2);
        for (String service : List.of(REQUESTS, PROGRAMS, EQUIPMENT, REPORTING)) {
            Http.Answer trail = Http.get(service + "/admin/audit?limit=1", admin);
            assertThat(trail.status()).as(service).isEqualTo(200);
            Http.Answer pending = Http.get(service + "/admin/dead-letters?status=PENDING", admin);
            assertThat(pending.status()).as(service).isEqualTo(200);
            assertThat(JSON.readTree(pending.body()))
                    .as(service + " pending dead letters")
                    .isEmpty();
            assertThat(Http.get(service + "/admin/audit", partner).status()).isEqualTo(403);
        }

        // the dashboard shows the KPIs
        JsonNode kpis = awaitJson(
                REPORTING + "/dashboard?country=KE",
                operations,
                json -> json.path("fillRatePercent").asDouble() > 0
                        && json.path("participantsWomen").asInt() == 8);
        assertThat(kpis.get("heldNow").asInt()).isZero();
        assertThat(kpis.get("everHeld").asInt()).isEqualTo(1);
        assertThat(kpis.get("delivery").get("closed").asInt()).isEqualTo(1);
        assertThat(kpis.get("shipments").get("held").get("totalDaysHeld").asDouble())
                .isGreaterThan(0);
        assertThat(kpis.get("fillRatePercent").asDouble()).isLessThan(100).isEqualTo(80.0);
        JsonNode funds = kpis.get("funds").get(0);
        assertThat(funds.get("committed").decimalValue()).isEqualByComparingTo("60000.00");
        assertThat(funds.get("disbursed").decimalValue()).isEqualByComparingTo("5000.00");

        // the donor's IATI feed contains the activity and validates
        String iati = Http.get(REPORTING + "/feeds/iati", donor).body();
        assertThat(iati).contains("XM-EXAMPLE-TA-GLOCY-" + id);
        // the partner's French translation is a narrative of its own
        assertThat(iati).contains("<narrative xml:lang=\"fr\">Capacités de criminalistique numérique</narrative>");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new File(
                        System.getProperty("iati.schemas", "../../shared/standards/iati-2.03"),
                        "iati-activities-schema.xsd"))
                .newValidator()
                .validate(new StreamSource(new StringReader(iati)));
        // one actual per sex (IATI reads one figure per dimension value), the request under its programme
        assertThat(iati)
                .contains("<dimension name=\"sex\" value=\"other\"")
                .contains("<dimension name=\"sex\" value=\"not-disclosed\"")
                .contains("related-activity")
                .doesNotContain(PARTICIPANT);

        // the programme's results: the trained computed from the roster, by sex and country; the entered figure
        JsonNode results = awaitJson(
                REPORTING + "/programmes/GLOCY/results",
                operations,
                // the timeline above already told every roster change: the read models fold them in the same step
                json -> json.path("indicators").size() == 2);
        JsonNode trained = null;
        for (JsonNode indicator : results.get("indicators")) {
            if ("PARTICIPANTS_TRAINED".equals(indicator.path("computation").asText())) {
                trained = indicator;
            }
        }
        assertThat(trained).as(results.toString()).isNotNull();
        JsonNode thisYear = null;
        for (JsonNode period : trained.get("periods")) {
            if (period.get("periodStart").asText().equals(year + "-01-01")) {
                thisYear = period;
            }
        }
        assertThat(thisYear).as(trained.toString()).isNotNull();
        assertThat(thisYear.get("actual").decimalValue()).isEqualByComparingTo("18");
        assertThat(thisYear.get("target").decimalValue()).isEqualByComparingTo("40");
        assertThat(thisYear.get("byCountry").get("KE").decimalValue()).isEqualByComparingTo("18");
        assertThat(thisYear.get("bySex").get("female").decimalValue()).isEqualByComparingTo("8");
        assertThat(thisYear.get("bySex").get("male").decimalValue()).isEqualByComparingTo("8");
        assertThat(thisYear.get("bySex").get("other").decimalValue()).isEqualByComparingTo("1");
        assertThat(thisYear.get("bySex").get("not-disclosed").decimalValue()).isEqualByComparingTo("1");
        assertThat(results.toString()).doesNotContain(PARTICIPANT);
        JsonNode prosecuted =
                results.get("indicators").get(0).path("computation").isTextual()
                        ? results.get("indicators").get(1)
                        : results.get("indicators").get(0);
        assertThat(prosecuted.get("periods").toString()).contains("Office of the Director of Public Prosecutions");
        assertThat(prosecuted.findValue("byCountry").get("KE").decimalValue()).isEqualByComparingTo("5");

        // and the programme-level IATI activity carries them as results, valid against the schema
        String programmes =
                Http.get(REPORTING + "/feeds/iati/programmes", donor).body();
        assertThat(programmes)
                .contains("hierarchy=\"1\"")
                .contains("<tag vocabulary=\"3\" code=\"16.4\"")
                .contains("Officials trained")
                .doesNotContain(PARTICIPANT);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new File(
                        System.getProperty("iati.schemas", "../../shared/standards/iati-2.03"),
                        "iati-activities-schema.xsd"))
                .newValidator()
                .validate(new StreamSource(new StringReader(programmes)));

        // the end-use monitoring, as the donor reads it: four units monitored (one rejected), one found in use
        JsonNode endUse = awaitJson(
                REPORTING + "/end-use?country=KE",
                donor,
                json -> json.path("totals").path("unitsFoundInUse").asInt() == 1);
        assertThat(endUse.path("totals").path("unitsMonitored").asInt()).isEqualTo(4);

        // a second agency sees none of it
        assertThat(Http.get(REQUESTS + "/requests/" + id, stranger).status()).isEqualTo(404);
        assertThat(Http.get(REQUESTS + "/requests/" + id + "/shipments", stranger)
                        .status())
                .isEqualTo(404);
        assertThat(Http.get(REPORTING + "/requests/" + id + "/timeline", stranger)
                        .status())
                .isEqualTo(404);
        assertThat(ok(Http.get(EQUIPMENT + "/shipments?requestId=" + id, stranger))
                        .size())
                .isZero();
        assertThat(Http.get(REQUESTS + "/requests", stranger).body()).doesNotContain(id);

        // the CloudEvents on the topics, read by an independent client, carry every required header
        List<ConsumerRecord<String, byte[]>> records = recordsOf(id);
        assertThat(records).hasSizeGreaterThanOrEqualTo(expected.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
            assertThat(header(record, "ce_source")).startsWith("/");
            assertThat(header(record, "ce_type")).startsWith("assistance.").endsWith(".v1");
            assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
            assertThat(header(record, "ce_subject")).isEqualTo(id);
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            // nothing personal of a course participant ever leaves program-service: aggregates only
            assertThat(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain(PARTICIPANT)
                    .doesNotContain("DCI forensic lab");
        }
    }

    private static List<ConsumerRecord<String, byte[]>> recordsOf(String key) {
        Properties props = new Properties();
        props.putAll(KafkaLogin.asAdmin("localhost:" + Launcher.port(9092)));
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("assistance.requests", "assistance.reviews", "assistance.shipments")) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 20_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String token(String role, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("token", role));
        args.addAll(List.of(options));
        return Launcher.run(ENV, 30, args.toArray(String[]::new)).output().trim();
    }

    private static Http.Answer post(String url, String token, String json) throws Exception {
        return Http.send("POST", url, token, json);
    }

    private static JsonNode ok(Http.Answer answer) throws Exception {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    private static JsonNode awaitJson(String url, String token, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> {
                    Http.Answer answer = Http.get(url, token);
                    last[0] = answer.status() == 200 ? JSON.readTree(answer.body()) : null;
                    return last[0] != null && condition.test(last[0]);
                });
        return last[0];
    }

    private static void deleteState() throws Exception {
        Path state = Launcher.STATE;
        if (Files.exists(state)) {
            try (var paths = Files.walk(state)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
