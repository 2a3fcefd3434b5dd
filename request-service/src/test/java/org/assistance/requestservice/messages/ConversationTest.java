package org.assistance.requestservice.messages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.Topics;
import org.assistance.requestservice.requests.Events;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The conversation of a request between its partner agency and the programme's staff. */
@QuarkusTest
class ConversationTest {
    private static final String AGENCY = "agency-ke-messages";
    private static final String MESSAGE_POSTED = "assistance.request.message-posted.v1";

    @Test
    void a_partner_and_a_reviewer_exchange_messages_and_each_is_published_keyed_by_the_request() {
        UUID request = submitted(AGENCY);
        String question = post(Tokens.partner(AGENCY), request, Map.of("body", "When will the review start?"))
                .then()
                .statusCode(201)
                .body("authorRole", equalTo("partner"))
                .body("visibility", equalTo("PARTNER_AND_PROGRAMME"))
                .body("answersInformationRequest", equalTo(false))
                .extract()
                .path("id");
        post(
                        Tokens.person("reviewer-ana", "reviewer"),
                        request,
                        Map.of("body", "This week.\nWe may ask about the labs.", "inReplyTo", question))
                .then()
                .statusCode(201)
                .body("authorRole", equalTo("programme"))
                .body("author", equalTo("reviewer-ana"))
                .body("inReplyTo", equalTo(question));

        for (String token : List.of(Tokens.partner(AGENCY), Tokens.role("reviewer"), Tokens.role("operations"))) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/requests/" + request + "/messages")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(2))
                    .body("items[0].body", equalTo("When will the review start?"))
                    .body("items[1].body", equalTo("This week.\nWe may ask about the labs."))
                    .body("next", nullValue());
        }
        // a page at a time, oldest first
        String next = given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/messages?limit=1")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(question))
                .body("next", notNullValue())
                .extract()
                .path("next");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get(next)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].authorRole", equalTo("programme"))
                .body("next", nullValue());

        List<ConsumerRecord<String, byte[]>> posted = BrokerClient.await(
                Topics.REQUESTS,
                r -> request.toString().equals(r.key()) && MESSAGE_POSTED.equals(BrokerClient.header(r, "ce_type")),
                2,
                Duration.ofSeconds(30));
        assertThat(BrokerClient.header(posted.get(0), "ce_source")).isEqualTo("/request-service");
        assertThat(BrokerClient.header(posted.get(0), "ce_subject")).isEqualTo(request.toString());
        assertThat(new String(posted.get(0).value(), StandardCharsets.UTF_8))
                .contains(
                        "\"messageId\":\"" + question + "\"",
                        "\"agencyId\":\"" + AGENCY + "\"",
                        "\"body\":\"When will the review start?\"",
                        "\"visibility\":\"PARTNER_AND_PROGRAMME\"");
    }

    @Test
    void an_agency_cannot_read_or_write_another_agencys_conversation() {
        UUID theirs = submitted("agency-b-messages");
        post(Tokens.partner("agency-b-messages"), theirs, Map.of("body", "Ours only"))
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.partner("agency-a-messages"))
                .when()
                .get("/api/v1/requests/" + theirs + "/messages")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        post(Tokens.partner("agency-a-messages"), theirs, Map.of("body", "Let me in"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.donor("donor-eu"))
                .when()
                .get("/api/v1/requests/" + theirs + "/messages")
                .then()
                .statusCode(403);
        post(Tokens.role("logistics"), theirs, Map.of("body", "Not my conversation"))
                .then()
                .statusCode(403);
    }

    @Test
    void a_partner_never_sees_an_internal_note_and_cannot_post_one() {
        UUID request = submitted(AGENCY);
        String note = post(
                        Tokens.person("reviewer-ana", "reviewer"),
                        request,
                        Map.of("body", "Their lab count looks inflated", "visibility", "INTERNAL"))
                .then()
                .statusCode(201)
                .body("visibility", equalTo("INTERNAL"))
                .extract()
                .path("id");
        post(Tokens.person("reviewer-bo", "reviewer"), request, Map.of("body", "How many labs do you run?"))
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/messages")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items.id", not(hasItem(note)))
                .body("items[0].body", equalTo("How many labs do you run?"));
        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/requests/" + request + "/messages")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].body", equalTo("Their lab count looks inflated"));

        // nor can it reply to the note, which for it does not exist
        post(Tokens.partner(AGENCY), request, Map.of("body", "Replying", "inReplyTo", note))
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("inReplyTo")));
        post(Tokens.partner(AGENCY), request, Map.of("body", "Only for us", "visibility", "INTERNAL"))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("INTERNAL"));

        // the note's event tells that a note was written, and nothing of what it says
        List<ConsumerRecord<String, byte[]>> posted = BrokerClient.await(
                Topics.REQUESTS,
                r -> request.toString().equals(r.key()) && MESSAGE_POSTED.equals(BrokerClient.header(r, "ce_type")),
                2,
                Duration.ofSeconds(30));
        String noteEvent = new String(posted.get(0).value(), StandardCharsets.UTF_8);
        assertThat(noteEvent).contains("\"visibility\":\"INTERNAL\"").doesNotContain("inflated");
    }

    @Test
    void a_partners_answer_to_an_information_request_puts_the_request_back_under_review() {
        UUID request = submitted(AGENCY);
        Events.informationRequested(request, AGENCY);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + request)
                        .then()
                        .body("status", equalTo("INFORMATION_REQUESTED")));

        String answer = post(
                        Tokens.partner(AGENCY),
                        request,
                        Map.of("body", "Twelve examiners in two labs will use the kits."))
                .then()
                .statusCode(201)
                .body("answersInformationRequest", equalTo(true))
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request)
                .then()
                .body("status", equalTo("UNDER_REVIEW"));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/history")
                .then()
                .body("to", equalTo(List.of("SUBMITTED", "INFORMATION_REQUESTED", "UNDER_REVIEW")))
                .body("[2].reason", containsString("answered"));
        // what follows is conversation, not another answer
        post(Tokens.partner(AGENCY), request, Map.of("body", "And two more next year."))
                .then()
                .statusCode(201)
                .body("answersInformationRequest", equalTo(false));

        List<ConsumerRecord<String, byte[]>> posted = BrokerClient.await(
                Topics.REQUESTS,
                r -> request.toString().equals(r.key()) && MESSAGE_POSTED.equals(BrokerClient.header(r, "ce_type")),
                2,
                Duration.ofSeconds(30));
        assertThat(new String(posted.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"messageId\":\"" + answer + "\"", "\"answersInformationRequest\":true");
    }

    @Test
    void a_message_is_plain_text_of_at_most_ten_thousand_characters() {
        UUID request = submitted(AGENCY);
        post(Tokens.partner(AGENCY), request, Map.of("body", "x".repeat(10_000)))
                .then()
                .statusCode(201);
        post(Tokens.partner(AGENCY), request, Map.of("body", "x".repeat(10_001)))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        post(Tokens.partner(AGENCY), request, Map.of("body", "  \n "))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("body"));
        post(Tokens.partner(AGENCY), request, Map.of("body", "bell \u0007"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("body"));
        post(
                        Tokens.partner(AGENCY),
                        request,
                        Map.of("body", "hi", "inReplyTo", UUID.randomUUID().toString()))
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("inReplyTo")));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + request + "/messages?cursor=not-ours")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void the_partners_webhooks_are_told_of_the_programmes_messages_but_not_of_internal_notes() {
        String agency = "agency-messages-hooked";
        String webhook = given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("request.message-posted")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("webhook.id");
        UUID request = submitted(agency);
        post(Tokens.person("reviewer-ana", "reviewer"), request, Map.of("body", "Which labs?"))
                .then()
                .statusCode(201);
        post(Tokens.person("reviewer-ana", "reviewer"), request, Map.of("body", "A note", "visibility", "INTERNAL"))
                .then()
                .statusCode(201);
        post(Tokens.partner(agency), request, Map.of("body", "Two labs")).then().statusCode(201);

        // queued with the message, in its transaction: one delivery, of the reviewer's message only
        given().auth()
                .oauth2(Tokens.partner(agency))
                .when()
                .get("/api/v1/webhooks/" + webhook + "/deliveries?limit=50")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].event", equalTo("request.message-posted"))
                .body("items[0].requestId", equalTo(request.toString()));
    }

    private static Response post(String token, UUID request, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/requests/" + request + "/messages");
    }

    /** A request for a training course (no catalogue item needed), submitted by the agency. */
    private static UUID submitted(String agency) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("country", "KE");
        draft.put("requestingAuthority", Map.of("name", "Directorate of Criminal Investigations", "kind", "POLICE"));
        draft.put("thematicArea", "CYBERCRIME");
        draft.put("assistanceTypes", List.of("TRAINING"));
        draft.put("priority", "HIGH");
        draft.put("title", "Mobile device forensics course");
        draft.put("needsStatement", "Ransomware cases doubled; the unit has no trained examiners.");
        draft.put("desiredBy", LocalDate.now().plusMonths(6).toString());
        draft.put("trainingNeeds", List.of(Map.of("topic", "Mobile device forensics", "expectedParticipants", 20)));
        String id = given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }
}
