package org.assistance.programservice.activities;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * A yes/no field of a body is JSON true or false: Jackson would read 1 or "yes"-like text as a
 * boolean and record a certificate nobody stated (as the chassis' StrictBooleans does for query
 * parameters). Anything else is refused where the JSON is read, naming the field (400).
 */
public final class TrueOrFalse extends StdDeserializer<Boolean> {
    public TrueOrFalse() {
        super(Boolean.class);
    }

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        throw MismatchedInputException.from(parser, Boolean.class, "must be true or false, not " + parser.getText());
    }
}
