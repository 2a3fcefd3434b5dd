package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.Values.Money;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** program-service's decisions, published on the real broker, change the status the agency sees. */
@QuarkusTest
class DecisionsReachTheRequesterTest {

    @Test
    void a_partial_approval_published_twice_moves_the_request_once() {
        UUID id = Drafts.submit("agency-co-fiscalia", Drafts.trainingAndEquipment());
        UUID eventId = UUID.randomUUID();
        RequestApproved approved = new RequestApproved(
                id,
                "agency-co-fiscalia",
                "KE",
                "CYBERCRIME",
                "GLOCY",
                new Money(new BigDecimal("30000.00"), "EUR"),
                true,
                List.of(),
                List.of(),
                List.of(),
                List.of("reviewer-1", "reviewer-2"),
                OffsetDateTime.now());
        publishReview(id, eventId, approved);
        publishReview(id, eventId, approved);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner("agency-co-fiscalia"))
                        .when()
                        .get("/api/v1/requests/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("PARTIALLY_APPROVED")));
        given().auth()
                .oauth2(Tokens.partner("agency-co-fiscalia"))
                .when()
                .get("/api/v1/requests/" + id + "/history")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[1].to", equalTo("PARTIALLY_APPROVED"))
                .body("[1].actor", equalTo("/program-service"));
    }

    static void publishReview(UUID requestId, UUID eventId, RequestApproved event) {
        BrokerClient.send(CloudEvent.toRecord(event, eventId, "/program-service", OffsetDateTime.now()));
    }
}
