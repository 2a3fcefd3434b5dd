package org.assistance.chassis.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;

/**
 * An opaque keyset-paging cursor: the sort key of the last item of a page, which the next page
 * starts after. Stable while new items arrive, and no offset scans.
 */
public final class Cursor {
    private Cursor() {}

    public static String encode(Object... keyParts) {
        StringBuilder joined = new StringBuilder();
        for (Object part : keyParts) {
            if (!joined.isEmpty()) {
                joined.append('|');
            }
            joined.append(part);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key parts of a cursor this API gave out; anything else is a 400 naming the cursor. */
    public static String[] decode(String cursor, int parts) {
        try {
            String[] decoded =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (decoded.length != parts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("cursor", Text.of("cursor.unknown"));
        }
    }
}
