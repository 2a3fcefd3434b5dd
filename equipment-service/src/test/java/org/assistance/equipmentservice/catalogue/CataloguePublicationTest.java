package org.assistance.equipmentservice.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CatalogueEvents.ItemPublished;
import org.assistance.chassis.events.CatalogueEvents.ItemWithdrawn;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventCodec;
import org.assistance.chassis.events.Topics;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The catalogue on assistance.catalogue (compacted, keyed by item code): what other services know before approval. */
@QuarkusTest
class CataloguePublicationTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void creating_an_item_publishes_ItemPublished_keyed_by_its_code() {
        String code = Logistics.unique("FOR");
        Logistics.item(code, "FORENSIC_IT", true, "1250.00");

        List<CloudEvent<AssistanceEvent>> events = catalogueEvents(code, 1);
        assertThat(events.get(0).type().typeName()).isEqualTo("assistance.catalogue.item-published.v1");
        assertThat(events.get(0).subject()).isEqualTo(code);
        ItemPublished published = (ItemPublished) events.get(0).data();
        assertThat(published.itemCode()).isEqualTo(code);
        assertThat(published.name()).isEqualTo("Item " + code);
        assertThat(published.category()).isEqualTo("FORENSIC_IT");
        assertThat(published.dualUse()).isTrue();
        assertThat(published.unitPrice().amount()).isEqualByComparingTo("1250.00");
        assertThat(published.unitPrice().currency()).isEqualTo("EUR");
    }

    @Test
    void changing_an_item_publishes_it_again_as_it_now_reads() {
        String code = Logistics.unique("COM");
        Logistics.item(code, "COMMUNICATIONS", false, "300.00");
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Encrypted handheld radio",
                        "category",
                        "COMMUNICATIONS",
                        "unitCost",
                        Map.of("amount", "340.00", "currency", "EUR"),
                        "dualUse",
                        true,
                        "exportControlClass",
                        "5A002"))
                .when()
                .put("/api/v1/catalogue/" + code)
                .then()
                .statusCode(200)
                .body("name", equalTo("Encrypted handheld radio"))
                .body("dualUse", equalTo(true));

        List<CloudEvent<AssistanceEvent>> events = catalogueEvents(code, 2);
        ItemPublished changed = (ItemPublished) events.get(1).data();
        assertThat(changed.name()).isEqualTo("Encrypted handheld radio");
        assertThat(changed.dualUse()).isTrue();
        assertThat(changed.unitPrice().amount()).isEqualByComparingTo("340.00");
    }

    @Test
    void withdrawing_an_item_publishes_ItemWithdrawn_and_keeps_it_listed_as_withdrawn() {
        String code = Logistics.unique("SUR");
        Logistics.item(code, "SURVEILLANCE", true, "900.00");
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "not mine to decide"))
                .when()
                .post("/api/v1/catalogue/" + code + "/withdrawal")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.person("admin-ines", "admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Supplier discontinued the model"))
                .when()
                .post("/api/v1/catalogue/" + code + "/withdrawal")
                .then()
                .statusCode(200)
                .body("withdrawn", equalTo(true))
                .body("withdrawalReason", equalTo("Supplier discontinued the model"))
                .body("withdrawnBy", equalTo("admin-ines"));

        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/catalogue/" + code)
                .then()
                .statusCode(200)
                .body("withdrawn", equalTo(true))
                .body("withdrawnAt", notNullValue());
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/catalogue")
                .then()
                .body("find { it.code == '" + code + "' }.withdrawn", equalTo(true));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .when()
                .post("/api/v1/catalogue/" + code + "/withdrawal")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "revived",
                        "category",
                        "SURVEILLANCE",
                        "unitCost",
                        Map.of("amount", "1.00", "currency", "EUR")))
                .when()
                .put("/api/v1/catalogue/" + code)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "no such item"))
                .when()
                .post("/api/v1/catalogue/NO-SUCH-ITEM-X/withdrawal")
                .then()
                .statusCode(404);

        List<CloudEvent<AssistanceEvent>> events = catalogueEvents(code, 2);
        assertThat(events)
                .extracting(e -> e.type().typeName())
                .containsExactly("assistance.catalogue.item-published.v1", "assistance.catalogue.item-withdrawn.v1");
        ItemWithdrawn withdrawn = (ItemWithdrawn) events.get(1).data();
        assertThat(withdrawn.itemCode()).isEqualTo(code);
        assertThat(withdrawn.reason()).isEqualTo("Supplier discontinued the model");
        assertThat(withdrawn.withdrawnAt()).isNotNull();
    }

    /**
     * An item that was in the catalogue before it was published (inserted as the old service did,
     * with no event) is published by the migration, as the event a new item gets.
     */
    @Test
    void items_in_the_catalogue_before_it_was_published_are_published_as_ItemPublished() throws Exception {
        String code = Logistics.unique("OLD");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                     insert into catalogue_items (code, name, category, unit_cost, currency, dual_use)
                     values (?, 'Legacy fingerprint kit', 'LABORATORY', 75.50, 'USD', false)""")) {
            insert.setString(1, code);
            insert.executeUpdate();
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(migration("db/migration/V4__publish_existing_catalogue.sql"));
        }

        List<CloudEvent<AssistanceEvent>> events = catalogueEvents(code, 1);
        assertThat(events.get(0).type().typeName()).isEqualTo("assistance.catalogue.item-published.v1");
        assertThat(events.get(0).source()).isEqualTo("/equipment-service");
        ItemPublished published = (ItemPublished) events.get(0).data();
        assertThat(published.itemCode()).isEqualTo(code);
        assertThat(published.name()).isEqualTo("Legacy fingerprint kit");
        assertThat(published.category()).isEqualTo("LABORATORY");
        assertThat(published.dualUse()).isFalse();
        assertThat(published.unitPrice().amount()).isEqualTo(new BigDecimal("75.50"));
        assertThat(published.unitPrice().currency()).isEqualTo("USD");
        assertThat(published.publishedAt()).isNotNull();
    }

    private static List<CloudEvent<AssistanceEvent>> catalogueEvents(String code, int atLeast) {
        List<ConsumerRecord<String, byte[]>> records =
                BrokerClient.await(Topics.CATALOGUE, r -> code.equals(r.key()), atLeast, Duration.ofSeconds(30));
        return records.stream().map(EventCodec::decode).toList();
    }

    private static String migration(String resource) throws IOException, SQLException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
