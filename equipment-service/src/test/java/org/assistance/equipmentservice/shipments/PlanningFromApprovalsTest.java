package org.assistance.equipmentservice.shipments;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.equipmentservice.catalogue.CatalogueTest;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** program-service's approval on the real broker plans a shipment, whose event goes out through the outbox. */
@QuarkusTest
class PlanningFromApprovalsTest {

    @Test
    void approved_equipment_becomes_a_planned_shipment_and_its_event_is_published() {
        CatalogueTest.add("SUR-CAM-1", "SURVEILLANCE", true, "800.00");
        UUID request = UUID.randomUUID();
        RequestApproved approved = new RequestApproved(request, "agency-a", "KE", "CYBERCRIME", "GLOCY",
                new Money(new BigDecimal("1600.00"), "EUR"), false,
                List.of(new EquipmentLine("SUR-CAM-1", 2, "border posts")), List.of(), List.of(),
                List.of("reviewer-1"), OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(approved, UUID.randomUUID(), "/program-service", OffsetDateTime.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.role("logistics"))
                        .when().get("/api/v1/shipments?requestId=" + request)
                        .then().statusCode(200).body("$", hasSize(1))
                        .body("[0].status", equalTo("PLANNED"))
                        .body("[0].lines[0].category", equalTo("SURVEILLANCE")));

        List<ConsumerRecord<String, byte[]>> events = BrokerClient.await(Topics.SHIPMENTS,
                r -> request.toString().equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(BrokerClient.header(events.get(0), "ce_type")).isEqualTo("assistance.shipment.planned.v1");
        assertThat(new String(events.get(0).value(), StandardCharsets.UTF_8)).contains("\"amount\":1600.00");

        given().auth().oauth2(Tokens.partner("agency-b"))
                .when().get("/api/v1/shipments?requestId=" + request)
                .then().statusCode(200).body("$", hasSize(0));
    }
}
