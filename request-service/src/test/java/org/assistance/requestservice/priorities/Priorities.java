package org.assistance.requestservice.priorities;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.testsupport.Tokens;

/** National priorities as a State's focal point would state them. */
public final class Priorities {
    private Priorities() {}

    public static Map<String, Object> body(int rank) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Capacity of the national cybercrime unit to handle digital evidence");
        body.put("thematicArea", "CYBERCRIME");
        body.put("assistanceTypes", List.of("TRAINING", "EQUIPMENT"));
        body.put("strategyReference", "National Cybercrime Strategy 2025-2029, pillar 2");
        body.put("periodFrom", "2025-01-01");
        body.put("periodTo", "2029-12-31");
        body.put("rank", rank);
        return body;
    }

    /** States a priority of the country as its focal point; returns its id. */
    public static UUID stated(String country, int rank) {
        String id = given().auth()
                .oauth2(Tokens.focalPoint(country))
                .contentType(ContentType.JSON)
                .body(body(rank))
                .when()
                .post("/api/v1/countries/" + country + "/priorities")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }
}
