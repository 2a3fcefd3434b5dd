package org.assistance.chassis.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The start path (issue 18): the API document is made when it is asked for, not serialised as JSON and
 * YAML while every service starts, and it is still the contract ContractFilter makes.
 */
@QuarkusTest
class ApiDocumentWhenAskedTest {
    @Test
    void the_api_document_is_made_when_asked_with_the_contract_filter_applied() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.smallrye-openapi.always-run-filter", Boolean.class))
                .as("the chassis default")
                .isTrue();
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("RateLimit-Policy"));
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("\"RateLimit-Policy\""));
    }
}
