package org.assistance.programservice.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.DocumentUploads;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Every change staff and admins make in program-service is in the audit trail, in the change's own
 * transaction: who (the token's subject), what kind, which one, and the before and after. Read
 * through the admins' API, as an auditor would.
 */
@QuarkusTest
class StaffChangesAuditTest {
    private static final String ANA = "ana.admin";
    private static final String ADMIN = Tokens.person(ANA, "admin");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource database;

    @Test
    void an_admins_registration_of_a_donor_is_audited_with_what_was_registered_and_a_refused_one_is_not() {
        String donor = "audit-donor-" + shortId();
        registerDonor(donor, "Kingdom of Audit").then().statusCode(201);
        // the same id again: refused, and the refusal leaves nothing in the trail
        registerDonor(donor, "Someone else").then().statusCode(409);

        JsonNode entry = only("donor", ANA, donor);
        assertThat(entry.get("action").asText()).isEqualTo("created");
        assertThat(entry.get("actorRoles").toString()).contains("admin");
        assertThat(absent(entry, "/before")).isTrue();
        assertThat(entry.at("/after/id").asText()).isEqualTo(donor);
        assertThat(entry.at("/after/name").asText()).isEqualTo("Kingdom of Audit");
        assertThat(entry.at("/after/type").asText()).isEqualTo("GOVERNMENT");
        assertThat(entry.get("recordedAt").asText()).isNotBlank();
    }

    @Test
    void a_programme_an_admin_creates_is_audited_with_its_code_currency_and_areas() {
        String code = createProgramme(ADMIN);

        JsonNode entry = only("programme", ANA, code);
        assertThat(entry.get("action").asText()).isEqualTo("created");
        assertThat(entry.at("/after/code").asText()).isEqualTo(code);
        assertThat(entry.at("/after/currency").asText()).isEqualTo("USD");
        assertThat(entry.at("/after/thematicAreas").toString()).contains("CYBERCRIME");
        // the same code again is refused: still one entry
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(programme(code))
                .when()
                .post("/api/v1/programmes")
                .then()
                .statusCode(409);
        only("programme", ANA, code);
    }

    @Test
    void pledges_and_contributions_are_audited_each_with_its_donor_amount_and_rate_and_a_refused_one_is_not() {
        String code = createProgramme(ADMIN);
        String donor = "audit-donor-" + shortId();
        registerDonor(donor, "Republic of Pledges").then().statusCode(201);

        // a pledge cannot be earmarked: refused, nothing audited
        Map<String, Object> earmarked = funding(donor, "1000.00", "USD", null);
        earmarked.put("earmark", Map.of("countries", List.of("KE")));
        fund(code, "pledges", earmarked).then().statusCode(400);
        fund(code, "pledges", funding(donor, "250000.00", "USD", null)).then().statusCode(201);
        fund(code, "contributions", funding(donor, "1000.00", "EUR", "1.0832"))
                .then()
                .statusCode(201);

        List<JsonNode> pledges = ofProgramme(entries("pledge", ANA), code);
        assertThat(pledges).hasSize(1);
        JsonNode pledge = pledges.get(0);
        assertThat(pledge.get("action").asText()).isEqualTo("created");
        assertThat(pledge.get("subject").asText())
                .isEqualTo(pledge.at("/after/id").asText());
        assertThat(pledge.at("/after/donorId").asText()).isEqualTo(donor);
        assertThat(pledge.at("/after/kind").asText()).isEqualTo("PLEDGE");
        assertThat(pledge.at("/after/amount").decimalValue()).isEqualByComparingTo("250000.00");
        assertThat(pledge.at("/after/currency").asText()).isEqualTo("USD");

        List<JsonNode> contributions = ofProgramme(entries("contribution", ANA), code);
        assertThat(contributions).hasSize(1);
        JsonNode contribution = contributions.get(0);
        assertThat(contribution.at("/after/kind").asText()).isEqualTo("CONTRIBUTION");
        // given in euros: the amount and rate as given, and what it came to in the programme's currency
        assertThat(contribution.at("/after/originalAmount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(contribution.at("/after/originalCurrency").asText()).isEqualTo("EUR");
        assertThat(contribution.at("/after/exchangeRate").decimalValue()).isEqualByComparingTo("1.0832");
        assertThat(contribution.at("/after/amount").decimalValue()).isEqualByComparingTo("1083.20");
    }

    @Test
    void a_states_review_policy_is_audited_when_first_set_and_when_changed_with_before_and_after() {
        // a Pacific State no other test reviews requests of, whose policy was never set; it ends as it began
        String country = List.of("FJ", "WS", "TO", "VU", "KI", "TV", "NR", "PW").stream()
                .filter(c -> Scenario.count("select count(*) from review_policies where country = ?1", c) == 0)
                .findFirst()
                .orElseThrow();
        setPolicy(country, true).then().statusCode(200);
        setPolicy(country, false).then().statusCode(200);

        List<JsonNode> changes = entries("review-policy", ANA).stream()
                .filter(e -> e.get("subject").asText().equals(country))
                .toList();
        assertThat(changes).hasSize(2);
        // newest first
        JsonNode changed = changes.get(0);
        JsonNode created = changes.get(1);
        assertThat(created.get("action").asText()).isEqualTo("created");
        assertThat(absent(created, "/before")).isTrue();
        assertThat(created.at("/after/reviewWaitsForEndorsement").asBoolean()).isTrue();
        assertThat(created.at("/after/setBy").asText()).isEqualTo(ANA);
        assertThat(changed.get("action").asText()).isEqualTo("changed");
        assertThat(changed.at("/before/reviewWaitsForEndorsement").asBoolean()).isTrue();
        assertThat(changed.at("/after/reviewWaitsForEndorsement").asBoolean()).isFalse();
    }

    @Test
    void indicators_and_their_measurements_are_audited_with_who_defined_and_measured_them() {
        String code = createProgramme(ADMIN);
        String indicator = given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Examiners certified",
                        "kind",
                        "OUTPUT",
                        "unit",
                        "people",
                        "target",
                        Map.of("value", 40, "year", 2027)))
                .when()
                .post("/api/v1/programmes/" + code + "/indicators")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> measurement = Map.of(
                "periodStart",
                LocalDate.now().withDayOfMonth(1).toString(),
                "periodEnd",
                LocalDate.now().withDayOfMonth(1).plusMonths(1).minusDays(1).toString(),
                "value",
                12,
                "source",
                "Course records");
        String measured = given().auth()
                .oauth2(Tokens.person("olga.operations", "operations"))
                .contentType(ContentType.JSON)
                .body(measurement)
                .when()
                .post("/api/v1/programmes/" + code + "/indicators/" + indicator + "/measurements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // the same period again is refused: no second entry
        given().auth()
                .oauth2(Tokens.person("olga.operations", "operations"))
                .contentType(ContentType.JSON)
                .body(measurement)
                .when()
                .post("/api/v1/programmes/" + code + "/indicators/" + indicator + "/measurements")
                .then()
                .statusCode(409);

        JsonNode defined = only("indicator", ANA, indicator);
        assertThat(defined.get("action").asText()).isEqualTo("created");
        assertThat(defined.at("/after/programmeCode").asText()).isEqualTo(code);
        assertThat(defined.at("/after/title").asText()).isEqualTo("Examiners certified");
        assertThat(defined.at("/after/target/value").decimalValue()).isEqualByComparingTo("40");
        JsonNode value = only("measurement", "olga.operations", measured);
        assertThat(value.get("actorRoles").toString()).contains("operations");
        assertThat(value.at("/after/indicatorId").asText()).isEqualTo(indicator);
        assertThat(value.at("/after/value").decimalValue()).isEqualByComparingTo("12");
        assertThat(value.at("/after/source").asText()).isEqualTo("Course records");
        assertThat(entries("measurement", "olga.operations").stream()
                        .filter(e -> e.at("/after/indicatorId").asText().equals(indicator)))
                .hasSize(1);
    }

    @Test
    void an_activitys_delivery_and_cancellation_are_audited_with_the_activity_before_and_after() {
        String programme = Scenario.fundedProgramme("50000.00");
        Scenario.Approved approved = Scenario.approvedTraining(programme, "KE");
        String logistics = Tokens.person("leo.logistics", "logistics");

        // counts that do not add up are refused: nothing audited
        deliver(logistics, approved.training(), 19).then().statusCode(422);
        deliver(logistics, approved.training(), 18).then().statusCode(200);
        JsonNode delivered = only("activity", "leo.logistics", approved.training());
        assertThat(delivered.get("action").asText()).isEqualTo("delivered");
        assertThat(delivered.at("/before/status").asText()).isEqualTo("PLANNED");
        assertThat(absent(delivered, "/before/disbursed")).isTrue();
        assertThat(delivered.at("/after/status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.at("/after/participantsTotal").asInt()).isEqualTo(18);
        assertThat(delivered.at("/after/disbursed").decimalValue()).isEqualByComparingTo("500.00");

        String assessment = given().auth()
                .oauth2(logistics)
                .when()
                .get("/api/v1/activities?requestId=" + approved.request())
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.kind == 'NEEDS_ASSESSMENT' }.id");
        given().auth()
                .oauth2(logistics)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "The lab was flooded"))
                .when()
                .post("/api/v1/activities/" + assessment + "/cancellation")
                .then()
                .statusCode(200);
        JsonNode cancelled = only("activity", "leo.logistics", assessment);
        assertThat(cancelled.get("action").asText()).isEqualTo("cancelled");
        assertThat(cancelled.at("/before/status").asText()).isEqualTo("PLANNED");
        assertThat(cancelled.at("/after/status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.at("/after/cancellationReason").asText()).isEqualTo("The lab was flooded");
    }

    @Test
    void roster_changes_are_audited_by_pseudonym_with_the_entry_before_and_after() {
        Scenario.Approved approved = Scenario.approvedTraining(Scenario.fundedProgramme("50000.00"), "KE");
        String reviewer = Tokens.person("rita.reviewer", "reviewer");
        String participants = "/api/v1/activities/" + approved.training() + "/participants";
        Map<String, Object> participant = new HashMap<>(
                Map.of("participantId", "KE-AUD-0001", "sex", "FEMALE", "preTestScore", 55.5, "attendancePercent", 90));
        given().auth()
                .oauth2(reviewer)
                .contentType(ContentType.JSON)
                .body(participant)
                .when()
                .post(participants)
                .then()
                .statusCode(201);
        // on the roster already: refused, not audited
        given().auth()
                .oauth2(reviewer)
                .contentType(ContentType.JSON)
                .body(participant)
                .when()
                .post(participants)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(reviewer)
                .contentType(ContentType.JSON)
                .body(Map.of("sex", "FEMALE", "preTestScore", 55.5, "postTestScore", 81.25, "attendancePercent", 100))
                .when()
                .put(participants + "/KE-AUD-0001")
                .then()
                .statusCode(200);

        List<JsonNode> changes = entries("participant", "rita.reviewer").stream()
                .filter(e -> e.get("subject").asText().equals(approved.training() + "/KE-AUD-0001"))
                .toList();
        assertThat(changes).extracting(e -> e.get("action").asText()).containsExactly("changed", "created");
        JsonNode added = changes.get(1);
        assertThat(added.at("/after/participantId").asText()).isEqualTo("KE-AUD-0001");
        assertThat(added.at("/after/fields").toString()).isEqualTo("[\"sex\",\"preTestScore\",\"attendancePercent\"]");
        JsonNode replaced = changes.get(0);
        assertThat(replaced.at("/after/fields").toString()).isEqualTo("[\"postTestScore\",\"attendancePercent\"]");
        // the trail is never erased: a participant's personal data (sex, scores) stays out of it
        for (JsonNode change : changes) {
            assertThat(change.toString())
                    .doesNotContain("FEMALE")
                    .doesNotContain("55.5")
                    .doesNotContain("81.25");
        }
    }

    @Test
    void a_document_attached_to_an_activity_is_audited_with_its_digest_never_its_content() {
        Scenario.Approved approved = Scenario.approvedTraining(Scenario.fundedProgramme("50000.00"), "KE");
        DocumentUploads.Sample pdf = DocumentUploads.accepted().get(0);
        String document = DocumentUploads.upload(
                        "/api/v1/activities/" + approved.training() + "/documents", ADMIN, pdf, "TRAINING_REPORT")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        JsonNode entry = only("activity-document", ANA, document);
        assertThat(entry.get("action").asText()).isEqualTo("created");
        assertThat(entry.at("/after/activityId").asText()).isEqualTo(approved.training());
        assertThat(entry.at("/after/document/kind").asText()).isEqualTo("TRAINING_REPORT");
        assertThat(entry.at("/after/document/sha256").asText()).isEqualTo(DocumentUploads.sha256(pdf.content()));
        assertThat(entry.at("/after/document/size").asLong()).isEqualTo(pdf.content().length);
        assertThat(entry.toString()).doesNotContain("%PDF");
    }

    @Test
    void a_reviewers_decisions_are_audited_with_the_cases_state_before_and_after() {
        String programme = Scenario.fundedProgramme("50000.00");
        Scenario.Approved approved = Scenario.approvedTraining(programme, "KE");
        JsonNode approval = only("review", "reviewer-ana", approved.request().toString());
        assertThat(approval.get("action").asText()).isEqualTo("approved");
        assertThat(approval.at("/before/status").asText()).isEqualTo("PENDING");
        assertThat(approval.at("/after/status").asText()).isEqualTo("APPROVED");
        assertThat(approval.at("/after/programmeCode").asText()).isEqualTo(programme);
        assertThat(approval.at("/after/approvedAmount").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(approval.at("/after/decidedBy").toString()).contains("reviewer-ana");

        UUID request = Scenario.submittedRequest();
        String reviewer = Tokens.person("rex.reviewer", "reviewer");
        // a rejection without its reason is refused: not audited
        decide(reviewer, request, Map.of("decision", "REJECT")).then().statusCode(400);
        decide(reviewer, request, Map.of("decision", "REJECT", "reasonCode", "DUPLICATE"))
                .then()
                .statusCode(200);
        JsonNode rejection = only("review", "rex.reviewer", request.toString());
        assertThat(rejection.get("action").asText()).isEqualTo("rejected");
        assertThat(rejection.at("/before/status").asText()).isEqualTo("PENDING");
        assertThat(rejection.at("/after/status").asText()).isEqualTo("REJECTED");
        assertThat(rejection.at("/after/decisionNote").asText()).isEqualTo("DUPLICATE");
    }

    @Test
    void the_trail_reads_as_csv_too_asked_for_by_format_or_by_accept() {
        String donor = "audit-csv-" + shortId();
        registerDonor(donor, "Commonwealth of Rows, \"CSV\"").then().statusCode(201);

        for (boolean byFormat : List.of(true, false)) {
            var request =
                    given().auth().oauth2(ADMIN).queryParam("kind", "donor").queryParam("actor", ANA);
            request = byFormat ? request.queryParam("format", "csv") : request.accept("text/csv");
            String csv = request.when()
                    .get("/api/v1/admin/audit")
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("text/csv"))
                    .extract()
                    .asString();
            List<String> lines = csv.lines().toList();
            assertThat(lines.get(0))
                    .isEqualTo("id,recorded_at,actor,actor_roles,kind,subject,action,before,after,trace_id");
            assertThat(lines)
                    .filteredOn(line -> line.contains("," + donor + ",created,"))
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains(",ana.admin,admin,donor,")
                            // the name's quotes doubled inside the quoted JSON cell (RFC 4180)
                            .contains("Commonwealth of Rows, \\\"\"CSV\\\"\""));
        }
    }

    @Test
    void only_admins_read_the_trail() {
        for (String outsider : List.of(
                Tokens.role("reviewer"),
                Tokens.role("operations"),
                Tokens.role("logistics"),
                Tokens.partner("agency-ke"),
                Tokens.donor("donor-eu"))) {
            given().auth()
                    .oauth2(outsider)
                    .when()
                    .get("/api/v1/admin/audit")
                    .then()
                    .statusCode(403);
        }
        given().when().get("/api/v1/admin/audit").then().statusCode(401);
    }

    @Test
    void the_trail_is_filtered_by_actor_kind_and_day_or_moment() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        String donor = "audit-filter-" + shortId();
        registerDonor(donor, "Federation of Filters").then().statusCode(201);
        String code = createProgramme(Tokens.person("ben.admin", "admin"));
        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertThat(subjects(Map.of("actor", ANA))).contains(donor).doesNotContain(code);
        assertThat(subjects(Map.of("actor", "ben.admin"))).contains(code).doesNotContain(donor);
        assertThat(subjects(Map.of("kind", "programme"))).contains(code).doesNotContain(donor);
        assertThat(subjects(Map.of("kind", "donor", "actor", "ben.admin"))).doesNotContain(donor, code);
        assertThat(subjects(Map.of("from", today.toString(), "to", today.toString())))
                .contains(donor, code);
        assertThat(subjects(Map.of("to", today.minusDays(1).toString()))).doesNotContain(donor, code);
        assertThat(subjects(Map.of("from", today.plusDays(1).toString()))).doesNotContain(donor, code);
        assertThat(subjects(Map.of("from", before.toString(), "to", after.toString())))
                .contains(donor, code);
        assertThat(subjects(Map.of("from", after.toString()))).doesNotContain(donor, code);
        // to before from is refused
        given().auth()
                .oauth2(ADMIN)
                .queryParam("from", today.toString())
                .queryParam("to", today.minusDays(2).toString())
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(400);
    }

    @Test
    void an_entry_cannot_be_changed_or_deleted_neither_in_the_database_nor_through_the_api() throws SQLException {
        String donor = "audit-kept-" + shortId();
        registerDonor(donor, "Principality of Records").then().statusCode(201);
        String id = only("donor", ANA, donor).get("id").asText();

        try (Connection connection = database.getConnection()) {
            for (String statement : List.of(
                    "delete from audit_entries where subject = ?",
                    "update audit_entries set actor = 'someone.else' where subject = ?")) {
                try (PreparedStatement refused = connection.prepareStatement(statement)) {
                    refused.setString(1, donor);
                    assertThatThrownBy(refused::executeUpdate).as(statement).isInstanceOf(SQLException.class);
                }
            }
        }
        for (String method : List.of("DELETE", "PUT", "POST", "PATCH")) {
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .request(method, "/api/v1/admin/audit")
                    .then()
                    .statusCode(405);
        }
        JsonNode kept = only("donor", ANA, donor);
        assertThat(kept.get("id").asText()).isEqualTo(id);
        assertThat(kept.get("actor").asText()).isEqualTo(ANA);
    }

    // --- the stage and the reading of the trail

    /** The trail's entries of a kind by an actor, newest first (one page holds them all here). */
    static List<JsonNode> entries(String kind, String actor) {
        return read(Map.of("kind", kind, "actor", actor));
    }

    private static List<JsonNode> read(Map<String, String> filters) {
        String body = given().auth()
                .oauth2(ADMIN)
                .queryParams(filters)
                .queryParam("limit", 1000)
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .asString();
        try {
            List<JsonNode> entries = new ArrayList<>();
            JSON.readTree(body).forEach(entries::add);
            return entries;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> subjects(Map<String, String> filters) {
        return read(filters).stream().map(e -> e.get("subject").asText()).toList();
    }

    /** The one entry of the kind about the subject by the actor: exactly one, or the test fails. */
    static JsonNode only(String kind, String actor, String subject) {
        List<JsonNode> found = entries(kind, actor).stream()
                .filter(e -> e.get("subject").asText().equals(subject))
                .toList();
        assertThat(found).as("%s %s by %s", kind, subject, actor).hasSize(1);
        JsonNode entry = found.get(0);
        assertThat(entry.get("actor").asText()).isEqualTo(actor);
        assertThat(entry.get("kind").asText()).isEqualTo(kind);
        return entry;
    }

    /** Null or left out: what a reader of the JSON sees as nothing. */
    private static boolean absent(JsonNode entry, String pointer) {
        JsonNode node = entry.at(pointer);
        return node.isMissingNode() || node.isNull();
    }

    private static List<JsonNode> ofProgramme(List<JsonNode> entries, String code) {
        return entries.stream()
                .filter(e -> e.at("/after/programmeCode").asText().equals(code))
                .toList();
    }

    private static io.restassured.response.Response registerDonor(String id, String name) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", name, "iatiIdentifier", "XM-DAC-" + id, "type", "GOVERNMENT"))
                .when()
                .post("/api/v1/donors");
    }

    private static String createProgramme(String token) {
        String code = "PA" + shortId().toUpperCase();
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(programme(code))
                .when()
                .post("/api/v1/programmes")
                .then()
                .statusCode(201);
        return code;
    }

    private static Map<String, Object> programme(String code) {
        return Map.of(
                "code",
                code,
                "name",
                "Programme " + code,
                "thematicAreas",
                List.of("CYBERCRIME"),
                "currency",
                "USD",
                "iatiActivityPrefix",
                "XM-DAC-41146-" + code);
    }

    private static Map<String, Object> funding(String donor, String amount, String currency, String rate) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "donorId",
                donor,
                "amount",
                Map.of("amount", amount, "currency", currency),
                "date",
                LocalDate.now().toString()));
        if (rate != null) {
            body.put("exchangeRate", new BigDecimal(rate));
        }
        return body;
    }

    private static io.restassured.response.Response fund(String code, String what, Map<String, Object> body) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/programmes/" + code + "/" + what);
    }

    private static io.restassured.response.Response setPolicy(String country, boolean waits) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("reviewWaitsForEndorsement", waits))
                .when()
                .put("/api/v1/countries/" + country + "/review-policy");
    }

    private static io.restassured.response.Response deliver(String token, String activity, int total) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "actualStart",
                        LocalDate.now().minusDays(5).toString(),
                        "actualEnd",
                        LocalDate.now().minusDays(1).toString(),
                        "participants",
                        Map.of("women", 8, "men", 10, "total", total),
                        "authoritiesReached",
                        List.of("DCI cybercrime unit"),
                        "outcome",
                        "Examiners certified",
                        "cost",
                        Map.of("amount", "500.00", "currency", "USD")))
                .when()
                .post("/api/v1/activities/" + activity + "/delivery");
    }

    private static io.restassured.response.Response decide(String token, UUID request, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/reviews/" + request + "/decision");
    }

    private static String shortId() {
        return Integer.toHexString(UUID.randomUUID().hashCode());
    }
}
