package org.assistance.requestservice.contract;

import io.quarkus.test.junit.QuarkusTest;
import org.assistance.testsupport.OperationsWalk;

/** Every operation of request-service's OpenAPI document, walked at and past its bounds. */
@QuarkusTest
class OperationsWalkTest extends OperationsWalk {}
