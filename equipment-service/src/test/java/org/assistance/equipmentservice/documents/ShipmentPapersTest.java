package org.assistance.equipmentservice.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.Topics;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.DocumentUploads;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Logistics attaches a shipment's papers: typed by content, bounded, announced without their content. */
@QuarkusTest
class ShipmentPapersTest {
    @Inject
    DataSource database;

    @Test
    void logistics_attaches_each_accepted_type_to_a_shipment_and_reads_it_back_unchanged() {
        Shipment shipment = planned();
        DocumentUploads.eachAcceptedTypeIsStoredAndReadBackUnchanged(
                shipment.documents(), Tokens.role("logistics"), "EXPORT_LICENCE");
        List<ConsumerRecord<String, byte[]>> events = BrokerClient.await(
                Topics.SHIPMENTS,
                r -> shipment.request().toString().equals(r.key())
                        && "assistance.shipment.document-attached.v1".equals(BrokerClient.header(r, "ce_type")),
                6,
                Duration.ofSeconds(20));
        String event = new String(events.get(0).value(), StandardCharsets.UTF_8);
        assertThat(event)
                .contains("\"attachedTo\":\"SHIPMENT\"")
                .contains("\"attachedToId\":\"" + shipment.id() + "\"")
                .contains("\"kind\":\"EXPORT_LICENCE\"")
                .contains("\"sha256\":\""
                        + DocumentUploads.sha256(
                                DocumentUploads.accepted().get(0).content()) + "\"")
                .doesNotContain("%PDF");
    }

    @Test
    void other_types_are_refused_with_415_and_bodies_over_the_limit_with_413_storing_nothing() throws Exception {
        Shipment shipment = planned();
        DocumentUploads.otherTypesAreRefusedWhateverTheyClaim(
                shipment.documents(), Tokens.role("logistics"), "END_USER_CERTIFICATE", database);
        DocumentUploads.bodiesOverTheLimitAreRefused(
                shipment.documents(), Tokens.role("logistics"), "OTHER", 20L * 1024 * 1024, database);
    }

    @Test
    void partners_cannot_reach_a_shipments_papers_and_an_unknown_shipment_has_none() {
        Shipment shipment = planned();
        DocumentUploads.upload(
                        shipment.documents(),
                        Tokens.partner("agency-papers"),
                        DocumentUploads.accepted().get(0),
                        "EXPORT_LICENCE")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.partner("agency-papers"))
                .when()
                .get(shipment.documents())
                .then()
                .statusCode(403);
        DocumentUploads.upload(
                        "/api/v1/shipments/" + UUID.randomUUID() + "/documents",
                        Tokens.role("logistics"),
                        DocumentUploads.accepted().get(0),
                        "EXPORT_LICENCE")
                .then()
                .statusCode(404);
    }

    private record Shipment(UUID request, String id) {
        String documents() {
            return "/api/v1/shipments/" + id + "/documents";
        }
    }

    private static Shipment planned() {
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("FOR");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, "FORENSIC_IT", false, "1000.00");
        Logistics.stock(warehouse, item, 2);
        UUID request = Logistics.approve("KE", "agency-papers", Map.of(item, 2));
        return new Shipment(
                request, (String) Logistics.awaitShipments(request, 1).get(0).get("id"));
    }
}
