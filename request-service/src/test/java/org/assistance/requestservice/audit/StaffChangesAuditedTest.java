package org.assistance.requestservice.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.assistance.requestservice.priorities.Priorities;
import org.assistance.requestservice.requests.DraftsAccess;
import org.assistance.testsupport.DocumentUploads;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Staff's and admins' writes in request-service are in its audit trail: an admin stating a State's
 * national priority, a reviewer's internal note, a document attached by staff.
 */
@QuarkusTest
class StaffChangesAuditedTest {

    @Test
    void an_admin_stating_a_national_priority_for_a_state_is_audited() {
        String admin = person("admin");
        String id = given().auth()
                .oauth2(Tokens.person(admin, "admin"))
                .contentType(ContentType.JSON)
                .body(Priorities.body(3))
                .when()
                .post("/api/v1/countries/KE/priorities")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        JsonPath entries = trail(admin, "national-priority");
        assertThat(entries.getList("action")).containsExactly("created");
        assertThat(entries.getString("[0].subject")).isEqualTo(id);
        assertThat(entries.getInt("[0].after.rank")).isEqualTo(3);
        assertThat(entries.getList("[0].actorRoles")).contains("admin");
        assertThat((Object) entries.get("[0].before")).isNull();
    }

    @Test
    void a_reviewers_internal_note_is_audited_and_a_partners_message_is_its_own_record() {
        String agency = "agency-audit-" + UUID.randomUUID().toString().substring(0, 8);
        UUID request = DraftsAccess.submit(agency);
        String reviewer = person("reviewer");
        given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body(Map.of("body", "When will the review start?"))
                .when()
                .post("/api/v1/requests/" + request + "/messages")
                .then()
                .statusCode(201);
        String note = given().auth()
                .oauth2(Tokens.person(reviewer, "reviewer"))
                .contentType(ContentType.JSON)
                .body(Map.of("body", "Check the lab's inventory first", "visibility", "INTERNAL"))
                .when()
                .post("/api/v1/requests/" + request + "/messages")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        JsonPath entries = trail(reviewer, "request-message");
        assertThat(entries.getList("action")).containsExactly("created");
        assertThat(entries.getString("[0].subject")).isEqualTo(note);
        assertThat(entries.getString("[0].after.body")).isEqualTo("Check the lab's inventory first");
        assertThat(entries.getString("[0].after.visibility")).isEqualTo("INTERNAL");
        String everyMessage = given().auth()
                .oauth2(Tokens.role("admin"))
                .queryParam("kind", "request-message")
                .queryParam("limit", 1000)
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(everyMessage).doesNotContain("When will the review start?");
    }

    @Test
    void a_document_attached_by_staff_is_audited_without_its_content() {
        String agency = "agency-audit-" + UUID.randomUUID().toString().substring(0, 8);
        UUID request = DraftsAccess.submit(agency);
        String operations = person("operations");
        DocumentUploads.Sample sample = DocumentUploads.accepted().get(0);
        String id = DocumentUploads.upload(
                        "/api/v1/requests/" + request + "/documents",
                        Tokens.person(operations, "operations"),
                        sample,
                        "OTHER")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        JsonPath entries = trail(operations, "document");
        assertThat(entries.getList("action")).containsExactly("created");
        assertThat(entries.getString("[0].subject")).isEqualTo(id);
        assertThat(entries.getString("[0].after.filename")).isEqualTo(sample.filename());
        assertThat(entries.getString("[0].after.kind")).isEqualTo("OTHER");
    }

    private static JsonPath trail(String actor, String kind) {
        return given().auth()
                .oauth2(Tokens.role("admin"))
                .queryParam("actor", actor)
                .queryParam("kind", kind)
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String person(String role) {
        return role + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
