package org.assistance.deploy.manifests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * One of the four services as its own application.properties describes it: the port it listens
 * on, its management port (health and metrics only), its database, the topics it consumes and where its image is pushed. The manifests are
 * checked against these, not against a second copy of them.
 */
record PlatformService(
        String name,
        int httpPort,
        int managementPort,
        String database,
        Set<String> consumedTopics,
        String imageRegistry,
        String imageGroup) {

    static final List<String> NAMES =
            List.of("request-service", "program-service", "equipment-service", "reporting-service");

    static List<PlatformService> all() {
        return NAMES.stream().map(PlatformService::read).toList();
    }

    static PlatformService read(String name) {
        Path file = applicationProperties(name);
        // the chassis' shared defaults (the container image's registry and group live there), the service's own over
        // them
        Properties properties = new Properties();
        for (Path source :
                List.of(Repository.file("chassis/src/main/resources/META-INF/microprofile-config.properties"), file)) {
            try (Reader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String jdbcUrl = required(properties, file, "quarkus.datasource.jdbc.url")
                .replace("${assistance.database.name}", properties.getProperty("assistance.database.name", ""));
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        Set<String> consumed = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                consumed.add(properties.getProperty(key).trim());
            }
        }
        return new PlatformService(
                name,
                Integer.parseInt(required(properties, file, "quarkus.http.port")),
                Integer.parseInt(required(properties, file, "quarkus.management.port")),
                database,
                consumed,
                required(properties, file, "quarkus.container-image.registry"),
                required(properties, file, "quarkus.container-image.group"));
    }

    static Path applicationProperties(String name) {
        return Repository.file(name + "/src/main/resources/application.properties");
    }

    /** The image the build pushes, e.g. ghcr.io/assistance-platform/request-service:1.0.0-SNAPSHOT. */
    String image() {
        return imageRegistry + "/" + imageGroup + "/" + name + ":" + Repository.version();
    }

    private static String required(Properties properties, Path file, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new AssertionError(file + " has no " + key);
        }
        return value.trim();
    }
}
