package org.assistance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's six dictionaries (i18n/&lt;lang&gt;.js) hold the same keys with the same named
 * placeholders, every key the page and its scripts use is in them, and a translation into
 * Arabic, Chinese or Russian is written in that language's script (no English left behind).
 */
class DashboardDictionariesTest {
    private static final Path PAGE = Path.of("src/main/resources/META-INF/resources");
    private static final List<String> TRANSLATIONS = List.of("ar", "zh", "fr", "ru", "es");
    private static final Pattern ENTRY = Pattern.compile("^\\s*'([^']+)':\\s*'((?:[^'\\\\]|\\\\.)*)',?\\s*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\w+}");
    /** The scripts the three non-Latin languages are written in. */
    private static final Map<String, Pattern> SCRIPTS = Map.of(
            "ar", Pattern.compile("\\p{IsArabic}"),
            "zh", Pattern.compile("\\p{IsHan}"),
            "ru", Pattern.compile("\\p{IsCyrillic}"));
    /** Words that stay as they are in every language. */
    private static final Set<String> SAME_EVERYWHERE = Set.of("footer.api");

    @Test
    void every_language_has_the_english_keys_and_placeholders() throws IOException {
        Map<String, String> english = dictionary("en");
        assertThat(english).hasSizeGreaterThan(150);
        for (String language : TRANSLATIONS) {
            Map<String, String> words = dictionary(language);
            assertThat(words.keySet()).as("keys of %s", language).isEqualTo(english.keySet());
            english.forEach((key, text) -> {
                assertThat(placeholders(words.get(key)))
                        .as("placeholders of %s in %s", key, language)
                        .isEqualTo(placeholders(text));
                assertThat(words.get(key)).as("%s in %s", key, language).isNotBlank();
            });
        }
    }

    @Test
    void arabic_chinese_and_russian_are_written_in_their_own_script() throws IOException {
        SCRIPTS.forEach((language, script) -> {
            try {
                List<String> untranslated = dictionary(language).entrySet().stream()
                        .filter(e -> !SAME_EVERYWHERE.contains(e.getKey()))
                        .filter(e -> !script.matcher(e.getValue()).find())
                        .map(Map.Entry::getKey)
                        .toList();
                assertThat(untranslated)
                        .as("words of %s not in its script", language)
                        .isEmpty();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void every_key_the_page_and_its_scripts_use_is_in_the_dictionaries() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher inPage = Pattern.compile("data-i18n(?:-\\w+)?=\"([^\"]+)\"")
                .matcher(Files.readString(PAGE.resolve("index.html")));
        while (inPage.find()) {
            used.add(inPage.group(1));
        }
        for (String script : List.of("dashboard.js", "results.js", "end-use.js", "panels.js")) {
            Matcher inScript = Pattern.compile("\\bt\\('([\\w.-]+)'").matcher(Files.readString(PAGE.resolve(script)));
            while (inScript.find()) {
                // t('funds.' + kind): a prefix, its keys named in full elsewhere
                if (!inScript.group(1).endsWith(".")) {
                    used.add(inScript.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used).isSubsetOf(dictionary("en").keySet());
    }

    private static Map<String, String> dictionary(String language) throws IOException {
        Map<String, String> words = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(PAGE.resolve("i18n/" + language + ".js"))) {
            lines.map(ENTRY::matcher).filter(Matcher::matches).forEach(m -> {
                assertThat(words.put(m.group(1), m.group(2)))
                        .as("%s twice in %s", m.group(1), language)
                        .isNull();
            });
        }
        return words;
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(r -> r.group()).collect(Collectors.toCollection(TreeSet::new));
    }
}
