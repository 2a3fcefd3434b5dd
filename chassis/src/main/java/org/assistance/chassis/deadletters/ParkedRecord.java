package org.assistance.chassis.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dead letter with the record itself: key, headers and value, as they were read. */
@Schema(name = "DeadLetterRecord", description = "A dead letter and the Kafka record it holds, unchanged")
public record ParkedRecord(
        @Schema(description = "The dead letter") DeadLetter letter,

        @Schema(description = "The record's key (the aggregate id)", maxLength = 500)
        String key,

        @Schema(description = "The record's headers, in order (values as UTF-8 text)", maxItems = 100)
        List<RecordHeader> recordHeaders,

        @Schema(description = "The record's value as UTF-8 text; absent when it is not text", maxLength = 10_000_000)
        String value,

        @Schema(description = "The record's value, base64", maxLength = 14_000_000)
        String valueBase64) {

    @Schema(name = "DeadLetterRecordHeader")
    public record RecordHeader(
            @Schema(maxLength = 200) String name,

            @Schema(description = "UTF-8 text", maxLength = 4000)
            String value) {}

    /** The value as text if it is valid UTF-8 (a CloudEvent's JSON data is), else null. */
    static String text(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
