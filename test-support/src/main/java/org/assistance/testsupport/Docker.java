package org.assistance.testsupport;

import org.testcontainers.DockerClientFactory;

/**
 * Decides once per test JVM whether a Docker engine is there. Testcontainers answers in well
 * under a second when none is, so asking never hangs. {@code -Dassistance.test.docker=false}
 * forces the path without Docker even where an engine exists.
 */
public final class Docker {
    private static Boolean available;

    private Docker() {}

    public static synchronized boolean available() {
        if (available == null) {
            String forced = System.getProperty("assistance.test.docker");
            if (forced != null) {
                available = Boolean.parseBoolean(forced) && engineAnswers();
            } else {
                available = engineAnswers();
            }
        }
        return available;
    }

    private static boolean engineAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
