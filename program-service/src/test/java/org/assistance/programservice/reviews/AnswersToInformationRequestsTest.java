package org.assistance.programservice.reviews;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.RequestEvents.MessagePosted;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The agency answers a reviewer's questions in the request's conversation: request-service's
 * message-posted event, on the real broker, puts the case back in the queue it was in and the
 * reviewer reads the answer beside the questions.
 */
@QuarkusTest
class AnswersToInformationRequestsTest {
    private static final List<String> QUESTIONS = List.of("How many examiners will use the kits?", "Which labs?");

    @Test
    void an_answer_moves_the_case_back_to_the_queue_it_was_in_and_shows_beside_the_questions() {
        UUID request = Scenario.submittedRequest();
        DecidingOnRequestsTest.decide(
                        request, "reviewer-ana", Map.of("decision", "REQUEST_INFORMATION", "questions", QUESTIONS))
                .then()
                .statusCode(200)
                .body("status", equalTo("INFORMATION_REQUESTED"))
                .body("informationRequests", hasSize(1))
                .body("informationRequests[0].questions", equalTo(QUESTIONS))
                .body("informationRequests[0].askedBy", equalTo("reviewer-ana"))
                .body("informationRequests[0].answers", empty());

        UUID message = UUID.randomUUID();
        MessagePosted answer = answer(request, message, "Twelve examiners, in the Nairobi and Mombasa labs.");
        Scenario.handled(Scenario.fromRequestService(answer));
        // delivered again (a relay retry): kept once
        Scenario.handled(Scenario.fromRequestService(answer));

        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("informationRequests", hasSize(1))
                .body("informationRequests[0].questions", equalTo(QUESTIONS))
                .body("informationRequests[0].answers", hasSize(1))
                .body(
                        "informationRequests[0].answers[0].body",
                        equalTo("Twelve examiners, in the Nairobi and Mombasa labs."));
        assertThat(ReviewQueueTest.queue("PENDING")).contains(request.toString());
        assertThat(ReviewQueueTest.queue("INFORMATION_REQUESTED")).doesNotContain(request.toString());
        // the queue's pages show the answers too
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews?status=PENDING&limit=100")
                .then()
                .statusCode(200)
                .body(
                        "items.find { it.requestId == '" + request + "' }.informationRequests[0].answers[0].body",
                        equalTo("Twelve examiners, in the Nairobi and Mombasa labs."));
        // no decision came of it: program-service published nothing but the question
        assertThat(Scenario.recordedEvents(request)).containsExactly("assistance.review.information-requested.v1");
    }

    @Test
    void other_messages_and_internal_notes_leave_the_case_waiting_for_its_answer() {
        UUID request = Scenario.submittedRequest();
        DecidingOnRequestsTest.decide(
                        request, "reviewer-ana", Map.of("decision", "REQUEST_INFORMATION", "questions", QUESTIONS))
                .then()
                .statusCode(200);

        Scenario.handled(Scenario.fromRequestService(new MessagePosted(
                request,
                "agency-ke",
                UUID.randomUUID(),
                "INTERNAL",
                "reviewer",
                "reviewer-bo",
                null,
                null,
                false,
                OffsetDateTime.now())));
        Scenario.handled(Scenario.fromRequestService(new MessagePosted(
                request,
                "agency-ke",
                UUID.randomUUID(),
                "PARTNER_AND_PROGRAMME",
                "reviewer",
                "reviewer-bo",
                null,
                "Take your time",
                false,
                OffsetDateTime.now())));

        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .statusCode(200)
                .body("status", equalTo("INFORMATION_REQUESTED"))
                .body("informationRequests[0].answers", empty());
    }

    private static MessagePosted answer(UUID request, UUID message, String body) {
        return new MessagePosted(
                request,
                "agency-ke",
                message,
                "PARTNER_AND_PROGRAMME",
                "partner",
                "clerk-1",
                null,
                body,
                true,
                OffsetDateTime.now());
    }
}
