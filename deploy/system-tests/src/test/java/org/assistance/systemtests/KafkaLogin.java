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
    private KafkaLogin() {
    }

    /** Client settings that reach these brokers as the admin of the platform the launcher started there. */
    static Map<String, Object> asAdmin(String bootstrapServers) {
        Path state = List.of(Launcher.STATE, FaultPlatform.STATE).stream()
                .filter(s -> bootstrapServers.equals(read(s.resolve("kafka/kcat.conf")).getProperty("bootstrap.servers")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No platform started by the launcher has brokers at " + bootstrapServers));
        Map<String, Object> settings = new HashMap<>();
        read(state.resolve("kafka/admin.properties")).forEach((key, value) -> settings.put((String) key, value));
        settings.put("bootstrap.servers", bootstrapServers);
        return settings;
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
