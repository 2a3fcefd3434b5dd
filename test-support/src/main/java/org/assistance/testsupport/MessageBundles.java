package org.assistance.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks of the message bundles (chassis {@code Texts}): every language has every English text,
 * with the same placeholders, and every key the code names exists. A text missing in Arabic would
 * otherwise reach an Arabic reader in English, or as its key, and no test would notice.
 */
public final class MessageBundles {
    /** The languages besides English, the base bundle. */
    public static final List<String> TRANSLATIONS = List.of("ar", "es", "fr", "ru", "zh");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");
    /** Text.of("key" / new Text("key" / message = "{key}" / .name(language, "vocabulary", ...). */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:Text\\.of\\(\\s*|new Text\\(\\s*|message\\s*=\\s*\"\\{)\"?([a-z][a-z0-9_.-]*[a-z0-9])[\"}]");

    public static final String SERVICE_BUNDLE = "texts/messages";
    public static final String CHASSIS_BUNDLE = "org/assistance/chassis/texts/chassis";

    private MessageBundles() {}

    /** Problems found in the bundle {@code base} (a classpath path without ".properties"); empty when complete. */
    public static List<String> incomplete(String base) {
        Properties english = load(base + ".properties");
        if (english == null) {
            return List.of(base + ".properties is not on the classpath");
        }
        List<String> problems = new ArrayList<>();
        for (String language : TRANSLATIONS) {
            Properties translated = load(base + "_" + language + ".properties");
            if (translated == null) {
                problems.add(base + "_" + language + ".properties is missing");
                continue;
            }
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                String text = translated.getProperty(key);
                if (text == null || text.isBlank()) {
                    problems.add(language + ": no text for " + key);
                } else if (!placeholders(text).equals(placeholders(english.getProperty(key)))) {
                    problems.add(language + ": " + key + " has placeholders " + placeholders(text) + ", English has "
                            + placeholders(english.getProperty(key)));
                }
            }
            for (String key : translated.stringPropertyNames()) {
                if (!english.containsKey(key)) {
                    problems.add(language + ": " + key + " is not an English key");
                }
            }
        }
        return problems;
    }

    /**
     * Keys the sources under {@code sourceRoot} name ({@code Text.of("key"}, {@code message = "{key}"})
     * that neither the service's bundle nor the chassis' has.
     */
    public static List<String> unknownKeys(Path sourceRoot) {
        Properties service = load(SERVICE_BUNDLE + ".properties");
        Properties chassis = load(CHASSIS_BUNDLE + ".properties");
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                // code only: a comment's example key names no text
                String code = Files.readAllLines(file).stream()
                        .filter(line -> !line.strip().startsWith("*")
                                && !line.strip().startsWith("/*")
                                && !line.strip().startsWith("//"))
                        .collect(java.util.stream.Collectors.joining("\n"));
                Matcher key = KEY_IN_CODE.matcher(code);
                while (key.find()) {
                    String name = key.group(1);
                    boolean known = (service != null && service.containsKey(name))
                            || (chassis != null && chassis.containsKey(name));
                    if (!known) {
                        unknown.add(name + " (" + file.getFileName() + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(unknown);
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Properties load(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
