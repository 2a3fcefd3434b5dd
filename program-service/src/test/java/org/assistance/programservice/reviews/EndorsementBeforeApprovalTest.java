package org.assistance.programservice.reviews;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.RequestEvents.RequestEndorsed;
import org.assistance.chassis.events.RequestEvents.RequestEndorsementDeclined;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The State's voice in the review: request-service's endorsed and endorsement-declined events, on
 * the real broker, reach the review case; a State's review policy (set by an admin) may make
 * approval wait for the endorsement, and a request the State declined is never approved. Each test
 * has States of its own, so one test's policy never reaches another's requests.
 */
@QuarkusTest
class EndorsementBeforeApprovalTest {
    private static final String APPROVED = "assistance.review.approved.v1";
    private static final String COMMITTED = "assistance.funds.committed.v1";
    private static final String REJECTED = "assistance.review.rejected.v1";

    @Test
    void where_review_does_not_wait_a_request_the_State_has_not_endorsed_is_approved() {
        // Ghana's policy was never set: review does not wait
        policyOf("GH", Tokens.role("admin"))
                .then()
                .statusCode(200)
                .body("country", equalTo("GH"))
                .body("reviewWaitsForEndorsement", equalTo(false))
                .body("setAt", nullValue());
        String programme = Scenario.fundedProgramme("100000.00");
        UUID request = Scenario.submittedRequest("GH");
        caseOf(request).then().body("endorsement", nullValue()).body("waitingForEndorsement", equalTo(false));

        DecidingOnRequestsTest.decide(request, "reviewer-ana", Scenario.approval(programme, "2500.00", 4, false))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        assertThat(Scenario.recordedEvents(request)).containsExactly(COMMITTED, APPROVED);
    }

    @Test
    void where_review_waits_a_request_is_approved_only_once_the_State_endorsed_it() {
        setPolicy("SN", true, Tokens.person("admin-awa", "admin"))
                .then()
                .statusCode(200)
                .body("country", equalTo("SN"))
                .body("reviewWaitsForEndorsement", equalTo(true))
                .body("setBy", equalTo("admin-awa"));
        String programme = Scenario.fundedProgramme("100000.00");
        UUID request = Scenario.submittedRequest("SN");
        caseOf(request).then().body("endorsement", nullValue()).body("waitingForEndorsement", equalTo(true));

        DecidingOnRequestsTest.decide(request, "reviewer-ana", Scenario.approval(programme, "2500.00", 4, false))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("endorsement-awaited"))
                .body("detail", containsString("waits for the State's endorsement"));
        // nothing of the approval was kept or announced, and no money was committed
        caseOf(request).then().body("status", equalTo("PENDING")).body("decidedBy", nullValue());
        assertThat(Scenario.recordedEvents(request)).isEmpty();
        programmeCommitted(programme, "0");

