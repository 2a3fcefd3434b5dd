package org.assistance.equipmentservice;

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
    void the_openapi_document_shows_the_catalogue_backorder_export_rule_impediment_and_asset_operations() {
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
                .body("components.schemas.ExportRule.properties.basis", notNullValue())
                .body("components.schemas.ExportRuleDraft.required", hasItems("basis"))
                .body(
                        "components.schemas.BarrierBasis.enum",
                        hasItems("UN_SECURITY_COUNCIL", "UNILATERAL_MEASURE", "NATIONAL_EXPORT_CONTROL", "OTHER"))
                .body("components.schemas.ScreeningHit.properties.imposedBy", notNullValue())
                .body("components.schemas.ScreeningHit.properties.instrument", notNullValue())
                .body("paths.'/api/v1/shipments/{id}/impediments'.post.responses.'201'", notNullValue())
                .body("paths.'/api/v1/shipments/{id}/impediments'.get", notNullValue())
                .body("paths.'/api/v1/shipments/{id}/impediments/{impedimentId}'.get", notNullValue())
                .body("paths.'/api/v1/shipments/{id}/impediments/{impedimentId}/resolution'.post", notNullValue())
                .body(
                        "components.schemas.ImpedimentKind.enum",
                        hasItems(
                                "CARRIER_REFUSAL",
                                "BANK_REFUSAL",
                                "SUPPLIER_REFUSAL",
                                "INSURER_REFUSAL",
                                "LICENCE_DENIED",
                                "LICENCE_DELAYED",
                                "OTHER"))
                .body("components.schemas.ImpedimentDraft.required", hasItems("kind", "party", "basis", "occurredAt"))
                .body("components.schemas.Shipment.properties.impediments.maxItems", notNullValue())
                .body(
                        "paths.'/api/v1/assets'.get.parameters.name",
                        hasItems(
                                "requestId",
                                "country",
                                "itemCode",
                                "status",
                                "monitored",
                                "overdue",
                                "limit",
                                "cursor"))
                .body("paths.'/api/v1/assets/{serial}'.get", notNullValue())
                .body("paths.'/api/v1/assets/{serial}/checks'.post.responses.'201'", notNullValue())
                .body("paths.'/api/v1/assets/{serial}/checks'.get", notNullValue())
                .body("paths.'/api/v1/assets/{serial}/checks/{checkId}'.get", notNullValue())
                .body("components.schemas.Dispatch.properties.units.maxItems", equalTo(10_000))
                .body("components.schemas.DispatchedUnit.properties.serialNumber.maxLength", equalTo(64))
                .body("components.schemas.ReceiptLine.properties.serialsAccepted", notNullValue())
                .body("components.schemas.Asset.properties.checksDue", notNullValue())
                .body("components.schemas.EndUseCheckDraft.required", hasItems("result", "checkedAt", "by"))
                .body(
                        "components.schemas.CheckResult.enum",
                        hasItems("IN_USE", "NOT_IN_USE", "NOT_FOUND", "TRANSFERRED", "DAMAGED"))
                .body(
                        "components.schemas.AssetStatus.enum",
                        hasItems("DISPATCHED", "DELIVERED", "RECEIVED", "REJECTED"))
                .body("components.securitySchemes.bearer.scheme", containsString("bearer"));
    }
}
