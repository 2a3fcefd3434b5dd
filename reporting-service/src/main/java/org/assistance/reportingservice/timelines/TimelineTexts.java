package org.assistance.reportingservice.timelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Text;
import org.assistance.chassis.texts.Texts;

/**
 * A timeline line as it is stored (JSON, {@code timeline_entries.summary_text}) and put into a
 * reader's language when read. Besides the values a {@link Text} takes (words, numbers, nested
 * texts), a line holds the name of a code ({@link Name}: a thematic area, a barrier's basis,
 * named in the reader's language) and lists ({@link Joined}).
 *
 * <p>Stored: a text is {@code {"k": key, "a": {name: value}}}, a name {@code {"n": vocabulary,
 * "c": code, "f": fallback}}, a list {@code {"j": separator key, "i": [values]}}; words, numbers
 * and null as themselves. Reading one back costs a parse of a few hundred bytes: no database.
 */
public final class TimelineTexts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TimelineTexts() {}

    /**
     * The name of {@code code} in {@code vocabulary} ("thematic-area": the chassis' names), read
     * as {@code fallback} where no bundle names it.
     */
    public record Name(String vocabulary, String code, String fallback) {}

    /** Values read one after the other, with the text {@code separator} (a key) between them. */
    public record Joined(String separator, List<Object> items) {}

    /** A code of one of the platform's vocabularies; one without a name reads as its words. */
    static Object name(String vocabulary, String code) {
        return code == null ? null : new Name(vocabulary, code, code.replace('_', ' '));
    }

    static Object name(String vocabulary, String code, String fallback) {
        return code == null ? null : new Name(vocabulary, code, fallback);
    }

    /** The line in the language (English where it is none of the six). */
    public static String render(Object value, Locale language) {
        Locale locale = language == null ? Languages.ENGLISH : language;
        if (value instanceof Text text) {
            Map<String, Object> args = new LinkedHashMap<>();
            text.args()
                    .forEach((name, v) -> args.put(
                            name,
                            v instanceof Text || v instanceof Name || v instanceof Joined ? render(v, locale) : v));
            return Texts.format(locale, text.key(), args);
        } else if (value instanceof Name name) {
            String pattern = Texts.pattern(locale, name.vocabulary() + "." + name.code());
            return pattern != null ? pattern : name.fallback();
        } else if (value instanceof Joined joined) {
            String separator = Texts.format(locale, joined.separator(), Map.of());
            StringBuilder line = new StringBuilder();
            for (Object item : joined.items()) {
                if (!line.isEmpty()) {
                    line.append(separator);
                }
                line.append(render(item, locale));
            }
            return line.toString();
        }
        return String.valueOf(value);
    }

    /**
     * A stored line ({@code summaryText}) in the reader's language; its stored English ({@code english})
     * where there are no words (a line written before they were kept) or they cannot be read.
     */
    public static String readIn(String summaryText, String english, Locale language) {
        if (summaryText == null) {
            return english;
        }
        try {
            return render(fromJson(summaryText), language);
        } catch (IllegalArgumentException unreadable) {
            return english;
        }
    }

    /** The line as stored. */
    public static String json(Text line) {
        if (line == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(node(line));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A stored line read back; null for none. */
    public static Text fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return (Text) value(JSON.readTree(json));
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("not a stored timeline line: " + e.getMessage(), e);
        }
    }

    private static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof Text text) {
            ObjectNode node = NODES.objectNode().put("k", text.key());
            if (!text.args().isEmpty()) {
                ObjectNode args = node.putObject("a");
                text.args().forEach((name, v) -> args.set(name, node(v)));
            }
            return node;
        } else if (value instanceof Name name) {
            return NODES.objectNode()
                    .put("n", name.vocabulary())
                    .put("c", name.code())
                    .put("f", name.fallback());
        } else if (value instanceof Joined joined) {
            ObjectNode node = NODES.objectNode().put("j", joined.separator());
            ArrayNode items = node.putArray("i");
            joined.items().forEach(item -> items.add(node(item)));
            return node;
        } else if (value instanceof Integer number) {
            return NODES.numberNode(number);
        } else if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        return NODES.textNode(String.valueOf(value));
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        } else if (node.isObject() && node.has("k")) {
            Map<String, Object> args = new LinkedHashMap<>();
            JsonNode given = node.get("a");
            if (given != null) {
                Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    args.put(field.getKey(), value(field.getValue()));
                }
            }
            return new Text(node.get("k").asText(), args);
        } else if (node.isObject() && node.has("n")) {
            return new Name(
                    node.get("n").asText(),
                    node.get("c").asText(),
                    node.path("f").asText(null));
        } else if (node.isObject() && node.has("j")) {
            List<Object> items = new ArrayList<>();
            node.path("i").forEach(item -> items.add(value(item)));
            return new Joined(node.get("j").asText(), items);
        } else if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        return node.asText();
    }
}
