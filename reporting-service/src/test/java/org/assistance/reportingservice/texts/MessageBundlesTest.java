package org.assistance.reportingservice.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.assistance.testsupport.MessageBundles;
import org.junit.jupiter.api.Test;

/** Every text of the service in the six languages, and no key the code names without a text. */
class MessageBundlesTest {
    @Test
    void every_text_is_in_the_six_languages_with_the_same_placeholders() {
        assertThat(MessageBundles.incomplete("texts/messages")).isEmpty();
    }

    @Test
    void every_key_the_code_names_has_a_text() {
        assertThat(MessageBundles.unknownKeys(Path.of("src/main/java"))).isEmpty();
    }
}
