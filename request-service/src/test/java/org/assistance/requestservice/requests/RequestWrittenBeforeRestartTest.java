package org.assistance.requestservice.requests;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

/**
 * First half of "a row written survives a restart": writes a request through the API. Quarkus
 * runs tests without a profile before those with one, so {@link RequestSurvivesRestartTest}
 * runs after this one, in a restarted application.
 */
@QuarkusTest
class RequestWrittenBeforeRestartTest {
    static final String WRITTEN = "assistance.test.request-written-before-restart";

    @Test
    void an_agency_submits_a_request() {
        UUID id = Drafts.submit("agency-restart", Drafts.trainingAndEquipment());
        System.setProperty(WRITTEN, id.toString());
    }
}
