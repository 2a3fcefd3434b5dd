package org.assistance.equipmentservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiDocumentTest {

    @Test
    void the_openapi_document_shows_the_catalogue_backorder_and_export_rule_operations() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/catalogue/{code}'.get", notNullValue())
                .body("paths.'/api/v1/catalogue/{code}'.put", notNullValue())
                .body("paths.'/api/v1/catalogue/{code}/withdrawal'.post", notNullValue())
                .body("paths.'/api/v1/backorders/{reference}/cancellation'.post", notNullValue())
                .body("paths.'/api/v1/export-rules/{id}'.put", notNullValue())
                .body("paths.'/api/v1/export-rules/{id}'.delete", notNullValue())
                .body("paths.'/api/v1/export-rules/{id}/retirement'.post", notNullValue())
                .body("paths.'/api/v1/export-rules'.get.parameters.name", hasItems("includeRetired"))
                .body("components.schemas.Backorder.properties.remaining", notNullValue())
                .body("components.schemas.BackorderStatus.enum", hasItems("OPEN", "FULFILLED", "CANCELLED"))
                .body("components.schemas.RequestPriority.enum", hasItems("LOW", "MEDIUM", "HIGH", "URGENT"))
                .body("components.schemas.ExportRule.properties.retiredBy", notNullValue())
                .body("components.schemas.CatalogueItem.properties.withdrawn", notNullValue())
                .body("components.securitySchemes.bearer.scheme", containsString("bearer"));
    }
}
