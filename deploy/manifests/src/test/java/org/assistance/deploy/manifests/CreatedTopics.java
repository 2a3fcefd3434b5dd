package org.assistance.deploy.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics a shell script creates, read from its "topic key=value,key=value" lines between
 * {@code <<TOPICS} and {@code TOPICS} (deploy/compose/kafka/create-topics).
 */
final class CreatedTopics {
    private CreatedTopics() {}

    static Map<String, Map<String, String>> read(Path script) {
        List<String> lines;
        try {
            lines = Files.readAllLines(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, String>> topics = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.endsWith("<<TOPICS")) {
                inside = true;
            } else if (line.equals("TOPICS")) {
                inside = false;
            } else if (inside && !line.isBlank()) {
                String[] topicAndConfig = line.trim().split("\\s+", 2);
                Map<String, String> config = new LinkedHashMap<>();
                for (String setting : topicAndConfig.length > 1 ? topicAndConfig[1].split(",") : new String[0]) {
                    String[] pair = setting.split("=", 2);
                    config.put(pair[0], pair.length > 1 ? pair[1] : "");
                }
                if (topics.put(topicAndConfig[0], config) != null) {
                    throw new AssertionError(script + " names " + topicAndConfig[0] + " twice");
                }
            }
        }
        if (topics.isEmpty()) {
            throw new AssertionError(script + " lists no topic between <<TOPICS and TOPICS");
        }
        return topics;
    }
}
