package org.assistance.requestservice.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/**
 * A request written by the service is still there after the service stopped and started again
 * (nothing recreates the schema at start). Runs on its own: it starts the service twice itself.
 */
@QuarkusMainTest
class RequestSurvivesRestartTest {

    @Test
    void a_request_written_before_a_restart_is_read_after_it(QuarkusMainLauncher service) {
        LaunchResult firstLife = service.launch("write");
        assertThat(firstLife.exitCode()).as(firstLife.getErrorOutput()).isZero();
        String id = lineAfter(firstLife, RestartingService.WRITTEN);

        LaunchResult secondLife = service.launch("read", id);
        assertThat(secondLife.exitCode()).as(secondLife.getErrorOutput()).isZero();
        assertThat(lineAfter(secondLife, RestartingService.READ)).isEqualTo(RestartingService.TITLE);
    }

    private static String lineAfter(LaunchResult result, String prefix) {
        return result.getOutputStream().stream()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting '" + prefix + "' in:\n" + result.getOutput()));
    }
}
