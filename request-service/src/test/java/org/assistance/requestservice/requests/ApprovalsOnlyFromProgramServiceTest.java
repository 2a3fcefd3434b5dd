package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.inbox.DeadLetters;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Only program-service decides: an approval on assistance.reviews that says it comes from
 * anyone else (a leaked credential, a misrouted producer) is parked on the dead-letter topic and
 * the agency's request does not move.
 */
@QuarkusTest
class ApprovalsOnlyFromProgramServiceTest {

    @Test
    void
            a_record_on_assistance_reviews_whose_source_is_not_program_service_goes_to_the_dead_letters_and_changes_nothing() {
        UUID id = Drafts.submit("agency-co-fiscalia", Drafts.trainingAndEquipment());
        UUID forged = UUID.randomUUID();
        BrokerClient.send(CloudEvent.toRecord(approval(id), forged, "/equipment-service", OffsetDateTime.now()));

        List<ConsumerRecord<String, byte[]>> dead = BrokerClient.await(
                Topics.deadLetters(Topics.REVIEWS),
                r -> forged.toString().equals(BrokerClient.header(r, "ce_id")),
                1,
                Duration.ofSeconds(30));
        assertThat(BrokerClient.header(dead.get(0), DeadLetters.REASON))
                .contains("/equipment-service")
                .contains("/program-service");
        given().auth()
                .oauth2(Tokens.partner("agency-co-fiscalia"))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        given().auth()
                .oauth2(Tokens.partner("agency-co-fiscalia"))
                .when()
                .get("/api/v1/requests/" + id + "/history")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    private static RequestApproved approval(UUID id) {
        return new RequestApproved(
                id,
                "agency-co-fiscalia",
                "KE",
                "CYBERCRIME",
                "GLOCY",
                new Money(new BigDecimal("30000.00"), "EUR"),
                false,
                List.of(),
                List.of(),
                List.of(),
                List.of("reviewer-1", "reviewer-2"),
                OffsetDateTime.now());
    }
}
