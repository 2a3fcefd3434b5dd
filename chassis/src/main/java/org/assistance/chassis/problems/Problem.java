package org.assistance.chassis.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Text;
import org.assistance.chassis.texts.Texts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error answer of the platform. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(example = "https://assistance.example/problems/validation", maxLength = 200, format = "uri")
        URI type,

        @Schema(example = "Invalid request", maxLength = 200)
        String title,

        @Schema(example = "400", minimum = "100", maximum = "599")
        int status,

        @Schema(example = "2 fields are invalid", maxLength = 2000)
        String detail,

        @Schema(example = "/api/v1/requests", maxLength = 2048)
        String instance,

        @Schema(description = "One entry per invalid field", maxItems = 200)
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The contract bounds every text: an echoed path or value never makes an answer unbounded. */
    public Problem {
        title = cut(title, 200);
        detail = cut(detail, 2000);
        instance = cut(instance, 2048);
        errors = errors == null ? List.of() : errors.size() > 200 ? List.copyOf(errors.subList(0, 200)) : errors;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public static final String TYPE_BASE = "https://assistance.example/problems/";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "country", maxLength = 500) String field,

            @Schema(example = "must be an ISO 3166-1 alpha-2 code", maxLength = 1000)
            String message) {
        public FieldError {
            field = cut(field, 500);
            message = cut(message, 1000);
        }
    }

    /**
     * A problem in the caller's language: the title is the text {@code problem.<slug>.title}, the
     * detail the given text. English where the language is null or not one of the six.
     */
    public static Problem of(Locale language, int status, String slug, Text detail) {
        return new Problem(
                URI.create(TYPE_BASE + slug), title(language, slug), status, detail.in(language), null, List.of());
    }

    /** The title of a kind of problem in the language ({@code problem.<slug>.title}), else the slug's words. */
    public static String title(Locale language, String slug) {
        String title = Texts.pattern(language == null ? Languages.ENGLISH : language, "problem." + slug + ".title");
        return title != null ? title : slug.replace('-', ' ');
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }
}
