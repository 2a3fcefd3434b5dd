package org.assistance.programservice.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.Topics;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.DocumentUploads;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Programme staff attach an activity's reports: typed by content, bounded, announced without their content. */
@QuarkusTest
class ActivityReportsTest {
    @Inject
    DataSource database;

    @Test
    void staff_attach_each_accepted_type_to_an_activity_and_read_it_back_unchanged() {
        Activity activity = planned();
        DocumentUploads.eachAcceptedTypeIsStoredAndReadBackUnchanged(
                activity.documents(), Tokens.role("reviewer"), "TRAINING_REPORT");
        List<ConsumerRecord<String, byte[]>> events = BrokerClient.await(
                Topics.REVIEWS,
                r -> activity.request().toString().equals(r.key())
                        && "assistance.activity.document-attached.v1".equals(BrokerClient.header(r, "ce_type")),
                6,
                Duration.ofSeconds(20));
        String event = new String(events.get(0).value(), StandardCharsets.UTF_8);
        assertThat(event)
                .contains("\"attachedTo\":\"ACTIVITY\"")
                .contains("\"attachedToId\":\"" + activity.id() + "\"")
                .contains("\"kind\":\"TRAINING_REPORT\"")
                .doesNotContain("%PDF");
    }

    @Test
    void other_types_are_refused_with_415_and_bodies_over_the_limit_with_413_storing_nothing() throws Exception {
        Activity activity = planned();
        DocumentUploads.otherTypesAreRefusedWhateverTheyClaim(
                activity.documents(), Tokens.role("reviewer"), "TRAINING_REPORT", database);
        DocumentUploads.bodiesOverTheLimitAreRefused(
                activity.documents(), Tokens.role("reviewer"), "OTHER", 20L * 1024 * 1024, database);
    }

    @Test
    void partners_and_donors_cannot_reach_an_activitys_documents_and_an_unknown_activity_has_none() {
        Activity activity = planned();
        for (String outsider : List.of(Tokens.partner("agency-reports"), Tokens.donor("donor-reports"))) {
            DocumentUploads.upload(
                            activity.documents(),
                            outsider,
                            DocumentUploads.accepted().get(0),
                            "TRAINING_REPORT")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(outsider)
                    .when()
                    .get(activity.documents())
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/activities/" + UUID.randomUUID() + "/documents")
                .then()
                .statusCode(404);
    }

    private record Activity(UUID request, String id) {
        String documents() {
            return "/api/v1/activities/" + id + "/documents";
        }
    }

    private static Activity planned() {
        String programme = Scenario.fundedProgramme("50000.00");
        UUID request = Scenario.submittedRequest();
        given().auth()
                .oauth2(Tokens.person("reviewer-ana", "reviewer"))
                .contentType(ContentType.JSON)
                .body(Scenario.approval(programme, "1000.00", 4, true))
                .when()
                .post("/api/v1/reviews/" + request + "/decision")
                .then()
                .statusCode(200);
        String id = given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        return new Activity(request, id);
    }
}
