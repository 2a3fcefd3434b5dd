package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The State's voice and the barriers to its assistance, across the four services as deploy/local/platform
 * runs them: Benin's focal point states a national priority; a partner's request answers it; review of
 * Benin's requests waits for the endorsement, so the reviewer's approval is refused until the focal point
 * endorses; the approved equipment is held by a Security Council measure and a carrier refuses it for two
 * days at an extra cost; the barriers report and the country report say exactly that, to Benin's focal
 * point and to no other State's.
 */
@Order(Order.DEFAULT + 2)
class StatesVoiceAndBarriersIT {
    private static final String COUNTRY = "BJ";
    private static final String OTHER_COUNTRY = "TG";
    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    @Test
    void a_request_endorsed_by_its_state_is_approved_held_and_reported_with_its_barriers_to_that_state_only()
            throws Exception {
        FaultPlatform platform = FaultPlatform.with(FaultPlatform.Topology.ONE_BROKER_TWO_REPORTERS);
        String requests = platform.url("request-service");
        String programs = platform.url("program-service");
        String equipment = platform.url("equipment-service");
        String reporting = platform.url("reporting-service");
        String admin = platform.token("admin");
        String reviewer = platform.token("reviewer", "--subject", "reviewer-states-voice");
        String logistics = platform.token("logistics");
        String partner = platform.token("partner", "--agency", "agency-bj-police");
        String focalPoint = platform.token("focal-point", "--country", COUNTRY, "--subject", "nfp-benin");
        String otherState = platform.token("focal-point", "--country", OTHER_COUNTRY);

        // the State's voice: a priority, and review that waits for the endorsement
        ok("PUT", programs + "/countries/" + COUNTRY + "/review-policy", admin, "{\"reviewWaitsForEndorsement\":true}");
        JsonNode priority = ok("POST", requests + "/countries/" + COUNTRY + "/priorities", focalPoint, """
                {"title":"Digital forensic capacity","thematicArea":"CYBERCRIME","assistanceTypes":["EQUIPMENT"],
                 "strategyReference":"Stratégie nationale de cybersécurité, axe 2","periodFrom":"%s","periodTo":"%s",
                 "rank":1}""".formatted(
                        LocalDate.now().withDayOfYear(1), LocalDate.now().plusYears(3)));
        assertThat(Http.send("POST", requests + "/countries/" + COUNTRY + "/priorities", otherState, """
                                {"title":"Not ours","thematicArea":"CYBERCRIME","assistanceTypes":["EQUIPMENT"],
                                 "strategyReference":"x","periodFrom":"2026-01-01","periodTo":"2027-01-01","rank":1}""")
                        .status())
                .as("another State's focal point speaks for its own State only")
                .isEqualTo(403);

        // an export measure of the Security Council on the kit for this destination
        ok("POST", equipment + "/export-rules", admin, """
                {"destination":"%s","target":"FORENSIC_IT","measure":"LICENCE_REQUIRED","reference":"SC-TEST-1",
                 "reason":"Forensic kits need a licence for this destination","basis":"UN_SECURITY_COUNCIL",
                 "imposedBy":"UN Security Council (test committee)","instrument":"S/RES/0000 (test)"}""".formatted(COUNTRY));

        String id = ok("POST", requests + "/requests", partner, """
                        {"country":"%s","requestingAuthority":{"name":"Police républicaine","kind":"POLICE"},
                         "thematicArea":"CYBERCRIME","assistanceTypes":["EQUIPMENT"],"priority":"HIGH",
                         "title":"Forensic kits for the cybercrime unit","needsStatement":"Two labs without kits.",
                         "desiredBy":"%s","priorityId":"%s",
                         "equipmentLines":[{"itemCode":"%s","quantity":3,"justification":"two labs"}]}""".formatted(
                                COUNTRY,
                                LocalDate.now().plusMonths(6),
                                priority.path("id").asText(),
                                LoadGenerator.ITEM))
                .path("id")
                .asText();
        awaitJson(
                programs + "/reviews/" + id,
                reviewer,
                r -> r.path("waitingForEndorsement").asBoolean());
        String approval = """
                {"decision":"APPROVE","programmeCode":"FAULTS","approvedAmount":{"amount":"300.00","currency":"USD"},
                 "equipmentLines":[{"itemCode":"%s","quantity":3}]}""".formatted(LoadGenerator.ITEM);
        Http.Answer waiting = Http.send("POST", programs + "/reviews/" + id + "/decision", reviewer, approval);
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(409);

        // the focal point sees the request, another State's does not; only Benin's may endorse it
        assertThat(Http.get(requests + "/requests/" + id, focalPoint).status()).isEqualTo(200);
        assertThat(Http.get(requests + "/requests/" + id, otherState).status()).isEqualTo(404);
        String endorsement = "{\"decision\":\"ENDORSED\",\"reference\":\"MJ/BJ/2026/117\",\"comment\":\"Priorité 1\"}";
        assertThat(Http.send("POST", requests + "/requests/" + id + "/endorsement", otherState, endorsement)
                        .status())
                .isEqualTo(404);
        assertThat(Http.send("POST", requests + "/requests/" + id + "/endorsement", partner, endorsement)
                        .status())
                .isEqualTo(403);
        ok("POST", requests + "/requests/" + id + "/endorsement", focalPoint, endorsement);
        awaitJson(
                programs + "/reviews/" + id,
                reviewer,
                r -> !r.path("waitingForEndorsement").asBoolean());
        ok("POST", programs + "/reviews/" + id + "/decision", reviewer, approval);

        // held by the measure, with its basis; a carrier refuses it for two days, at an extra cost
        JsonNode held = awaitJson(
                        equipment + "/shipments?requestId=" + id,
                        logistics,
                        s -> s.size() == 1 && s.get(0).path("status").asText().equals("HELD"))
                .get(0);
        String shipment = held.path("id").asText();
        assertThat(held.path("hits").get(0).path("basis").asText()).isEqualTo("UN_SECURITY_COUNCIL");
        OffsetDateTime refused = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3).truncatedTo(ChronoUnit.SECONDS);
        ok("POST", equipment + "/shipments/" + shipment + "/impediments", logistics, """
                {"kind":"CARRIER_REFUSAL","party":"Test Air Cargo","basis":"UNILATERAL_MEASURE","occurredAt":"%s",
                 "resolvedAt":"%s","note":"Refused to carry to this destination",
                 "extraCost":{"amount":"450.00","currency":"USD"}}""".formatted(
                        refused, refused.plusDays(2)));
        ok("POST", equipment + "/shipments/" + shipment + "/clearance", logistics, """
                {"licenceReference":"LIC-BJ-1","licenceDate":"%s"}""".formatted(LocalDate.now()));
        JsonNode cleared = ok("GET", equipment + "/shipments/" + shipment, logistics, null);
        BigDecimal heldDays = days(cleared.path("heldSeconds").asLong());

