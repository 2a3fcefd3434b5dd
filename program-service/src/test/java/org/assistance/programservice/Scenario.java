package org.assistance.programservice;

import io.restassured.http.ContentType;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.TrainingNeed;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Sets the stage as admins and partner agencies would: donors, funded programmes, submitted requests. */
public final class Scenario {
    private Scenario() {
    }

    public static String donor(String id) {
        given().auth().oauth2(Tokens.role("admin")).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Donor " + id, "iatiIdentifier", "XM-DAC-" + id.hashCode(),
                        "type", "GOVERNMENT"))
                .when().post("/api/v1/donors").then().statusCode(201);
        return id;
    }

    /** A programme serving CYBERCRIME in USD, with the given money received from a new donor. */
    public static String fundedProgramme(String received) {
        String code = "P" + Integer.toHexString(UUID.randomUUID().hashCode()).toUpperCase();
        given().auth().oauth2(Tokens.role("admin")).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Programme " + code, "thematicAreas", List.of("CYBERCRIME"),
                        "currency", "USD", "iatiActivityPrefix", "XM-DAC-41146-" + code))
                .when().post("/api/v1/programmes").then().statusCode(201);
        String donor = donor("donor-" + code.toLowerCase());
        given().auth().oauth2(Tokens.role("admin")).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "amount", Map.of("amount", received, "currency", "USD"),
                        "date", LocalDate.now().toString()))
                .when().post("/api/v1/programmes/" + code + "/contributions").then().statusCode(201);
        return code;
    }

    /** A request for 4 write blockers and a training course, submitted by request-service's event; its case open. */
    public static UUID submittedRequest() {
        UUID id = UUID.randomUUID();
        RequestSubmitted submitted = new RequestSubmitted(id, "agency-ke", "KE", null, "CYBERCRIME",
                Set.of("EQUIPMENT", "TRAINING", "NEEDS_ASSESSMENT"), "HIGH", "Forensic capacity", "needs",
                LocalDate.now().plusMonths(6), List.of(new EquipmentLine("FOR-WB-001", 4, "labs")),
                List.of(new TrainingNeed("Mobile forensics", 20)),
                new Money(new BigDecimal("40000.00"), "USD"), OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(submitted, UUID.randomUUID(), "/request-service", OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.role("reviewer")).when().get("/api/v1/reviews/" + id)
                        .then().statusCode(200));
        return id;
    }

    public static Map<String, Object> approval(String programme, String amount, int units, boolean training) {
        return Map.of("decision", "APPROVE", "programmeCode", programme,
                "approvedAmount", Map.of("amount", amount, "currency", "USD"),
                "equipmentLines", List.of(Map.of("itemCode", "FOR-WB-001", "quantity", units)),
                "trainings", training ? List.of(Map.of("topic", "Mobile forensics", "participants", 20)) : List.of());
    }
}
