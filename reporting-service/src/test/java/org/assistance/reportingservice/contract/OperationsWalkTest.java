package org.assistance.reportingservice.contract;

import io.quarkus.test.junit.QuarkusTest;
import org.assistance.testsupport.OperationsWalk;

/** Every operation of reporting-service's OpenAPI document, walked at and past its bounds. */
@QuarkusTest
class OperationsWalkTest extends OperationsWalk {}
