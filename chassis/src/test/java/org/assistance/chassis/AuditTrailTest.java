package org.assistance.chassis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Who changed what and when: written with the change, read by admins, never rewritten. */
@QuarkusTest
class AuditTrailTest {
    private static final String ADMIN = Tokens.person("ada.admin", "admin");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditTrail audit;

    @Test
    void an_admins_change_is_recorded_with_who_when_and_the_before_and_after() {
        String setting = "setting-" + UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.person("rui.reviewer", "reviewer"))
                .when()
                .post("/api/v1/fixture/settings/" + setting)
                .then()
                .statusCode(200);

        JsonPath entry = onlyEntryOf(setting);
        assertThat(entry.getString("actor")).isEqualTo("rui.reviewer");
        assertThat(entry.getList("actorRoles")).contains("reviewer");
        assertThat(entry.getString("kind")).isEqualTo("fixture-setting");
        assertThat(entry.getString("action")).isEqualTo("changed");
        assertThat(entry.getString("before.value")).isEqualTo("old");
        assertThat(entry.getString("after.value")).isEqualTo("new");
        assertThat(entry.getString("recordedAt"))
                .startsWith(LocalDate.now(ZoneOffset.UTC).toString());
    }

    @Test
    void a_change_refused_after_its_entry_was_written_leaves_no_entry() {
        String setting = "refused-" + UUID.randomUUID();
        given().auth()
                .oauth2(ADMIN)
                .queryParam("fail", true)
                .when()
                .post("/api/v1/fixture/settings/" + setting)
                .then()
                .statusCode(409);
        assertThat(entriesOf(setting)).isEmpty();
    }

    @Test
    void the_database_refuses_to_rewrite_or_delete_the_trail_even_to_the_service_itself() throws Exception {
        String setting = "kept-" + UUID.randomUUID();
        given().auth()
                .oauth2(ADMIN)
                .when()
                .post("/api/v1/fixture/settings/" + setting)
                .then()
                .statusCode(200);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : List.of(
                    "delete from audit_entries where subject = '" + setting + "'",
                    "update audit_entries set actor = 'someone-else' where subject = '" + setting + "'",
                    "truncate audit_entries")) {
                assertThatThrownBy(() -> statement.execute(sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("audit entries are kept");
            }
        }
        assertThat(onlyEntryOf(setting).getString("actor")).isEqualTo("ada.admin");
        // and no operation of the API deletes or changes one
        given().auth().oauth2(ADMIN).when().delete("/api/v1/admin/audit").then().statusCode(405);
        given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body("{}")
                .when()
                .put("/api/v1/admin/audit")
                .then()
                .statusCode(405);
    }

    @Test
    void an_entry_is_written_only_inside_the_changes_transaction() {
        assertThatThrownBy(() -> audit.created("fixture-setting", "outside", Map.of()))
                .isInstanceOf(jakarta.transaction.TransactionalException.class)
                .hasMessageContaining("Transaction is required");
        String subject = "by-the-platform-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> audit.created("fixture-setting", subject, Map.of("value", 1)));
        assertThat(onlyEntryOf(subject).getString("actor")).isEqualTo(AuditTrail.SYSTEM);
    }

    @Test
    void the_trail_is_read_by_actor_kind_and_period_a_page_at_a_time() {
        String actor = "filter.admin." + UUID.randomUUID();
        String token = Tokens.person(actor, "admin");
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .post("/api/v1/fixture/settings/s" + i)
                    .then()
                    .statusCode(200);
        }
        List<String> subjects = given().auth()
                .oauth2(ADMIN)
                .queryParam("actor", actor)
                .queryParam("kind", "fixture-setting")
                .queryParam("from", LocalDate.now(ZoneOffset.UTC).toString())
                .queryParam("to", LocalDate.now(ZoneOffset.UTC).toString())
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("subject");
        assertThat(subjects).as("newest first").containsExactly("s2", "s1", "s0");

        var first = given().auth()
                .oauth2(ADMIN)
                .queryParam("actor", actor)
                .queryParam("limit", 2)
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .header("Link", containsString("rel=\"next\""))
                .extract();
        assertThat(first.jsonPath().getList("subject")).containsExactly("s2", "s1");
        String link = first.header("Link");
        String next = link.substring(link.indexOf("/api/"), link.indexOf('>'));
        assertThat(given().auth()
                        .oauth2(ADMIN)
                        .when()
                        .get(next)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("subject"))
                .containsExactly("s0");

        assertThat(given().auth()
                        .oauth2(ADMIN)
                        .queryParam("actor", actor)
                        .queryParam(
                                "to", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
                        .when()
                        .get("/api/v1/admin/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("subject"))
                .as("nothing before yesterday's end")
                .isEmpty();
    }

    @Test
    void the_trail_downloads_as_csv_that_a_spreadsheet_opens_safely() {
        String setting = "=HYPERLINK(\"http://evil\")-" + UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.person("csv.admin", "admin"))
                .when()
                .post("/api/v1/fixture/settings/{name}", setting)
                .then()
                .statusCode(200);
        String csv = given().auth()
                .oauth2(ADMIN)
                .header("Accept", "text/csv")
                .queryParam("actor", "csv.admin")
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("audit.csv"))
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("id,recorded_at,actor,actor_roles,kind,subject,action,before,after,trace_id");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\")-").contains("csv.admin,admin,fixture-setting");
        assertThat(given().auth()
                        .oauth2(ADMIN)
                        .queryParam("format", "csv")
                        .queryParam("actor", "csv.admin")
                        .when()
                        .get("/api/v1/admin/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo(csv);
    }

    @Test
    void only_admins_read_the_trail_and_bad_filters_are_named() {
        given().when().get("/api/v1/admin/audit").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ADMIN)
                .queryParam("from", "last tuesday")
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", containsString("from"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("from", "2026-12-02")
                .queryParam("to", "2026-12-01")
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("to"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("kind", "DROP TABLE")
                .header("Accept-Language", "es")
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("minúsculas"));
    }

    private static JsonPath onlyEntryOf(String subject) {
        List<Map<String, Object>> entries = entriesOf(subject);
        assertThat(entries).hasSize(1);
        return new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(entries.get(0))
                .toString());
    }

    private static List<Map<String, Object>> entriesOf(String subject) {
        return given().auth()
                .oauth2(ADMIN)
                .queryParam("limit", 1000)
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.subject == '"
                        + subject.replace("\\", "\\\\").replace("'", "\\'") + "' }");
    }
}
