package org.assistance.equipmentservice.stock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

/** Goods received into warehouses: every unit counted, and nothing a client sends breaks the count. */
@QuarkusTest
class StockReceiptTest {
    @Inject
    EntityManager entityManager;

    private static Response receive(String warehouse, Object body) {
        return given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/warehouses/" + warehouse + "/stock");
    }

    private static int onHand(String warehouse, String item) {
        List<Map<String, Object>> levels = given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/stock")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return levels.stream()
                .filter(l -> warehouse.equals(l.get("warehouse")) && item.equals(l.get("itemCode")))
                .mapToInt(l -> (Integer) l.get("onHand"))
                .findFirst()
                .orElse(0);
    }

    @Test
    void two_deliveries_of_an_item_the_warehouse_never_held_arriving_at_once_are_both_counted() throws Exception {
        String warehouse = Logistics.unique("WH");
        Logistics.warehouse(warehouse, "AT");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                String item = Logistics.unique("NEW");
                Logistics.item(item, "OFFICE_IT", false, "10.00");
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Integer>> answers = new ArrayList<>();
                for (int truck = 0; truck < 4; truck++) {
                    answers.add(CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await();
                                } catch (InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                                return receive(warehouse, Map.of("itemCode", item, "quantity", 7))
                                        .statusCode();
                            },
                            pool));
                }
                start.countDown();
                for (CompletableFuture<Integer> answer : answers) {
                    assertEquals(200, answer.get());
                }
                assertEquals(28, onHand(warehouse, item), "every delivery of " + item + " counted");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void two_admins_registering_the_same_warehouse_at_once_are_told_one_of_them_took_the_code() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            String code = Logistics.unique("WH");
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
                            return given().auth()
                                    .oauth2(Tokens.role("admin"))
                                    .contentType(ContentType.JSON)
                                    .body(Map.of("code", code, "name", "Warehouse " + code, "country", "AT"))
                                    .when()
                                    .post("/api/v1/warehouses")
                                    .statusCode();
                        },
                        pool));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_warehouse_cannot_count_more_of_an_item_than_its_limit_and_keeps_what_it_had() {
        String warehouse = Logistics.unique("WH");
        String item = Logistics.unique("BULK");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, "OFFICE_IT", false, "1.00");
        Logistics.stock(warehouse, item, 1);
        // years of deliveries: the warehouse already counts all but ten units of what it can hold
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "update stock_levels set on_hand = ?1 where warehouse = ?2 and item_code = ?3")
                        .setParameter(1, StockLevel.MAX_ON_HAND - 10)
                        .setParameter(2, warehouse)
                        .setParameter(3, item)
                        .executeUpdate());

        receive(warehouse, Map.of("itemCode", item, "quantity", 11))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("1000000000"));
        // the overflow of the int column the count once ran into
        for (int i = 0; i < 3; i++) {
            receive(warehouse, Map.of("itemCode", item, "quantity", 1_000_000))
                    .then()
                    .statusCode(422);
        }
        assertEquals(StockLevel.MAX_ON_HAND - 10, onHand(warehouse, item));
        receive(warehouse, Map.of("itemCode", item, "quantity", 10))
                .then()
                .statusCode(200)
                .body("onHand", equalTo(StockLevel.MAX_ON_HAND));
    }

    @Test
    void a_delivery_of_a_quantity_no_truck_carries_is_refused_naming_the_quantity() {
        String warehouse = Logistics.unique("WH");
        String item = Logistics.unique("ODD");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, "OFFICE_IT", false, "1.00");
        for (String quantity : List.of("1000001", "3000000000", "99999999999999999999999", "1e20", "0", "-5")) {
            receive(warehouse, "{\"itemCode\":\"" + item + "\",\"quantity\":" + quantity + "}")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("quantity"));
        }
        receive(warehouse, Map.of("itemCode", "X".repeat(51), "quantity", 1))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("itemCode"));
        receive("W".repeat(21), Map.of("itemCode", item, "quantity", 1)).then().statusCode(400);
        receive("NOWHERE", Map.of("itemCode", item, "quantity", 1)).then().statusCode(404);
        assertEquals(0, onHand(warehouse, item));
    }
}
