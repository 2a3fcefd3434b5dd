package org.assistance.reportingservice.rebuild;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import org.assistance.testsupport.Tokens;

/** An admin's rebuild, as the tests of this package start and watch it through the API. */
final class Rebuilds {
    private Rebuilds() {}

    /** An admin starts a rebuild; it is accepted. */
    static void start() {
        given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .post("/api/v1/admin/rebuild")
                .then()
                .statusCode(202);
    }

    /** Starts a rebuild and waits until it has ended; it ended done, not failed. */
    static void runToTheEnd() {
        start();
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(state()));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .get("/api/v1/admin/rebuild")
                .then()
                .body("state", equalTo("DONE"));
    }

    /** The rebuild's state as GET /admin/rebuild tells it. */
    static String state() {
        return given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .get("/api/v1/admin/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .path("state");
    }
}
