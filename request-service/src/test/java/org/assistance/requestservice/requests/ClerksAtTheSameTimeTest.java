package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Several clerks of one agency acting on the same request at the same moment: one wins, no 500, one event. */
@QuarkusTest
class ClerksAtTheSameTimeTest {
    private static final String AGENCY = "agency-busy-office";
    private static final int CLERKS = 8;

    @Inject
    DataSource database;

    @Test
    void clerks_withdrawing_the_same_request_at_once_get_one_withdrawal_and_the_others_a_409() throws Exception {
        UUID id = Drafts.submit(AGENCY, Drafts.trainingAndEquipment());

        List<Response> answers = atOnce(clerk -> clerk.contentType(ContentType.JSON)
                .body("{\"reason\": \"Funded by the national budget after all\"}")
                .post("/api/v1/requests/" + id + "/withdrawal"));

        assertThat(answers)
                .extracting(Response::statusCode)
                .containsOnly(200, 409)
                .containsOnlyOnce(200);
        answers.stream()
                .filter(a -> a.statusCode() == 409)
                .forEach(a -> assertThat(a.contentType()).startsWith("application/problem+json"));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id + "/history")
                .then()
                .body("to", org.hamcrest.Matchers.contains("SUBMITTED", "WITHDRAWN"));
        assertThat(eventsRecorded(id, "assistance.request.withdrawn.v1")).isEqualTo(1);
    }

    @Test
    void clerks_amending_the_same_version_at_once_get_one_amendment_and_the_others_a_412() throws Exception {
        UUID id = Drafts.submit(AGENCY, Drafts.trainingAndEquipment());
        String etag = given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .extract()
                .header("ETag");

        List<Response> answers = atOnce(clerk -> clerk.contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"priority\": \"URGENT\"}")
                .patch("/api/v1/requests/" + id));

        assertThat(answers)
                .extracting(Response::statusCode)
                .containsOnly(200, 412)
                .containsOnlyOnce(200);
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .body("priority", equalTo("URGENT"))
                .body("version", equalTo(1));
        assertThat(eventsRecorded(id, "assistance.request.amended.v1")).isEqualTo(1);
    }

    private static List<Response> atOnce(Function<RequestSpecification, Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLERKS);
        CountDownLatch ready = new CountDownLatch(CLERKS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < CLERKS; i++) {
                pending.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(
                            given().auth().oauth2(Tokens.partner(AGENCY)).when());
                }));
            }
            ready.await();
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private long eventsRecorded(UUID request, String type) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        // still in the outbox, or published (the relay keeps a note of each event it removes)
                        "select count(*) from (select event_key, event_type from outbox"
                                + " union all select event_key, event_type from outbox_published) e"
                                + " where event_key = ? and event_type = ?")) {
            query.setString(1, request.toString());
            query.setString(2, type);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
