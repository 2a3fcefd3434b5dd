package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotentSubmissionTest {

    @Test
    void the_same_key_and_body_give_the_same_answer_and_no_second_request() {
        String agency = "agency-idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> draft = Drafts.trainingAndEquipment();
        String first = post(agency, key, draft).then().statusCode(201).extract().path("id");
        String second = post(agency, key, draft)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .path("id");
        assertThat(second).isEqualTo(first);
        given().auth()
                .oauth2(Tokens.partner(agency))
                .when()
                .get("/api/v1/requests")
                .then()
                .body("items", hasSize(1));
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        String agency = "agency-idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        post(agency, key, Drafts.trainingAndEquipment()).then().statusCode(201);
        Map<String, Object> other = Drafts.trainingAndEquipment();
        other.put("title", "Something else entirely");
        post(agency, key, other)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://assistance.example/problems/idempotency-key-reused"));
    }

    @Test
    void another_agency_may_use_the_same_key() {
        String key = UUID.randomUUID().toString();
        String a = post("agency-k1-" + key, key, Drafts.trainingAndEquipment())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String b = post("agency-k2-" + key, key, Drafts.trainingAndEquipment())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void parallel_retries_with_one_key_create_one_request() throws Exception {
        String agency = "agency-idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> draft = Drafts.trainingAndEquipment();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> post(agency, key, draft)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        given().auth()
                .oauth2(Tokens.partner(agency))
                .when()
                .get("/api/v1/requests")
                .then()
                .body("items", hasSize(1));
    }

    private static io.restassured.response.Response post(String agency, String key, Map<String, Object> draft) {
        return given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(draft)
                .when()
                .post("/api/v1/requests");
    }
}
