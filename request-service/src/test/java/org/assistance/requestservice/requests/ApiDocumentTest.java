package org.assistance.requestservice.requests;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ApiDocumentTest {

    @Test
    void the_openapi_document_shows_every_operation_the_error_schema_and_the_security_scheme() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/requests'.post", notNullValue())
                .body("paths.'/api/v1/requests'.get", notNullValue())
                .body("paths.'/api/v1/requests/{id}'.get", notNullValue())
                .body("paths.'/api/v1/requests/{id}'.patch", notNullValue())
                .body("paths.'/api/v1/requests/{id}/withdrawal'.post", notNullValue())
                .body("paths.'/api/v1/requests/{id}/receipts'.post", notNullValue())
                .body("paths.'/api/v1/requests/{id}/history'.get", notNullValue())
                .body("paths.'/api/v1/requests/{id}/completion'.post", notNullValue())
                .body("paths.'/api/v1/requests/{id}/deliverables'.get", notNullValue())
                .body("components.schemas.RequestDeliverables.properties.outstanding", notNullValue())
                .body("components.schemas.Problem", notNullValue())
                .body("components.schemas.RequestDraft.properties.country.examples", notNullValue())
                .body("components.securitySchemes.bearer.scheme", containsString("bearer"));
    }
}
