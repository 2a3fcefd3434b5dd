package org.assistance.requestservice.requests;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Second half: the application was restarted (another profile) and the row is still there. */
@QuarkusTest
@TestProfile(RequestSurvivesRestartTest.Restarted.class)
class RequestSurvivesRestartTest {
    public static class Restarted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("assistance.test.restarted", "true");
        }
    }

    @Test
    void the_request_written_before_the_restart_is_still_there() {
        String id = System.getProperty(RequestWrittenBeforeRestartTest.WRITTEN);
        assertThat(id).as("RequestWrittenBeforeRestartTest must run first, in the same JVM").isNotNull();
        given().auth().oauth2(Tokens.partner("agency-restart"))
                .when().get("/api/v1/requests/" + id)
                .then().statusCode(200).body("title", equalTo("Digital forensics capacity for the cybercrime unit"));
    }
}
