package org.assistance.reportingservice.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** An admin's rebuild of the read models is in the audit trail: who started it, and how it ended. */
@QuarkusTest
class RebuildAuditedTest {

    @Test
    void an_admins_rebuild_is_audited_when_started_and_when_the_platform_finishes_it() {
        String admin = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(Rebuilds.state()));
        given().auth()
                .oauth2(Tokens.person(admin, "admin"))
                .when()
                .post("/api/v1/admin/rebuild")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(Rebuilds.state()));

        JsonPath started = trail("actor", admin);
        assertThat(started.getList("action")).containsExactly("started");
        assertThat(started.getString("[0].kind")).isEqualTo("read-model-rebuild");
        assertThat(started.getString("[0].after.state")).isEqualTo("RUNNING");
        assertThat(started.getString("[0].before.state")).isNotEqualTo("RUNNING");
        String rebuild = started.getString("[0].subject");
        assertThat(rebuild).startsWith("rebuild_");

        JsonPath ended = trail("actor", "system");
        List<String> subjects = ended.getList("subject");
        int index = subjects.indexOf(rebuild);
        assertThat(index).as("the platform's end of rebuild " + rebuild).isNotNegative();
        assertThat(ended.getString("[" + index + "].action")).isEqualTo("rebuilt");
        assertThat(ended.getString("[" + index + "].before.state")).isEqualTo("RUNNING");
        assertThat(ended.getString("[" + index + "].after.state")).isEqualTo("DONE");
    }

    @Test
    void only_an_admin_rebuilds() {
        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .post("/api/v1/admin/rebuild")
                .then()
                .statusCode(403);
    }

    private static JsonPath trail(String filter, String value) {
        return given().auth()
                .oauth2(Tokens.role("admin"))
                .queryParam("kind", "read-model-rebuild")
                .queryParam(filter, value)
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
