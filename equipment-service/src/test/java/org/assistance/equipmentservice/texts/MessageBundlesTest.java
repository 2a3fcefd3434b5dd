package org.assistance.equipmentservice.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Text;
import org.assistance.testsupport.MessageBundles;
import org.junit.jupiter.api.Test;

/** equipment-service's texts are there in the six languages, and every key its code names is in a bundle. */
class MessageBundlesTest {

    @Test
    void every_language_has_every_text_with_the_same_placeholders() {
        assertThat(MessageBundles.incomplete(MessageBundles.SERVICE_BUNDLE)).isEmpty();
    }

    @Test
    void every_key_the_code_names_is_in_a_bundle() {
        assertThat(MessageBundles.unknownKeys(Path.of("src/main/java"))).isEmpty();
    }

    @Test
    void a_list_is_joined_in_the_reader_s_language_and_a_long_one_cut_short() {
        Text lines = Listing.semicolons(java.util.List.of(
                Text.of("asset.serials-short", "item", "RAD-1", "needed", 2, "got", 1),
                Text.of("asset.serials-short", "item", "CAM-1", "needed", 3, "got", 0)));
        assertThat(lines.english()).isEqualTo("RAD-1 needs 2 serials, got 1; CAM-1 needs 3 serials, got 0");
        assertThat(lines.in(Languages.CHINESE)).isEqualTo("RAD-1 需要 2 个序列号，收到 1 个；CAM-1 需要 3 个序列号，收到 0 个");
        assertThat(Listing.abbreviated(java.util.List.of("A", "B", "C"), 2).english())
                .isEqualTo("A, B and 1 more");
        assertThat(Listing.abbreviated(java.util.List.of("A", "B", "C"), 2).in(Locale.FRENCH))
                .isEqualTo("A, B et 1 de plus");
        assertThat(Listing.commas(java.util.List.of()).english()).isEmpty();
    }
}