        // the barriers report, as Benin's focal point reads it
        JsonNode barriers = awaitJson(
                reporting + "/barriers?country=" + COUNTRY,
                focalPoint,
                b -> b.path("measures").size() == 1
                        && b.path("impediments").size() == 1
                        && b.path("measures").get(0).path("standing").asInt() == 0);
        JsonNode measure = barriers.path("measures").get(0);
        assertThat(measure.path("basis").asText()).isEqualTo("UN_SECURITY_COUNCIL");
        assertThat(measure.path("instrument").asText()).isEqualTo("S/RES/0000 (test)");
        assertThat(measure.path("shipments").asInt()).isEqualTo(1);
        assertThat(measure.path("itemsDelayed").asInt()).isEqualTo(3);
        assertThat(new BigDecimal(measure.path("daysTotal").asText())).isEqualByComparingTo(heldDays);
        JsonNode carrier = barriers.path("impediments").get(0);
        assertThat(carrier.path("kind").asText()).isEqualTo("CARRIER_REFUSAL");
        assertThat(carrier.path("basis").asText()).isEqualTo("UNILATERAL_MEASURE");
        assertThat(new BigDecimal(carrier.path("daysTotal").asText())).isEqualByComparingTo("2.00");
        assertThat(carrier.path("extraCost").get(0).path("currency").asText()).isEqualTo("USD");
        assertThat(new BigDecimal(
                        carrier.path("extraCost").get(0).path("amount").asText()))
                .isEqualByComparingTo("450.00");
        assertThat(Http.get(reporting + "/barriers?country=" + COUNTRY, otherState)
                        .status())
                .as("another State's focal point does not read Benin's barriers")
                .isEqualTo(403);

        // the country report: all approved value answers the stated priority
        JsonNode report = awaitJson(
                reporting + "/countries/" + COUNTRY + "/report",
                focalPoint,
                r -> r.toString().contains("Digital forensic capacity")
                        && r.toString().contains("300"));
        assertThat(report.toString()).contains("\"priorityShare\"");
        assertThat(Http.get(reporting + "/countries/" + COUNTRY + "/report", otherState)
                        .status())
                .isEqualTo(403);
        // and the timeline tells the endorsement, to the focal point; another State's reads nothing of it
        JsonNode timeline = awaitJson(
                reporting + "/requests/" + id + "/timeline",
                focalPoint,
                t -> t.toString().contains("assistance.request.endorsed.v1"));
        assertThat(timeline.toString()).contains("assistance.shipment.impediment-recorded.v1");
        assertThat(Http.get(reporting + "/requests/" + id + "/timeline", otherState)
                        .status())
                .isEqualTo(404);
    }

    /** Days as the barriers report states them: seconds / 86,400 to two decimals. */
    private static BigDecimal days(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(86_400), 2, RoundingMode.HALF_UP);
    }

    private static JsonNode ok(String method, String url, String token, String json) throws Exception {
        return Http.ok(method, url, token, json);
    }

    private static JsonNode awaitJson(String url, String token, Predicate<JsonNode> until) {
        return Http.awaitJson(url, token, PROPAGATION, until);
    }
}
