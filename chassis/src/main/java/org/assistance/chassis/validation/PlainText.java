package org.assistance.chassis.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.assistance.chassis.texts.Text;

/**
 * Every text a client sends is a JSON string of plain text: a number or boolean in its place is
 * refused rather than turned into text, and control characters other than tab, line feed and
 * carriage return are refused where the JSON is read, naming the field (400). A title with
 * U+0001 would otherwise reach the donors' XML feed, which XML forbids, and break it for all.
 */
@Singleton
public class PlainText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("plain-text").addDeserializer(String.class, new Reader()));
    }

    /** The first character a text may not hold, or -1: C0 controls but tab and line breaks, DEL, C1 controls, non-characters and lone surrogates. */
    public static int forbiddenAt(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
            boolean nonCharacter = c == '\uFFFE' || c == '\uFFFF';
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (control || nonCharacter || loneSurrogate) {
                return i;
            }
        }
        return -1;
    }

    /** Thrown where a text holds a forbidden character; the problem mappers name the field. */
    public static final class Refused extends InvalidFormatException {
        private final String character;
        private final int position;

        Refused(JsonParser parser, String value, int at) {
            super(
                    parser,
                    "contains a control character (U+%04X at position %d); only printable text, tabs and line breaks are accepted"
                            .formatted((int) value.charAt(at), at + 1),
                    value,
                    String.class);
            this.character = "U+%04X".formatted((int) value.charAt(at));
            this.position = at + 1;
        }

        /** Why, in words for the caller's language (the exception's message is English). */
        public Text reason() {
            return Text.of("json.control-character", "character", character, "position", position);
        }
    }

    static final class Reader extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != null
                    && parser.currentToken().isScalarValue()
                    && parser.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                // a number or a boolean where the contract says text is a client's mistake, not a text
                throw com.fasterxml.jackson.databind.exc.MismatchedInputException.from(
                        parser, String.class, "must be a JSON string, not " + parser.getText());
            }
            String value = super.deserialize(parser, context);
            int at = value == null ? -1 : forbiddenAt(value);
            if (at >= 0) {
                throw new Refused(parser, value, at);
            }
            return value;
        }
    }
}
