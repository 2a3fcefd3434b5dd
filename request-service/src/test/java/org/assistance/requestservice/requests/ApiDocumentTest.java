package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiDocumentTest {

    @Test
    void the_openapi_document_shows_every_operation_the_error_schema_and_the_security_scheme() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
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

    @Test
    void the_contract_states_the_bounds_the_service_enforces_and_each_operation_its_own_errors() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.schemas.RequestDraft.properties.title.maxLength", equalTo(200))
                .body("components.schemas.RequestDraft.properties.assistanceTypes.maxItems", equalTo(6))
                .body("components.schemas.RequestDraft.properties.equipmentLines.maxItems", equalTo(100))
                .body("components.schemas.EquipmentLine.properties.quantity.maximum", equalTo(10_000))
                .body("components.schemas.AssistanceRequest.properties.needsStatement.maxLength", equalTo(10_000))
                .body("components.schemas.AssistanceRequest.properties.version.minimum", equalTo(0))
                .body("components.schemas.RequestPage.properties.items.maxItems", equalTo(100))
                .body("components.schemas.StatusChange.properties.actor.maxLength", equalTo(200))
                .body("components.schemas.Deliverable.properties.reason.maxLength", equalTo(2_000))
                .body("components.schemas.ReceiptLine.properties.rejectionReason.maxLength", equalTo(1_000))
                .body(
                        "paths.'/api/v1/requests'.get.parameters.find { it.name == 'cursor' }.schema.maxLength",
                        equalTo(200))
                .body("paths.'/api/v1/requests/{id}/receipts'.post.responses.'201'.description", notNullValue())
                .body("paths.'/api/v1/requests/{id}/receipts'.post.responses.'404'", notNullValue())
                .body("paths.'/api/v1/requests/{id}/receipts'.post.responses.'409'", notNullValue())
                .body(
                        "paths.'/api/v1/requests/{id}'.patch.responses.keySet()",
                        hasItems("404", "409", "412", "422", "428"))
                .body(
                        "paths.'/api/v1/requests/{id}'.patch.requestBody.content.'application/merge-patch+json'.schema.'$ref'",
                        containsString("RequestAmendment"))
                .body("paths.'/api/v1/requests/{id}/withdrawal'.post.responses.keySet()", hasItems("404", "409"))
                .body("paths.'/api/v1/requests/{id}/history'.get.responses.'404'", notNullValue());
    }

    @Test
    void the_contract_shows_the_language_of_a_request_its_translations_and_the_vocabulary() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.schemas.RequestDraft.properties.language.maxLength", equalTo(2))
                .body("components.schemas.RequestDraft.properties.language.examples", notNullValue())
                .body("components.schemas.RequestDraft.properties.translations.maxItems", equalTo(10))
                .body("components.schemas.RequestTranslation.properties.title.maxLength", equalTo(200))
                .body("components.schemas.RequestTranslation.properties.needsStatement.maxLength", equalTo(10_000))
                .body("components.schemas.RequestAmendment.properties.translations.maxItems", equalTo(10))
                .body("components.schemas.AssistanceRequest.properties.translations.maxItems", equalTo(10))
                .body("paths.'/api/v1/vocabulary'.get.responses.keySet()", hasItems("200", "401", "403"))
                .body("components.schemas.Vocabulary.properties.thematicAreas.maxItems", equalTo(100))
                .body("components.schemas.VocabularyTerm.properties.name.maxLength", equalTo(200));
    }
}
