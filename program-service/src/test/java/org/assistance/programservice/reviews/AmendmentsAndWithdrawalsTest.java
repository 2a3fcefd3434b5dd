package org.assistance.programservice.reviews;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestWithdrawn;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.TrainingNeed;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The agency changes its request after submitting it: request-service's amendment and withdrawal
 * events, on the real broker, reach program-service at any point of the review, also after a
 * reviewer decided while they were on their way.
 */
@QuarkusTest
class AmendmentsAndWithdrawalsTest {
    private static final String APPROVED = "assistance.review.approved.v1";
    private static final String COMMITTED = "assistance.funds.committed.v1";

    @Test
    void an_amendment_reaching_program_service_is_what_the_reviewer_reads_and_decides_on() {
        String programme = Scenario.fundedProgramme("100000.00");
        UUID request = Scenario.submittedRequest();

        Scenario.handled(
                Scenario.fromRequestService(amended(request, "URGENT", "Forensic kits for one lab", 2, false)));

        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("priority", equalTo("URGENT"))
                .body("title", equalTo("Forensic kits for one lab"))
                .body("equipmentLines.quantity", equalTo(List.of(2)))
                .body("trainingNeeds", empty())
                .body("assistanceTypes", equalTo(List.of("EQUIPMENT")))
                .body("estimatedValue.amount", equalTo(2500.00f));
        // the four kits first asked for are more than the request asks now
        DecidingOnRequestsTest.decide(request, "reviewer-ana", Scenario.approval(programme, "2500.00", 4, false))
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("equipmentLines[0].quantity")))
                .body("errors[0].message", containsString("the 2 asked for"));
        // all of what it asks now: a full approval, with no training to plan
        DecidingOnRequestsTest.decide(request, "reviewer-ana", Scenario.approval(programme, "2500.00", 2, false))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        assertThat(Scenario.recordedEvents(request)).containsExactly(COMMITTED, APPROVED);
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .statusCode(200)
                .body("$", empty());
    }

    @Test
    void an_amendment_answering_the_reviewers_questions_puts_the_case_back_in_the_queue() {
        UUID request = Scenario.submittedRequest();
        DecidingOnRequestsTest.decide(
                        request,
                        "reviewer-ana",
                        Map.of(
                                "decision",
                                "REQUEST_INFORMATION",
                                "questions",
                                List.of("Which labs will use the kits?")))
                .then()
                .statusCode(200)
                .body("status", equalTo("INFORMATION_REQUESTED"));

        Scenario.handled(
                Scenario.fromRequestService(amended(request, "HIGH", "Forensic kits for the Nairobi lab", 4, true)));

        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .body("status", equalTo("PENDING"))
                .body("title", equalTo("Forensic kits for the Nairobi lab"));
        assertThat(ReviewQueueTest.queue("PENDING")).contains(request.toString());
        assertThat(ReviewQueueTest.queue("INFORMATION_REQUESTED")).doesNotContain(request.toString());
    }

    @Test
    void an_amendment_while_an_approval_waits_for_its_second_reviewer_drops_that_approval() {
        String programme = Scenario.fundedProgramme("200000.00");
        UUID request = Scenario.submittedRequest();
        Map<String, Object> approval = Scenario.approval(programme, "80000.00", 4, true);
        DecidingOnRequestsTest.decide(request, "reviewer-ana", approval)
                .then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_SECOND_APPROVAL"));

        // the agency asks for fewer kits: reviewer-ana approved four, which it no longer asks for
        Scenario.handled(Scenario.fromRequestService(amended(request, "HIGH", "Forensic capacity", 3, true)));

        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .body("status", equalTo("PENDING"))
                .body("pendingApproval", nullValue())
                .body("equipmentLines.quantity", equalTo(List.of(3)));
        assertThat(ReviewQueueTest.queue("AWAITING_SECOND_APPROVAL")).doesNotContain(request.toString());
        // the second reviewer cannot confirm what the first approved for the old request
        DecidingOnRequestsTest.decide(request, "reviewer-bo", approval)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("equipmentLines[0].quantity")));
        // an approval of the amended request is a first approval again, waiting for another reviewer
        DecidingOnRequestsTest.decide(request, "reviewer-bo", Scenario.approval(programme, "80000.00", 3, true))
                .then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_SECOND_APPROVAL"))
                .body("pendingApproval.approvedBy", equalTo("reviewer-bo"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo(0.0f));
        assertThat(Scenario.recordedEvents(request)).isEmpty();
    }

    @Test
    void an_amendment_arriving_after_the_decision_leaves_the_decided_case_as_it_was() {
        String programme = Scenario.fundedProgramme("100000.00");
        UUID request = Scenario.submittedRequest();
        DecidingOnRequestsTest.decide(request, "reviewer-ana", Scenario.approval(programme, "30000.00", 4, true))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));

        // amended at request-service while the approval was on its way there
        Scenario.handled(Scenario.fromRequestService(amended(request, "URGENT", "Fewer kits", 1, false)));

        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo(List.of("reviewer-ana")))
                .body("title", equalTo("Forensic capacity"))
                .body("priority", equalTo("HIGH"))
                .body("equipmentLines.quantity", equalTo(List.of(4)))
                .body("trainingNeeds.topic", equalTo(List.of("Mobile forensics")));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo(30000.00f));
        assertThat(Scenario.recordedEvents(request)).containsExactly(COMMITTED, APPROVED);
    }

    @Test
    void a_withdrawal_arriving_after_the_approval_leaves_the_decision_standing() {
        String programme = Scenario.fundedProgramme("100000.00");
        UUID request = Scenario.submittedRequest();
        DecidingOnRequestsTest.decide(request, "reviewer-ana", Scenario.approval(programme, "30000.00", 4, true))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));

        // withdrawn at request-service while the approval was on its way there
        Scenario.handled(Scenario.fromRequestService(
                new RequestWithdrawn(request, "agency-ke", "no longer needed", OffsetDateTime.now())));

        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo(List.of("reviewer-ana")));
        assertThat(ReviewQueueTest.queue("WITHDRAWN")).doesNotContain(request.toString());
        // the commitment and the planned activities stay: the delivery goes on
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo(30000.00f))
                .body("available.amount", equalTo(70000.00f));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .body("$", hasSize(2))
                .body("status", everyItem(equalTo("PLANNED")));
        DecidingOnRequestsTest.decide(request, "reviewer-bo", Map.of("decision", "REJECT", "reasonCode", "DUPLICATE"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already APPROVED"));
        assertThat(Scenario.recordedEvents(request)).containsExactly(COMMITTED, APPROVED);
    }

    @Test
    void a_withdrawal_arriving_after_the_rejection_leaves_the_rejection_standing() {
        UUID request = Scenario.submittedRequest();
        DecidingOnRequestsTest.decide(request, "reviewer-ana", Map.of("decision", "REJECT", "reasonCode", "DUPLICATE"))
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));

        Scenario.handled(Scenario.fromRequestService(
                new RequestWithdrawn(request, "agency-ke", "no longer needed", OffsetDateTime.now())));

        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .body("status", equalTo("REJECTED"));
        assertThat(ReviewQueueTest.queue("REJECTED")).contains(request.toString());
        assertThat(ReviewQueueTest.queue("WITHDRAWN")).doesNotContain(request.toString());
        assertThat(Scenario.recordedEvents(request)).containsExactly("assistance.review.rejected.v1");
    }

    /**
     * The request of {@link Scenario#submittedRequest()} as the agency amended it: the kits asked
     * for (and, when {@code training}, the training course besides them).
     */
    private static RequestAmended amended(UUID request, String priority, String title, int kits, boolean training) {
        return new RequestAmended(
                request,
                "agency-ke",
                2,
                "KE",
                null,
                "CYBERCRIME",
                training ? Set.of("EQUIPMENT", "TRAINING") : Set.of("EQUIPMENT"),
                priority,
                title,
                "needs",
                LocalDate.now().plusMonths(6),
                List.of(new EquipmentLine("FOR-WB-001", kits, "labs")),
                training ? List.of(new TrainingNeed("Mobile forensics", 20)) : List.of(),
                new Money(new BigDecimal("1250.00").multiply(BigDecimal.valueOf(kits)), "USD"),
                OffsetDateTime.now());
    }
}
