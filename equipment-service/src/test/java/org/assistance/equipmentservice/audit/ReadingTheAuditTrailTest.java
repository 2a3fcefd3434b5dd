package org.assistance.equipmentservice.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assistance.equipmentservice.Logistics;
import org.assistance.equipmentservice.audit.Trail.Staff;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * An admin reads equipment-service's audit trail: as JSON pages or as one CSV document, narrowed
 * by actor, kind and time; nobody else reads it.
 */
@QuarkusTest
class ReadingTheAuditTrailTest {
    private static final List<String> COLUMNS = List.of(
            "id", "recorded_at", "actor", "actor_roles", "kind", "subject", "action", "before", "after", "trace_id");

    @Test
    void the_trail_is_one_rfc_4180_csv_document_with_a_header_row_asked_by_format_or_by_accept() throws Exception {
        Staff ana = Trail.staff("ana.admin", "admin");
        String warehouse = Logistics.unique("W");
        // a name with a comma, quotes and a line break: each must survive the CSV quoting
        String name = "Depot \"North\", Nairobi\nGate 4";
        Trail.post(ana, "/api/v1/warehouses", Map.of("code", warehouse, "name", name, "country", "KE"))
                .then()
                .statusCode(201);

        ExtractableResponse<Response> byFormat = given().auth()
                .oauth2(Trail.AUDITOR)
                .queryParam("actor", ana.subject())
                .queryParam("format", "csv")
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract();
        ExtractableResponse<Response> byAccept = given().auth()
                .oauth2(Trail.AUDITOR)
                .accept("text/csv")
                .queryParam("actor", ana.subject())
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract();

        String csv = byFormat.asString();
        assertThat(byAccept.asString()).isEqualTo(csv);
        assertThat(csv).startsWith(String.join(",", COLUMNS) + "\r\n").endsWith("\r\n");
        List<List<String>> rows = rfc4180(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(COLUMNS);
        List<String> row = rows.get(1);
        assertThat(row).hasSize(COLUMNS.size());
        assertThat(row.get(COLUMNS.indexOf("actor"))).isEqualTo(ana.subject());
        assertThat(row.get(COLUMNS.indexOf("actor_roles"))).contains("admin");
        assertThat(row.get(COLUMNS.indexOf("kind"))).isEqualTo("warehouse");
        assertThat(row.get(COLUMNS.indexOf("subject"))).isEqualTo(warehouse);
        assertThat(row.get(COLUMNS.indexOf("action"))).isEqualTo("created");
        assertThat(row.get(COLUMNS.indexOf("before"))).isEmpty();
        JsonNode after = new ObjectMapper().readTree(row.get(COLUMNS.indexOf("after")));
        assertThat(after.path("name").asText()).isEqualTo(name);
        assertThat(after.path("country").asText()).isEqualTo("KE");
        assertThat(OffsetDateTime.parse(row.get(COLUMNS.indexOf("recorded_at"))))
                .isBefore(OffsetDateTime.now().plusSeconds(1));
    }

    @Test
    void only_admins_read_the_trail() {
        given().when().get("/api/v1/admin/audit").then().statusCode(401);
        for (String stranger : List.of(
                Tokens.role("logistics"),
                Tokens.role("operations"),
                Tokens.role("reviewer"),
                Tokens.partner("agency-a"),
                Tokens.donor("donor-eu"))) {
            given().auth()
                    .oauth2(stranger)
                    .when()
                    .get("/api/v1/admin/audit")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(stranger)
                    .queryParam("format", "csv")
                    .when()
                    .get("/api/v1/admin/audit")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void actor_kind_from_and_to_each_narrow_the_trail() {
        Staff ana = Trail.staff("ana.admin", "admin");
        Staff bea = Trail.staff("bea.admin", "admin");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("FOR");
        Trail.post(ana, "/api/v1/warehouses", Map.of("code", warehouse, "name", "Kisumu", "country", "KE"))
                .then()
                .statusCode(201);
        Trail.post(
                        ana,
                        "/api/v1/catalogue",
                        Map.of(
                                "code",
                                item,
                                "name",
                                "Imaging kit",
                                "category",
                                "FORENSIC_IT",
                                "unitCost",
                                Trail.money("10.00"),
                                "dualUse",
                                false))
                .then()
                .statusCode(201);
        String other = Logistics.unique("W");
        Trail.post(bea, "/api/v1/warehouses", Map.of("code", other, "name", "Eldoret", "country", "KE"))
                .then()
                .statusCode(201);
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        assertThat(subjects(Map.of("actor", ana.subject()))).containsExactly(item, warehouse);
        assertThat(subjects(Map.of("actor", bea.subject()))).containsExactly(other);
        assertThat(subjects(Map.of("actor", ana.subject(), "kind", "warehouse")))
                .containsExactly(warehouse);
        assertThat(subjects(Map.of("actor", ana.subject(), "kind", "catalogue-item")))
                .containsExactly(item);
        assertThat(subjects(Map.of("actor", ana.subject(), "kind", "export-rule")))
                .isEmpty();
        assertThat(subjects(Map.of("kind", "warehouse", "from", start.toString())))
                .contains(warehouse, other)
                .doesNotContain(item);
        assertThat(subjects(Map.of("actor", ana.subject(), "from", start.toString(), "to", later.toString())))
                .containsExactly(item, warehouse);
        assertThat(subjects(Map.of("actor", ana.subject(), "from", later.toString())))
                .isEmpty();
        assertThat(subjects(Map.of("actor", ana.subject(), "to", start.toString())))
                .isEmpty();
        // days: from is inclusive of its day, to of its whole day
        assertThat(subjects(Map.of("actor", ana.subject(), "from", today, "to", today)))
                .containsExactly(item, warehouse);
        assertThat(subjects(Map.of("actor", ana.subject(), "to", yesterday))).isEmpty();
    }

    @Test
    void a_from_that_is_no_day_or_moment_is_a_problem_naming_the_field() {
        given().auth()
                .oauth2(Trail.AUDITOR)
                .queryParam("from", "last tuesday")
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("from"));
        given().auth()
                .oauth2(Trail.AUDITOR)
                .queryParam("from", "2026-12-02")
                .queryParam("to", "2026-12-01")
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
        given().auth()
                .oauth2(Trail.AUDITOR)
                .queryParam("kind", "Export Rule")
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Trail.AUDITOR)
                .queryParam("cursor", "not-ours")
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void the_trail_pages_newest_first_through_link_next_without_gaps_or_repeats() {
        Staff ana = Trail.staff("ana.admin", "admin");
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String warehouse = Logistics.unique("W");
            Trail.post(ana, "/api/v1/warehouses", Map.of("code", warehouse, "name", "Depot " + i, "country", "KE"))
                    .then()
                    .statusCode(201);
            registered.add(0, warehouse);
        }

        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String next = "/api/v1/admin/audit?actor=" + ana.subject() + "&limit=2";
        while (next != null) {
            ExtractableResponse<Response> page = given().auth()
                    .oauth2(Trail.AUDITOR)
                    .urlEncodingEnabled(false)
                    .when()
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract();
            List<String> subjects = page.jsonPath().getList("subject");
            paged.addAll(subjects);
            sizes.add(subjects.size());
            String link = page.header("Link");
            if (link == null) {
                next = null;
            } else {
                assertThat(link).endsWith("rel=\"next\"");
                next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
                next = next.substring(next.indexOf("/api/"));
            }
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(paged).as("newest first, each once").containsExactlyElementsOf(registered);
    }

    @Test
    void the_trail_has_no_operation_that_changes_it() {
        given().auth()
                .oauth2(Trail.AUDITOR)
                .when()
                .delete("/api/v1/admin/audit")
                .then()
                .statusCode(405);
        given().auth()
                .oauth2(Trail.AUDITOR)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/admin/audit")
                .then()
                .statusCode(405)
                .body("status", equalTo(405));
    }

    private static List<String> subjects(Map<String, String> query) {
        return given().auth()
                .oauth2(Trail.AUDITOR)
                .queryParams(query)
                .queryParam("limit", 1000)
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("subject");
    }

    /** Reads CSV by RFC 4180 (quoted cells, doubled quotes, CRLF between records), strictly. */
    private static List<List<String>> rfc4180(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"' && cell.isEmpty()) {
                i++;
                while (true) {
                    char q = csv.charAt(i++);
                    if (q == '"') {
                        if (i < csv.length() && csv.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(q);
                    }
                }
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                i++;
            } else if (c == '\r') {
                assertThat(csv.charAt(i + 1)).as("CR is followed by LF").isEqualTo('\n');
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                assertThat(c)
                        .as("a line break or quote only inside a quoted cell")
                        .isNotIn('\n', '"');
                cell.append(c);
                i++;
            }
        }
        assertThat(row).as("the last record ends with CRLF").isEmpty();
        return rows;
    }
}
