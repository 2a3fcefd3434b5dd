package org.assistance.systemtests;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The launcher's brokers ask for a login (SASL_PLAINTEXT, SCRAM-SHA-512): the tests read and
 * inspect them as the platform's admin, with the credentials `up` made up in the state folder
 * (kafka/admin.properties; kafka/kcat.conf names the brokers they belong to).
 */
final class KafkaLogin {
    private KafkaLogin() {}

    /** Client settings that reach these brokers as the admin of the platform the launcher started there. */
    static Map<String, Object> asAdmin(String bootstrapServers) {
        // both folders name the same brokers (the same port offset); the one whose processes run is the platform up
        // now, the other's credentials are a stopped platform's, which these brokers refuse
        Path state = List.of(Launcher.STATE, FaultPlatform.STATE).stream()
                .filter(s -> bootstrapServers.equals(
                        read(s.resolve("kafka/kcat.conf")).getProperty("bootstrap.servers")))
                .sorted(java.util.Comparator.comparing(s -> !running(s)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No platform started by the launcher has brokers at " + bootstrapServers));
        Map<String, Object> settings = new HashMap<>();
        read(state.resolve("kafka/admin.properties")).forEach((key, value) -> settings.put((String) key, value));
        settings.put("bootstrap.servers", bootstrapServers);
        return settings;
    }

    /** Whether a process the launcher started from this state folder still runs (its pids/*.pid). */
    private static boolean running(Path state) {
        Path pids = state.resolve("pids");
        if (!Files.isDirectory(pids)) {
            return false;
        }
        try (java.util.stream.Stream<Path> files = Files.list(pids)) {
            return files.filter(f -> f.toString().endsWith(".pid")).anyMatch(f -> {
                try {
                    return ProcessHandle.of(Long.parseLong(Files.readString(f).trim()))
                            .map(ProcessHandle::isAlive)
                            .orElse(false);
                } catch (IOException | NumberFormatException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return properties;
    }
}
