package org.assistance.equipmentservice.contract;

import io.quarkus.test.junit.QuarkusTest;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.OperationsWalk;
import org.junit.jupiter.api.AfterEach;

/** Every operation of equipment-service's OpenAPI document, walked at and past its bounds. */
@QuarkusTest
class OperationsWalkTest extends OperationsWalk {

    /** The walk's values at the bounds may add export rules: they must not screen other classes' shipments. */
    @AfterEach
    void leaveNoRuleInForce() {
        Logistics.retireEveryRuleInForce();
    }
}
