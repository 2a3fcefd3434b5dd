package org.assistance.equipmentservice.audit;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.Tokens;

/** The audit trail as an admin reads it through the API, and the staff whose changes it shows. */
final class Trail {
    /** An admin who only reads: reading the trail is no change, so this subject is never in it. */
    static final String AUDITOR = Tokens.person("audrey.auditor", "admin");

    private Trail() {}

    /** A member of staff of this role, under a subject no other test uses (so their entries are theirs alone). */
    record Staff(String subject, String token) {}

    static Staff staff(String name, String role) {
        String subject = Logistics.unique(name);
        return new Staff(subject, Tokens.person(subject, role));
    }

    /** The actor's entries of a kind, newest first. */
    static JsonPath of(Staff actor, String kind) {
        return given().auth()
                .oauth2(AUDITOR)
                .queryParam("actor", actor.subject())
                .queryParam("kind", kind)
                .queryParam("limit", 1000)
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
    }

    static Response post(Staff actor, String path, Object body) {
        return given().auth()
                .oauth2(actor.token())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path);
    }

    static Response put(Staff actor, String path, Object body) {
        return given().auth()
                .oauth2(actor.token())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(path);
    }

    static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }
}
