package org.assistance.chassis.texts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Words for a person, not yet in a language: a message key and its named values. The domain
 * says what went wrong ({@code Text.of("request.not-amendable", "status", status)}); the answer
 * puts it into the caller's language from the message bundles ({@link Texts}).
 *
 * <p>A value that is itself a {@code Text} is put into the same language.
 */
public record Text(String key, Map<String, Object> args) {
    public Text {
        args = args == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** {@code Text.of("shipment.not-held", "shipment", id, "status", status)}: names and values alternate. */
    public static Text of(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate: " + key);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return new Text(key, args);
    }

    /** The text in the given language (English where the language is not one of the six). */
    public String in(Locale language) {
        return Texts.format(language, key, args);
    }

    /** The text in English: for logs, exception messages and other readers that chose no language. */
    public String english() {
        return in(Languages.ENGLISH);
    }

    @Override
    public String toString() {
        return english();
    }
}
