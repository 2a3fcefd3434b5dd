package org.assistance.requestservice.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.assistance.testsupport.MessageBundles;
import org.junit.jupiter.api.Test;

/** Every text of request-service is there in the six languages, and every key the code names exists. */
class MessageBundlesTest {

    @Test
    void every_language_has_every_text_with_the_same_placeholders() {
        assertThat(MessageBundles.incomplete(MessageBundles.SERVICE_BUNDLE)).isEmpty();
    }

    @Test
    void every_key_the_code_names_has_a_text() {
        assertThat(MessageBundles.unknownKeys(Path.of("src/main/java"))).isEmpty();
    }
}
