package org.assistance.chassis;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;
import org.assistance.testsupport.Tokens;

/** Drives the fixture application the way a service's clients would. */
final class Fixtures {
    private Fixtures() {}

    static UUID submit(String title) {
        return submit(title, 1, UUID.randomUUID());
    }

    static UUID submit(String title, int events, UUID id) {
        String created = given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\"}")
                .queryParam("events", events)
                .queryParam("id", id)
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        return UUID.fromString(created);
    }
}
