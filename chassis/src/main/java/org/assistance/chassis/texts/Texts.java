package org.assistance.chassis.texts;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The platform's message bundles: every text a person reads in an answer, in the six languages.
 *
 * <p>A service's own texts are in {@value #SERVICE_BUNDLE} ({@code src/main/resources/texts/messages.properties},
 * English, beside {@code messages_ar}, {@code _es}, {@code _fr}, {@code _ru} and {@code _zh}); the
 * chassis' own (shared problem titles, the names of statuses, thematic areas and assistance types)
 * in {@value #CHASSIS_BUNDLE}. A service's text wins over the chassis' of the same key.
 *
 * <p>Placeholders are named, {@code {status}}, not MessageFormat's {@code {0}}: a translator moves
 * them freely, and an apostrophe (l'agence) needs no escaping. Every bundle has every key of the
 * English one with the same placeholders (test-support's {@code MessageBundles}).
 */
public final class Texts {
    public static final String SERVICE_BUNDLE = "texts.messages";
    public static final String CHASSIS_BUNDLE = "org.assistance.chassis.texts.chassis";

    private static final Logger LOG = Logger.getLogger(Texts.class);
    /** No fallback to the JVM's default locale: a missing language falls back to English, the base bundle. */
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final Set<String> REPORTED_MISSING = ConcurrentHashMap.newKeySet();

    private Texts() {}

    /** The text of {@code key} in {@code language}, its placeholders filled; the key itself if no bundle has it. */
    public static String format(Locale language, String key, Map<String, ?> args) {
        Locale locale = language == null ? Languages.ENGLISH : language;
        String pattern = pattern(locale, key);
        if (pattern == null) {
            if (REPORTED_MISSING.add(key)) {
                LOG.warnf("No text for message key %s", key);
            }
            pattern = key;
        }
        return fill(pattern, locale, args);
    }

    /** The text of {@code key}, or null when no bundle has it. */
    public static String pattern(Locale language, String key) {
        for (String bundle : List.of(SERVICE_BUNDLE, CHASSIS_BUNDLE)) {
            ResourceBundle texts = bundle(bundle, language);
            if (texts != null && texts.containsKey(key)) {
                return texts.getString(key);
            }
        }
        return null;
    }

    /** Whether some bundle has {@code key}. */
    public static boolean has(String key) {
        return pattern(Languages.ENGLISH, key) != null;
    }

    /**
     * The name of a code of one of the platform's vocabularies in the language: {@code
     * name(fr, "thematic-area", "CYBERCRIME")} is "Cybercriminalité". A code without a name (a new
     * one, or a test's own) reads as itself, its underscores as spaces.
     */
    public static String name(Locale language, String vocabulary, String code) {
        if (code == null) {
            return null;
        }
        String pattern = pattern(language == null ? Languages.ENGLISH : language, vocabulary + "." + code);
        return pattern != null ? pattern : code.replace('_', ' ');
    }

    /** The names of several codes, joined with the language's list separator. */
    public static String names(Locale language, String vocabulary, Collection<String> codes) {
        String separator = format(language, "list.separator", Map.of());
        return codes.stream()
                .sorted()
                .map(code -> name(language, vocabulary, code))
                .collect(Collectors.joining(separator));
    }

    private static ResourceBundle bundle(String name, Locale language) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return ResourceBundle.getBundle(
                    name, language, loader == null ? Texts.class.getClassLoader() : loader, CONTROL);
        } catch (MissingResourceException none) {
            return null; // a service (or a test fixture) without texts of its own
        }
    }

    private static String fill(String pattern, Locale language, Map<String, ?> args) {
        if (args == null || args.isEmpty() || pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder text = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int end = c == '{' ? pattern.indexOf('}', i) : -1;
            if (end > i && args.containsKey(pattern.substring(i + 1, end))) {
                text.append(value(args.get(pattern.substring(i + 1, end)), language));
                i = end + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        return text.toString();
    }

    private static String value(Object value, Locale language) {
        if (value == null) {
            return "—";
        } else if (value instanceof Text text) {
            return text.in(language);
        } else if (value instanceof Enum<?> code) {
            return code.name();
        }
        // numbers as the API writes them (Latin digits, no grouping): a count beside an id, a year or
        // an amount reads the same way in every language, and a client can match it
        return String.valueOf(value);
    }
}
