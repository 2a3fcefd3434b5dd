package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The paths where one service says no or changes its mind, followed across the whole platform (the fault
 * tests' platform, under an agency and a country of their own): a reviewer's rejection reaches the partner
 * with its reason and reporting tells it; a partner's amendment reaches the reviewer's case; a partner who
 * tries to withdraw a request already approved is refused, and every service keeps the decision; a partner's
 * message answering a reviewer's questions moves the case back to the queue, with the answer beside them.
 */
@Order(Order.DEFAULT + 2)
class DecisionsAcrossServicesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENCY = "agency-decisions";
    private static final String COUNTRY = "ZM";
    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    static FaultPlatform platform;
    static String requests;
    static String programs;
    static String equipment;
    static String reporting;
    static String partner;
    static String reviewer;
    static String logistics;
    static String admin;

    @BeforeAll
    static void platform() throws Exception {
        platform = FaultPlatform.with(FaultPlatform.Topology.ONE_BROKER_TWO_REPORTERS);
        requests = platform.url("request-service");
        programs = platform.url("program-service");
        equipment = platform.url("equipment-service");
        reporting = platform.url("reporting-service");
        partner = platform.token("partner", "--agency", AGENCY);
        reviewer = platform.token("reviewer", "--subject", "reviewer-decisions");
        logistics = platform.token("logistics");
        admin = platform.token("admin");
    }

    @Test
    void a_rejection_reaches_the_partner_with_its_reason_and_reporting_tells_it() throws Exception {
        String id = submit("Rejected request", 2);
        awaitJson(
                programs + "/reviews/" + id,
                reviewer,
                review -> review.path("status").asText().equals("PENDING"));

        ok(
                "POST",
                programs + "/reviews/" + id + "/decision",
                reviewer,
                "{\"decision\":\"REJECT\",\"reasonCode\":\"OUT_OF_MANDATE\",\"comment\":\"Border control is another programme's\"}");

        JsonNode view = awaitJson(
                requests + "/requests/" + id,
                partner,
                r -> r.path("status").asText().equals("REJECTED"));
        assertThat(view.path("status").asText()).isEqualTo("REJECTED");
        JsonNode history = ok("GET", requests + "/requests/" + id + "/history", partner, null);
        JsonNode rejection = history.get(history.size() - 1);
        assertThat(rejection.path("to").asText())
                .as("last change of %s", history)
                .isEqualTo("REJECTED");
        assertThat(rejection.path("reason").asText())
                .as("the reason the partner reads")
                .contains("OUT_OF_MANDATE")
                .contains("Border control is another programme's");
        // nothing is committed or shipped for a rejected request
        assertThat(ok("GET", equipment + "/shipments?requestId=" + id, logistics, null))
                .isEmpty();

        JsonNode timeline = awaitJson(
                reporting + "/requests/" + id + "/timeline",
                partner,
                t -> types(t).contains("assistance.review.rejected.v1"));
        assertThat(types(timeline))
                .as("reporting's timeline of the rejected request")
                .containsExactly("assistance.request.submitted.v1", "assistance.review.rejected.v1");
    }

    @Test
    void an_amendment_reaches_the_reviewers_case() throws Exception {
        String id = submit("Request before its amendment", 2);
        awaitJson(
                programs + "/reviews/" + id,
                reviewer,
                review -> review.path("status").asText().equals("PENDING"));
        JsonNode current = ok("GET", requests + "/requests/" + id, partner, null);

        Http.Answer amended = Http.send(
                "PATCH",
                requests + "/requests/" + id,
                partner,
                """
                {"priority":"URGENT","title":"Request after its amendment",
                 "equipmentLines":[{"itemCode":"%s","quantity":5,"justification":"two more regional labs"}]}""".formatted(LoadGenerator.ITEM),
                Map.of(
                        "Content-Type",
                        "application/merge-patch+json",
                        "If-Match",
                        "\"" + current.path("version").asLong() + "\""));
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);

        JsonNode review = awaitJson(
                programs + "/reviews/" + id,
                reviewer,
                r -> r.path("title").asText().equals("Request after its amendment"));
        assertThat(review.path("priority").asText()).isEqualTo("URGENT");
        assertThat(review.path("status").asText()).isEqualTo("PENDING");
        assertThat(review.path("equipmentLines")).hasSize(1);
        assertThat(review.path("equipmentLines").get(0).path("itemCode").asText())
                .isEqualTo(LoadGenerator.ITEM);
        assertThat(review.path("equipmentLines").get(0).path("quantity").asInt())
                .isEqualTo(5);

        // the reviewer decides on what the partner asked for last
        ok("POST", programs + "/reviews/" + id + "/decision", reviewer, approval(5));
        JsonNode shipments = awaitJson(equipment + "/shipments?requestId=" + id, logistics, s -> s.size() == 1);
        assertThat(shipments.get(0).path("lines").findValuesAsText("quantity")).containsExactly("5");
    }

    @Test
    void withdrawing_a_request_already_approved_is_refused_and_every_service_keeps_the_decision() throws Exception {
        String id = submit("Request approved before the partner withdraws", 1);
        awaitJson(
                programs + "/reviews/" + id,
                reviewer,
                review -> review.path("status").asText().equals("PENDING"));
        BigDecimal committedBefore = committed();
        ok("POST", programs + "/reviews/" + id + "/decision", reviewer, approval(1));
        awaitJson(
                requests + "/requests/" + id,
                partner,
                r -> r.path("status").asText().equals("APPROVED"));
        JsonNode planned = awaitJson(equipment + "/shipments?requestId=" + id, logistics, s -> s.size() == 1);
        String shipment = planned.get(0).path("id").asText();
        assertThat(committed())
                .as("committed by the approval")
                .isEqualByComparingTo(committedBefore.add(new BigDecimal("100.00")));

        Http.Answer withdrawal = Http.send(
                "POST",
                requests + "/requests/" + id + "/withdrawal",
                partner,
                "{\"reason\":\"Funded by the national budget after all\"}");
        assertThat(withdrawal.status()).as(withdrawal.body()).isEqualTo(409);
        JsonNode problem = JSON.readTree(withdrawal.body());
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("title").asText() + " " + problem.path("detail").asText())
                .as("the problem the partner reads")
                .containsIgnoringCase("APPROVED");

        // the refusal published nothing: give a withdrawal event the time to travel, then every service still agrees
        Thread.sleep(3_000);
        assertThat(ok("GET", requests + "/requests/" + id, partner, null)
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");
        assertThat(ok("GET", programs + "/reviews/" + id, reviewer, null)
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");
        assertThat(committed())
                .as("the programme's commitment stands")
                .isEqualByComparingTo(committedBefore.add(new BigDecimal("100.00")));
        JsonNode shipments = ok("GET", equipment + "/shipments?requestId=" + id, logistics, null);
        assertThat(shipments).hasSize(1);
        assertThat(shipments.get(0).path("id").asText()).isEqualTo(shipment);
        assertThat(shipments.get(0).path("status").asText())
                .as("the shipment planned for it")
                .isEqualTo("PLANNED");
        JsonNode timeline = awaitJson(
                reporting + "/requests/" + id + "/timeline",
                partner,
                t -> types(t).contains("assistance.shipment.planned.v1"));
        assertThat(types(timeline))
                .as("reporting's timeline")
                .doesNotContain("assistance.request.withdrawn.v1")
                .contains("assistance.review.approved.v1", "assistance.funds.committed.v1");
    }

    @Test
    void a_message_thread_moves_a_case_back_to_the_queue() throws Exception {
        String id = submit("Request the reviewer asks about", 2);
        awaitJson(
                programs + "/reviews/" + id,
                reviewer,
                review -> review.path("status").asText().equals("PENDING"));
        ok(
                "POST",
                programs + "/reviews/" + id + "/decision",
                reviewer,
                "{\"decision\":\"REQUEST_INFORMATION\",\"questions\":[\"How many examiners will use the kits?\"]}");
        awaitJson(
                requests + "/requests/" + id,
                partner,
                r -> r.path("status").asText().equals("INFORMATION_REQUESTED"));

        // the reviewer writes to the partner, and to the other reviewers in a note the partner never reads
        ok("POST", requests + "/requests/" + id + "/messages", reviewer, "{\"body\":\"Also: which labs?\"}");
        ok(
                "POST",
                requests + "/requests/" + id + "/messages",
                reviewer,
                "{\"body\":\"Check the lab count against last year's\",\"visibility\":\"INTERNAL\"}");
        JsonNode thread = ok("GET", requests + "/requests/" + id + "/messages", partner, null);
        assertThat(thread.path("items").findValuesAsText("body")).containsExactly("Also: which labs?");

        JsonNode answer = ok(
                "POST",
                requests + "/requests/" + id + "/messages",
                partner,
                "{\"body\":\"Twelve examiners, in the Lusaka and Ndola labs.\"}");
        assertThat(answer.path("answersInformationRequest").asBoolean()).isTrue();
        assertThat(ok("GET", requests + "/requests/" + id, partner, null)
                        .path("status")
                        .asText())
                .isEqualTo("UNDER_REVIEW");

        // program-service hears of the answer from the message's event: the case is back in the queue
        JsonNode review = awaitJson(
                programs + "/reviews/" + id,
                reviewer,
                r -> r.path("status").asText().equals("PENDING"));
        JsonNode asked = review.path("informationRequests").get(0);
        assertThat(asked.path("questions").get(0).asText()).isEqualTo("How many examiners will use the kits?");
        assertThat(asked.path("answers").get(0).path("body").asText())
                .isEqualTo("Twelve examiners, in the Lusaka and Ndola labs.");

        // reporting tells the partner of the messages, never of the note
        JsonNode timeline = awaitJson(
                reporting + "/requests/" + id + "/timeline",
                admin,
                t -> types(t).stream()
                                .filter("assistance.request.message-posted.v1"::equals)
                                .count()
                        == 3);
        assertThat(timeline.findValuesAsText("summary")).anyMatch(line -> line.startsWith("Internal note"));
        JsonNode partners = ok("GET", reporting + "/requests/" + id + "/timeline", partner, null);
        assertThat(partners.findValuesAsText("summary")).noneMatch(line -> line.startsWith("Internal note"));
        assertThat(types(partners).stream()
                        .filter("assistance.request.message-posted.v1"::equals)
                        .count())
                .isEqualTo(2);
    }

    private static String submit(String title, int quantity) throws Exception {
        return ok("POST", requests + "/requests", partner, """
                {"country":"%s","requestingAuthority":{"name":"Zambia Police Service","kind":"POLICE"},
                 "thematicArea":"CYBERCRIME","assistanceTypes":["EQUIPMENT"],"priority":"MEDIUM",
                 "title":"%s","needsStatement":"Cross-service decisions test.","desiredBy":"%s",
                 "equipmentLines":[{"itemCode":"%s","quantity":%d,"justification":"regional lab"}]}""".formatted(
                                COUNTRY, title, LocalDate.now().plusMonths(6), LoadGenerator.ITEM, quantity))
                .path("id")
                .asText();
    }

    private static String approval(int quantity) {
        return """
                {"decision":"APPROVE","programmeCode":"FAULTS","approvedAmount":{"amount":"100.00","currency":"USD"},
                 "equipmentLines":[{"itemCode":"%s","quantity":%d}]}""".formatted(LoadGenerator.ITEM, quantity);
    }

    private static BigDecimal committed() throws Exception {
        return PlatformInvariants.amount(
                ok("GET", programs + "/programmes/FAULTS", admin, null).path("committed"));
    }

    private static List<String> types(JsonNode timeline) {
        List<String> types = new ArrayList<>();
        timeline.forEach(entry -> types.add(entry.path("type").asText()));
        return types;
    }

    private static JsonNode ok(String method, String url, String token, String json) throws Exception {
        return Http.ok(method, url, token, json);
    }

    private static JsonNode awaitJson(String url, String token, Predicate<JsonNode> until) {
        return Http.awaitJson(url, token, PROPAGATION, until);
    }
}
