package org.assistance.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads YAML files (one or many documents) into Jackson trees; a file that does not parse fails with its name. */
final class Yaml {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {}

    /** Every non-empty document of the file, in order (a leading comment before "---" is no document). */
    static List<JsonNode> documents(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return documents(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new AssertionError(file + " does not parse as YAML: " + e.getMessage(), e);
        }
    }

    /** The documents of YAML text, such as a test's own small manifest. */
    static List<JsonNode> documents(String text) {
        return documents(new java.io.StringReader(text));
    }

    private static List<JsonNode> documents(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        // a key written twice is an error to kubectl (strict decoding), not "the last one wins"
        options.setAllowDuplicateKeys(false);
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options));
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(reader)) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    static JsonNode document(Path file) {
        List<JsonNode> documents = documents(file);
        if (documents.size() != 1) {
            throw new AssertionError(file + " should hold one YAML document, holds " + documents.size());
        }
        return documents.get(0);
    }
}
