package org.assistance.equipmentservice.contract;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.assistance.testsupport.ContractWalk;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OperationsWalkTest {
    @TestHTTPResource("/")
    URL root;
    @Inject
    AgroalDataSource database;

    @Test
    void no_operation_answers_5xx_to_values_at_or_past_its_bounds_and_refused_values_write_nothing() throws Exception {
        assertThat(ContractWalk.of(root.toURI(), database).run()).isEmpty();
    }
}
