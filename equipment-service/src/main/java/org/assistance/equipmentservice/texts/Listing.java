package org.assistance.equipmentservice.texts;

import java.util.List;
import org.assistance.chassis.texts.Text;

/**
 * Several things named in one answer, as words not yet in a language: each part (a {@link Text}
 * or a code) joined by the separator of the language the answer is put into (a semicolon, a
 * comma, the Chinese 、 or ；), and a long list cut short with how many more there are.
 */
public final class Listing {
    private Listing() {}

    /** The parts joined by semicolons ("a; b; c"). */
    public static Text semicolons(List<?> parts) {
        return joined(parts, "equipment.list.semicolon");
    }

    /** The parts joined by commas ("a, b, c"). */
    public static Text commas(List<?> parts) {
        return joined(parts, "equipment.list.comma");
    }

    /** At most {@code max} of the parts, joined by commas, then how many more ("a, b and 3 more"). */
    public static Text abbreviated(List<?> parts, int max) {
        return parts.size() <= max
                ? commas(parts)
                : Text.of(
                        "equipment.list.and-more", "list", commas(parts.subList(0, max)), "count", parts.size() - max);
    }

    private static Text joined(List<?> parts, String separator) {
        if (parts.isEmpty()) {
            return Text.of("text.verbatim", "text", "");
        }
        Text list = word(parts.get(0));
        for (Object part : parts.subList(1, parts.size())) {
            list = Text.of(separator, "first", list, "second", part);
        }
        return list;
    }

    private static Text word(Object part) {
        return part instanceof Text text ? text : Text.of("text.verbatim", "text", String.valueOf(part));
    }
}
