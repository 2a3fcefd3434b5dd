package org.assistance.requestservice.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.assistance.chassis.texts.Texts;
import org.assistance.requestservice.requests.AssistanceType;
import org.assistance.requestservice.requests.Priority;
import org.assistance.requestservice.requests.RequestStatus;
import org.assistance.requestservice.requests.ThematicArea;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The codes of a request, each with its name in one language: what a client shows beside a
 * request in its reader's language instead of CYBERCRIME or UNDER_REVIEW.
 */
@Schema(name = "Vocabulary", description = "The names of a request's codes in the language of the answer")
public record Vocabulary(
        @Schema(
                example = "fr",
                minLength = 2,
                maxLength = 2,
                pattern = "^[a-z]{2}$",
                description = "The language of the names (also in Content-Language)")
        String language,

        @Schema(maxItems = MAX_TERMS) List<Term> thematicAreas,
        @Schema(maxItems = MAX_TERMS) List<Term> assistanceTypes,
        @Schema(maxItems = MAX_TERMS) List<Term> statuses,
        @Schema(maxItems = MAX_TERMS) List<Term> priorities) {

    /** More than any vocabulary of the platform has. */
    static final int MAX_TERMS = 100;

    /** One code and its name. */
    @Schema(name = "VocabularyTerm")
    public record Term(
            @Schema(
                    example = "CYBERCRIME",
                    maxLength = 100,
                    pattern = "^[A-Z_]+$",
                    description = "The code the API uses")
            String code,

            @Schema(example = "Cybercriminalité", maxLength = 200, description = "Its name in the language")
            String name) {}

    /** Every code of the four vocabularies, named in the language. */
    static Vocabulary in(Locale language) {
        return new Vocabulary(
                language.getLanguage(),
                terms(language, "thematic-area", ThematicArea.values()),
                terms(language, "assistance-type", AssistanceType.values()),
                terms(language, "request-status", RequestStatus.values()),
                terms(language, "priority", Priority.values()));
    }

    private static List<Term> terms(Locale language, String vocabulary, Enum<?>[] codes) {
        return Arrays.stream(codes)
                .map(code -> new Term(code.name(), Texts.name(language, vocabulary, code.name())))
                .toList();
    }
}
