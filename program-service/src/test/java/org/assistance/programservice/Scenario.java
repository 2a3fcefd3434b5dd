package org.assistance.programservice;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.catalogue.CatalogueCopy;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CatalogueEvents.ItemPublished;
import org.assistance.chassis.events.CatalogueEvents.ItemWithdrawn;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.TrainingNeed;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;

/** Sets the stage as admins and partner agencies would: donors, funded programmes, submitted requests. */
public final class Scenario {
    private Scenario() {}

    public static String donor(String id) {
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        id,
                        "name",
                        "Donor " + id,
                        "iatiIdentifier",
                        "XM-DAC-" + id.hashCode(),
                        "type",
                        "GOVERNMENT"))
                .when()
                .post("/api/v1/donors")
                .then()
                .statusCode(201);
        return id;
    }

    /** A programme serving CYBERCRIME in USD, with the given money received from a new donor. */
    public static String fundedProgramme(String received) {
        String code = "P" + Integer.toHexString(UUID.randomUUID().hashCode()).toUpperCase();
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code,
                        "name",
                        "Programme " + code,
                        "thematicAreas",
                        List.of("CYBERCRIME"),
                        "currency",
                        "USD",
                        "iatiActivityPrefix",
                        "XM-DAC-41146-" + code))
                .when()
                .post("/api/v1/programmes")
                .then()
                .statusCode(201);
        String donor = donor("donor-" + code.toLowerCase());
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "donorId",
                        donor,
                        "amount",
                        Map.of("amount", received, "currency", "USD"),
                        "date",
                        LocalDate.now().toString()))
                .when()
                .post("/api/v1/programmes/" + code + "/contributions")
                .then()
                .statusCode(201);
        return code;
    }

    /**
     * A request of a Kenyan agency for 4 write blockers (a catalogue item) and a training course,
     * submitted by request-service's event; its case open.
     */
    public static UUID submittedRequest() {
        return submittedRequest("KE");
    }

    /** The same request from an agency of another country. */
    public static UUID submittedRequest(String country) {
        catalogued("FOR-WB-001");
        return submitted(
                country,
                Set.of("EQUIPMENT", "TRAINING", "NEEDS_ASSESSMENT"),
                List.of(new EquipmentLine("FOR-WB-001", 4, "labs")),
                List.of(new TrainingNeed("Mobile forensics", 20)));
    }

    /** A CYBERCRIME request with the given content, submitted by request-service's event; its case open. */
    public static UUID submitted(
            String country, Set<String> types, List<EquipmentLine> lines, List<TrainingNeed> needs) {
        UUID id = UUID.randomUUID();
        RequestSubmitted submitted = new RequestSubmitted(
                id,
                "agency-" + country.toLowerCase(),
                country,
                null,
                "CYBERCRIME",
                types,
                "HIGH",
                "Forensic capacity",
                "needs",
                LocalDate.now().plusMonths(6),
                lines,
                needs,
                new Money(new BigDecimal("40000.00"), "USD"),
                OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(submitted, UUID.randomUUID(), "/request-service", OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("reviewer"))
                        .when()
                        .get("/api/v1/reviews/" + id)
                        .then()
                        .statusCode(200));
        return id;
    }

    /**
     * Items published by equipment-service on the catalogue topic (the real broker), once
     * program-service's copy knows them.
     */
    public static void catalogued(String... itemCodes) {
        for (String code : itemCodes) {
            if (approvable(code)) {
                continue;
            }
            BrokerClient.send(CloudEvent.toRecord(
                    new ItemPublished(
                            code,
                            "Item " + code,
                            "FORENSIC_IT",
                            false,
                            new Money(new BigDecimal("1250.00"), "USD"),
                            OffsetDateTime.now()),
                    UUID.randomUUID(),
                    "/equipment-service",
                    OffsetDateTime.now()));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Arrays.stream(itemCodes).allMatch(Scenario::approvable));
    }

    /** An item equipment-service withdrew from its catalogue, once program-service's copy knows it. */
    public static void withdrawn(String itemCode, String reason) {
        BrokerClient.send(CloudEvent.toRecord(
                new ItemWithdrawn(itemCode, reason, OffsetDateTime.now()),
                UUID.randomUUID(),
                "/equipment-service",
                OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> unavailable(itemCode).stream()
                        .anyMatch(why -> why.message().english().contains("withdrawn")));
    }

    private static boolean approvable(String itemCode) {
        return unavailable(itemCode).isEmpty();
    }

    private static List<InvalidInput.Field> unavailable(String itemCode) {
        CatalogueCopy catalogue = Arc.container().instance(CatalogueCopy.class).get();
        return QuarkusTransaction.requiringNew().call(() -> catalogue.unavailable(Map.of("item", itemCode)));
    }

    /** One of request-service's events, sent on the real broker as request-service publishes it; returns its id. */
    public static UUID fromRequestService(AssistanceEvent event) {
        UUID eventId = UUID.randomUUID();
        BrokerClient.send(CloudEvent.toRecord(event, eventId, "/request-service", OffsetDateTime.now()));
        return eventId;
    }

    /**
     * Waits until program-service has handled the event: its inbox records it in the transaction
     * that applies it, so whatever the event changed is committed by then.
     */
    public static void handled(UUID eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from processed_events where event_id = ?1", eventId) > 0);
    }

    /**
     * The types of the events program-service recorded for a request, in order: its outbox,
     * written in the transaction of each change (whether or not the relay has sent them yet).
     */
    public static List<String> recordedEvents(UUID requestId) {
        return recordedEvents(requestId.toString());
    }

    /** The types of the events program-service recorded under a key (a request's id, "programme:<code>"), in order. */
    public static List<String> recordedEvents(String key) {
        EntityManager entityManager =
                Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                // still in the outbox, or published (the relay keeps a note of each, with its seq)
                                "select event_type from (select seq, event_key, event_type from outbox union all"
                                        + " select seq, event_key, event_type from outbox_published) e"
                                        + " where event_key = ?1 order by seq",
                                String.class)
                        .setParameter(1, key)
                        .getResultList());
    }

    /** A count the test reads from program-service's database ({@code ?1} the parameter). */
    public static long count(String sql, Object parameter) {
        EntityManager entityManager =
                Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery(sql)
                                .setParameter(1, parameter)
                                .getSingleResult())
                        .longValue());
    }

    /**
     * A request of the country's agency ("agency-" + country), approved under the programme with a
     * training course and a needs assessment: the request and its training's activity (planned 45
     * days after today).
     */
    public static Approved approvedTraining(String programme, String country) {
        UUID request = submittedRequest(country);
        given().auth()
                .oauth2(Tokens.person("reviewer-ana", "reviewer"))
                .contentType(ContentType.JSON)
                .body(approval(programme, "2000.00", 1, true))
                .when()
                .post("/api/v1/reviews/" + request + "/decision")
                .then()
                .statusCode(200);
        String training = given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.kind == 'TRAINING_COURSE' }.id");
        return new Approved(request, training);
    }

    /** An approved request and its training course's activity id. */
    public record Approved(UUID request, String training) {}

    public static Map<String, Object> approval(String programme, String amount, int units, boolean training) {
        return Map.of(
                "decision",
                "APPROVE",
                "programmeCode",
                programme,
                "approvedAmount",
                Map.of("amount", amount, "currency", "USD"),
                "equipmentLines",
                List.of(Map.of("itemCode", "FOR-WB-001", "quantity", units)),
                "trainings",
                training ? List.of(Map.of("topic", "Mobile forensics", "participants", 20)) : List.of());
    }
}