        OffsetDateTime endorsedAt = OffsetDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS)
                .minusMinutes(5);
        Scenario.handled(Scenario.fromRequestService(new RequestEndorsed(
                request, "agency-sn", "SN", "MAE/2026/117", "Answers our national plan", "fp-senegal", endorsedAt)));
        caseOf(request)
                .then()
                .body("waitingForEndorsement", equalTo(false))
                .body("endorsement.decision", equalTo("ENDORSED"))
                .body("endorsement.reference", equalTo("MAE/2026/117"))
                .body("endorsement.comment", equalTo("Answers our national plan"))
                .body("endorsement.focalPoint", equalTo("fp-senegal"))
                .body("endorsement.at", instant(endorsedAt));

        DecidingOnRequestsTest.decide(request, "reviewer-ana", Scenario.approval(programme, "2500.00", 4, false))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("endorsement.decision", equalTo("ENDORSED"))
                .body("waitingForEndorsement", equalTo(false));
        assertThat(Scenario.recordedEvents(request)).containsExactly(COMMITTED, APPROVED);
    }

    @Test
    void a_request_the_State_declined_is_not_approved_under_either_policy_but_is_rejected_or_questioned() {
        setPolicy("BW", false).then().statusCode(200).body("reviewWaitsForEndorsement", equalTo(false));
        setPolicy("NA", true).then().statusCode(200);
        String programme = Scenario.fundedProgramme("100000.00");
        OffsetDateTime declinedAt = OffsetDateTime.of(2026, 11, 20, 9, 30, 0, 0, ZoneOffset.UTC);

        UUID notWaiting = Scenario.submittedRequest("BW");
        UUID waiting = Scenario.submittedRequest("NA");
        Scenario.handled(Scenario.fromRequestService(new RequestEndorsementDeclined(
                notWaiting, "agency-bw", "BW", "MFA-BW-88", "Not a national priority", "fp-botswana", declinedAt)));
        Scenario.handled(Scenario.fromRequestService(new RequestEndorsementDeclined(
                waiting, "agency-na", "NA", "NA/ODA/5", null, "fp-namibia", declinedAt)));

        for (UUID request : List.of(notWaiting, waiting)) {
            DecidingOnRequestsTest.decide(request, "reviewer-ana", Scenario.approval(programme, "2500.00", 4, false))
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", endsWith("endorsement-declined"))
                    .body("detail", containsString("the State declined to endorse it on 2026-11-20 (reference "));
            caseOf(request).then().body("status", equalTo("PENDING")).body("endorsement.decision", equalTo("DECLINED"));
            assertThat(Scenario.recordedEvents(request)).isEmpty();
        }
        caseOf(notWaiting)
                .then()
                .body("waitingForEndorsement", equalTo(false))
                .body("endorsement.reference", equalTo("MFA-BW-88"))
                .body("endorsement.comment", equalTo("Not a national priority"));
        caseOf(waiting).then().body("waitingForEndorsement", equalTo(true)).body("endorsement.comment", nullValue());
        programmeCommitted(programme, "0");

        // the reviewer may still ask the agency, and reject
        DecidingOnRequestsTest.decide(
                        waiting,
                        "reviewer-ana",
                        Map.of("decision", "REQUEST_INFORMATION", "questions", List.of("Has the ministry seen it?")))
                .then()
                .statusCode(200)
                .body("status", equalTo("INFORMATION_REQUESTED"));
        DecidingOnRequestsTest.decide(
                        notWaiting,
                        "reviewer-ana",
                        Map.of(
                                "decision",
                                "REJECT",
                                "reasonCode",
                                "OTHER",
                                "comment",
                                "The State declined to endorse it"))
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        DecidingOnRequestsTest.decide(waiting, "reviewer-ana", Map.of("decision", "REJECT", "reasonCode", "DUPLICATE"))
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                // decided: the case no longer waits for anything
                .body("waitingForEndorsement", equalTo(false));
        assertThat(Scenario.recordedEvents(notWaiting)).containsExactly(REJECTED);
        assertThat(Scenario.recordedEvents(waiting))
                .containsExactly("assistance.review.information-requested.v1", REJECTED);
    }

    @Test
    void a_later_endorsement_replaces_a_declined_one_and_an_earlier_word_arriving_late_changes_nothing() {
        setPolicy("TZ", true).then().statusCode(200);
        String programme = Scenario.fundedProgramme("100000.00");
        UUID request = Scenario.submittedRequest("TZ");
        OffsetDateTime declinedAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2);
        OffsetDateTime endorsedAt = declinedAt.plusDays(1);

        Scenario.handled(Scenario.fromRequestService(
                new RequestEndorsementDeclined(request, "agency-tz", "TZ", "TZ/1", "Too early", "fp-tz", declinedAt)));
        Scenario.handled(Scenario.fromRequestService(
                new RequestEndorsed(request, "agency-tz", "TZ", "TZ/2", "Now in our plan", "fp-tz", endorsedAt)));
        // the declined decision published again after the endorsement: older, so the endorsement stands
        Scenario.handled(Scenario.fromRequestService(
                new RequestEndorsementDeclined(request, "agency-tz", "TZ", "TZ/1", "Too early", "fp-tz", declinedAt)));

        caseOf(request)
                .then()
                .body("endorsement.decision", equalTo("ENDORSED"))
                .body("endorsement.reference", equalTo("TZ/2"))
                .body("waitingForEndorsement", equalTo(false));
        DecidingOnRequestsTest.decide(request, "reviewer-ana", Scenario.approval(programme, "2500.00", 4, false))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void the_State_declining_while_an_approval_awaits_its_second_reviewer_stops_the_confirmation() {
        String programme = Scenario.fundedProgramme("200000.00");
        UUID request = Scenario.submittedRequest("MW");
        Map<String, Object> approval = Scenario.approval(programme, "80000.00", 4, true);
        DecidingOnRequestsTest.decide(request, "reviewer-ana", approval)
                .then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_SECOND_APPROVAL"));

        Scenario.handled(Scenario.fromRequestService(new RequestEndorsementDeclined(
                request, "agency-mw", "MW", "MW-77", null, "fp-malawi", OffsetDateTime.now())));

        DecidingOnRequestsTest.decide(request, "reviewer-ben", approval)
                .then()
                .statusCode(409)
                .body("type", endsWith("endorsement-declined"));
        caseOf(request).then().body("status", equalTo("AWAITING_SECOND_APPROVAL"));
        assertThat(Scenario.recordedEvents(request)).isEmpty();
        programmeCommitted(programme, "0");
        DecidingOnRequestsTest.decide(request, "reviewer-ben", Map.of("decision", "REJECT", "reasonCode", "DUPLICATE"))
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
    }

    @Test
    void the_States_word_arriving_before_its_case_is_kept_for_it_with_the_priority_the_request_answers() {
        setPolicy("RW", true).then().statusCode(200);
        String programme = Scenario.fundedProgramme("100000.00");
        Scenario.catalogued("FOR-WB-001");
        UUID request = UUID.randomUUID();
        UUID priority = UUID.randomUUID();

        Scenario.handled(Scenario.fromRequestService(new RequestEndorsed(
                request, "agency-rw", "RW", "RW/MINICT/9", null, "fp-rwanda", OffsetDateTime.now())));
        Scenario.handled(Scenario.fromRequestService(submission(request, "RW", priority)));

        caseOf(request)
                .then()
                .body("priorityId", equalTo(priority.toString()))
                .body("endorsement.decision", equalTo("ENDORSED"))
                .body("endorsement.reference", equalTo("RW/MINICT/9"))
                .body("waitingForEndorsement", equalTo(false));
        DecidingOnRequestsTest.decide(request, "reviewer-ana", Scenario.approval(programme, "2500.00", 4, false))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void the_queue_shows_the_States_word_and_filters_by_it() {
        setPolicy("ZM", true).then().statusCode(200);
        UUID endorsed = Scenario.submittedRequest("ZM");
        UUID declined = Scenario.submittedRequest("ZM");
        UUID silent = Scenario.submittedRequest("ZM");
        UUID notWaiting = Scenario.submittedRequest("CO");
        Scenario.handled(Scenario.fromRequestService(
                new RequestEndorsed(endorsed, "agency-zm", "ZM", "ZM/1", null, "fp-zambia", OffsetDateTime.now())));
        Scenario.handled(Scenario.fromRequestService(new RequestEndorsementDeclined(
                declined, "agency-zm", "ZM", "ZM/2", "Not now", "fp-zambia", OffsetDateTime.now())));

        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews?status=PENDING&limit=100&endorsement=ENDORSED")
                .then()
                .statusCode(200)
                .body("items.find { it.requestId == '" + endorsed + "' }.endorsement.reference", equalTo("ZM/1"));
        assertThat(queue("endorsement=ENDORSED"))
                .contains(endorsed.toString())
                .doesNotContain(declined.toString(), silent.toString(), notWaiting.toString());
        assertThat(queue("endorsement=DECLINED"))
                .contains(declined.toString())
                .doesNotContain(endorsed.toString(), silent.toString(), notWaiting.toString());
        assertThat(queue("endorsement=NONE"))
                .contains(silent.toString(), notWaiting.toString())
                .doesNotContain(endorsed.toString(), declined.toString());
        assertThat(queue("waitingForEndorsement=true"))
                .contains(declined.toString(), silent.toString())
                .doesNotContain(endorsed.toString(), notWaiting.toString());
        assertThat(queue("waitingForEndorsement=false"))
                .contains(endorsed.toString(), notWaiting.toString())
                .doesNotContain(declined.toString(), silent.toString());
        assertThat(queue("endorsement=NONE&waitingForEndorsement=true"))
                .contains(silent.toString())
                .doesNotContain(declined.toString(), notWaiting.toString());

        // a page at a time, the filter kept from page to page
        List<Boolean> waitingOnEveryPage = pages(
                "/api/v1/reviews?status=PENDING&waitingForEndorsement=true&limit=1", "items.waitingForEndorsement");
        assertThat(waitingOnEveryPage).hasSizeGreaterThanOrEqualTo(2).containsOnly(true);

        for (String bad : List.of("endorsement=MAYBE", "waitingForEndorsement=perhaps", "waitingForEndorsement=1")) {
            given().auth()
                    .oauth2(Tokens.role("reviewer"))
                    .when()
                    .get("/api/v1/reviews?" + bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void admins_set_a_States_review_policy_and_staff_and_that_States_focal_point_read_it() {
        setPolicy("PE", true).then().statusCode(200).body("reviewWaitsForEndorsement", equalTo(true));
        for (String token : List.of(
                Tokens.role("admin"), Tokens.role("reviewer"), Tokens.role("operations"), Tokens.focalPoint("PE"))) {
            policyOf("PE", token)
                    .then()
                    .statusCode(200)
                    .body("country", equalTo("PE"))
                    .body("reviewWaitsForEndorsement", equalTo(true));
        }
        // set again: the later setting stands
        setPolicy("PE", false).then().statusCode(200).body("reviewWaitsForEndorsement", equalTo(false));
        policyOf("PE", Tokens.focalPoint("PE"))
                .then()
                .statusCode(200)
                .body("reviewWaitsForEndorsement", equalTo(false));
    }

    @Test
    void a_focal_point_cannot_read_another_States_policy_and_only_admins_set_one() {
        policyOf("PE", Tokens.focalPoint("KE")).then().statusCode(403).contentType("application/problem+json");
        policyOf("PE", Tokens.partner("agency-pe")).then().statusCode(403).contentType("application/problem+json");
        policyOf("PE", Tokens.role("logistics")).then().statusCode(403);
        for (String token : List.of(
                Tokens.role("reviewer"), Tokens.role("operations"), Tokens.focalPoint("BO"), Tokens.partner("a"))) {
            setPolicy("BO", true, token).then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("reviewWaitsForEndorsement", true))
                .when()
                .put("/api/v1/countries/BO/review-policy")
                .then()
                .statusCode(401);
        // none of them changed Bolivia's policy
        policyOf("BO", Tokens.role("admin")).then().statusCode(200).body("reviewWaitsForEndorsement", equalTo(false));
    }

    @Test
    void a_policy_for_what_is_not_a_country_or_without_its_answer_is_refused() {
        for (String country : List.of("pe", "QQ", "PER", "P1")) {
            setPolicy(country, true)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(containsString("country")));
            policyOf(country, Tokens.role("admin")).then().statusCode(400).contentType("application/problem+json");
        }
        for (String body : List.of(
                "{}",
                "{\"reviewWaitsForEndorsement\": null}",
                "{\"reviewWaitsForEndorsement\": \"perhaps\"}",
                "{\"reviewWaitsForEndorsement\": true, \"country\": \"PE\"}")) {
            given().auth()
                    .oauth2(Tokens.role("admin"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .put("/api/v1/countries/BO/review-policy")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        policyOf("BO", Tokens.role("admin")).then().statusCode(200).body("setAt", nullValue());
    }

    // ---- the stage -------------------------------------------------------------------------------

    private static io.restassured.response.Response setPolicy(String country, boolean waits) {
        return setPolicy(country, waits, Tokens.role("admin"));
    }

    private static io.restassured.response.Response setPolicy(String country, boolean waits, String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("reviewWaitsForEndorsement", waits))
                .when()
                .put("/api/v1/countries/" + country + "/review-policy");
    }

    private static io.restassured.response.Response policyOf(String country, String token) {
        return given().auth().oauth2(token).when().get("/api/v1/countries/" + country + "/review-policy");
    }

    private static io.restassured.response.Response caseOf(UUID request) {
        io.restassured.response.Response answer =
                given().auth().oauth2(Tokens.role("reviewer")).when().get("/api/v1/reviews/" + request);
        answer.then().statusCode(200);
        return answer;
    }

    /** What the programme has committed so far: an approval refused committed nothing. */
    private static void programmeCommitted(String programme, String amount) {
        given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .statusCode(200)
                .body("committed.amount", equalTo(new BigDecimal(amount).floatValue()));
    }

    private static org.hamcrest.Matcher<String> instant(OffsetDateTime at) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(String text) {
                return OffsetDateTime.parse(text).toInstant().equals(at.toInstant());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("the instant " + at.toInstant());
            }
        };
    }

    /** A submission of request-service naming a national priority, as it publishes it. */
    private static RequestSubmitted submission(UUID request, String country, UUID priority) {
        return new RequestSubmitted(
                request,
                "agency-" + country.toLowerCase(),
                country,
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                "HIGH",
                "Forensic kits",
                "needs",
                LocalDate.now().plusMonths(3),
                List.of(new EquipmentLine("FOR-WB-001", 4, "labs")),
                List.of(),
                new Money(new BigDecimal("5000.00"), "USD"),
                OffsetDateTime.now(),
                priority);
    }

    /** The ids of every pending case the filter shows, following the pages to the last. */
    private static List<String> queue(String filter) {
        return pages("/api/v1/reviews?status=PENDING&limit=100&" + filter, "items.requestId");
    }

    private static <T> List<T> pages(String first, String field) {
        List<T> values = new ArrayList<>();
        String next = first;
        while (next != null) {
            JsonPath page = given().auth()
                    .oauth2(Tokens.role("reviewer"))
                    .urlEncodingEnabled(false)
                    .when()
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            values.addAll(page.getList(field));
            next = page.getString("next");
        }
        return values;
    }
}
