package org.assistance.equipmentservice.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The catalogue holds what its contract says, and a client cannot make it answer 500. */
@QuarkusTest
class CatalogueWithinBoundsTest {

    private static Response add(String code) {
        return given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code,
                        "name",
                        "Item " + code,
                        "category",
                        "OFFICE_IT",
                        "unitCost",
                        Map.of("amount", "10.00", "currency", "EUR")))
                .when()
                .post("/api/v1/catalogue");
    }

    @Test
    void two_admins_adding_the_same_item_at_once_are_told_one_of_them_took_the_code() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                String code = Logistics.unique("TWICE");
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Integer>> answers = new ArrayList<>();
                for (int admin = 0; admin < 4; admin++) {
                    answers.add(CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await();
                                } catch (InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                                return add(code).statusCode();
                            },
                            pool));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (CompletableFuture<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_partner_reads_the_catalogue_a_page_at_a_time_without_missing_or_repeating_an_item() {
        for (int i = 0; i < 3; i++) {
            add(Logistics.unique("PAGE")).then().statusCode(201);
        }
        List<String> all = given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/catalogue")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("code");
        List<String> paged = new ArrayList<>();
        String next = "/api/v1/catalogue?limit=2";
        int pages = 0;
        while (next != null) {
            Response page =
                    given().auth().oauth2(Tokens.partner("agency-a")).when().get(next);
            page.then().statusCode(200);
            List<String> codes = page.jsonPath().getList("code");
            assertThat(codes).hasSizeLessThanOrEqualTo(2);
            paged.addAll(codes);
            String link = page.header("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            pages++;
        }
        assertThat(pages).isGreaterThan(1);
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void a_page_larger_than_the_contract_allows_or_a_made_up_cursor_is_refused_naming_it() {
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/catalogue?limit=1001")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/catalogue?limit=0")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/catalogue?cursor=%%%")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cursor"));
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/shipments?cursor=bm90IGEgY3Vyc29y")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void an_item_code_longer_than_any_catalogue_code_is_refused_rather_than_looked_up() {
        String tooLong = "A".repeat(51);
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/catalogue/" + tooLong)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "gone"))
                .when()
                .post("/api/v1/catalogue/" + tooLong + "/withdrawal")
                .then()
                .statusCode(400);
        add("B".repeat(51)).then().statusCode(400).body("errors.field", hasItem("code"));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        Logistics.unique("BIG"),
                        "name",
                        "Priceless",
                        "category",
                        "OFFICE_IT",
                        "unitCost",
                        Map.of("amount", "1e30", "currency", "EUR")))
                .when()
                .post("/api/v1/catalogue")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("unitCost.amount"));
    }
}
