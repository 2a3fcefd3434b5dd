package org.assistance.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import jakarta.enterprise.inject.spi.CDI;
import java.net.URI;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The contract walk ({@link ContractWalk}) as a test: a service's {@code @QuarkusTest} class
 * extends it and walks that service's own OpenAPI document against its own database.
 */
public abstract class OperationsWalk {

    @Test
    void no_operation_answers_5xx_to_values_at_or_past_its_bounds_and_refused_values_write_nothing() throws Exception {
        // looked up rather than injected: this class lives outside the service's bean archive
        URI root = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/");
        DataSource database = CDI.current().select(DataSource.class).get();
        assertThat(ContractWalk.of(root, database).run()).isEmpty();
    }
}
