package org.assistance.programservice.contract;

import io.quarkus.test.junit.QuarkusTest;
import org.assistance.testsupport.OperationsWalk;

/** Every operation of program-service's OpenAPI document, walked at and past its bounds. */
@QuarkusTest
class OperationsWalkTest extends OperationsWalk {}
