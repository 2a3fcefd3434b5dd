package org.assistance.chassis.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.assistance.testsupport.MessageBundles;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void the_caller_gets_the_first_of_the_six_languages_it_accepts() {
        assertThat(Languages.negotiate("fr-CA,fr;q=0.9,en;q=0.8")).isEqualTo(Languages.FRENCH);
        assertThat(Languages.negotiate("de;q=1, ru;q=0.5, en;q=0.1")).isEqualTo(Languages.RUSSIAN);
        assertThat(Languages.negotiate("zh-Hant-TW")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.negotiate("ar-EG")).isEqualTo(Languages.ARABIC);
        assertThat(Languages.negotiate("es-419")).isEqualTo(Languages.SPANISH);
    }

    @Test
    void no_header_an_unknown_language_or_a_garbled_header_is_english() {
        assertThat(Languages.negotiate(null)).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.negotiate("de")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.negotiate("*")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.negotiate(";;;q=abc,,")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.negotiate("fr;q=0")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.negotiate("x".repeat(10_000))).isEqualTo(Languages.ENGLISH);
    }

    @Test
    void a_text_is_put_into_the_language_with_its_named_values() {
        Text text = Text.of("catalogue.item-withdrawn-because", "item", "CAM-1", "reason", "recalled");
        assertThat(text.english()).isEqualTo("item CAM-1 was withdrawn from the catalogue: recalled");
        assertThat(text.in(Languages.FRENCH)).isEqualTo("l'article CAM-1 a été retiré du catalogue : recalled");
        assertThat(text.in(Languages.CHINESE)).isEqualTo("物品 CAM-1 已从目录中撤下：recalled");
        // a language the platform does not speak reads English, whatever the machine's own locale
        assertThat(text.in(java.util.Locale.GERMAN)).isEqualTo(text.english());
    }

    @Test
    void a_text_nested_in_another_is_in_the_same_language() {
        Text inner = Text.of("json.wrong-type");
        Text outer = Text.of("text.field", "field", "title", "message", inner);
        assertThat(outer.in(Languages.SPANISH)).isEqualTo("title tiene un tipo o un formato incorrecto");
        assertThat(Texts.format(Languages.RUSSIAN, "problem.validation.fields", Map.of("count", 3)))
                .isEqualTo("Недопустимых полей: 3");
    }

    @Test
    void the_names_of_codes_are_in_the_language_and_an_unnamed_code_reads_as_itself() {
        assertThat(Texts.name(Languages.ARABIC, "thematic-area", "CYBERCRIME")).isEqualTo("الجريمة السيبرانية");
        assertThat(Texts.name(Languages.FRENCH, "request-status", "UNDER_REVIEW"))
                .isEqualTo("En cours d'examen");
        assertThat(Texts.name(Languages.FRENCH, "thematic-area", "TEST_AREA_42"))
                .isEqualTo("TEST AREA 42");
        assertThat(Texts.names(Languages.CHINESE, "assistance-type", java.util.List.of("TRAINING", "EQUIPMENT")))
                .isEqualTo("设备、培训");
    }

    @Test
    void every_language_has_every_text_of_the_chassis_with_the_same_placeholders() {
        assertThat(MessageBundles.incomplete(MessageBundles.CHASSIS_BUNDLE)).isEmpty();
        assertThat(MessageBundles.incomplete(MessageBundles.SERVICE_BUNDLE)).isEmpty(); // the fixture's own
        assertThat(MessageBundles.unknownKeys(Path.of("src/main/java"))).isEmpty();
        assertThat(MessageBundles.unknownKeys(Path.of("src/test/java"))).isEmpty();
    }
}
