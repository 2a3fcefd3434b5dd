package org.assistance.chassis.problems;

import java.util.List;
import java.util.Locale;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Text;

/**
 * Input that breaks a rule spanning several fields (checked by the domain, not by a single
 * annotation); answered as 400 with the same field errors as bean validation, in the caller's
 * language.
 */
public class InvalidInput extends RuntimeException {
    /** One invalid field and what is wrong with it, in words not yet in a language. */
    public record Field(String field, Text message) {}

    private final List<Field> fields;

    private InvalidInput(List<Field> fields, String message) {
        super(message);
        this.fields = fields;
    }

    public static InvalidInput of(List<Field> fields) {
        List<Field> copy = List.copyOf(fields);
        return new InvalidInput(copy, summary(errorsOf(copy, Languages.ENGLISH)));
    }

    public static InvalidInput field(String field, Text message) {
        return of(List.of(new Field(field, message)));
    }

    /** The field errors in English. */
    public List<Problem.FieldError> errors() {
        return errors(Languages.ENGLISH);
    }

    /** The field errors in the caller's language. */
    public List<Problem.FieldError> errors(Locale language) {
        return errorsOf(fields, language);
    }

    /** The detail of the answer: the one field's error, or how many fields are invalid. */
    public String detail(Locale language) {
        List<Problem.FieldError> errors = errors(language);
        return errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message()
                : Text.of("problem.validation.fields", "count", errors.size()).in(language);
    }

    private static List<Problem.FieldError> errorsOf(List<Field> fields, Locale language) {
        return fields.stream()
                .map(f -> new Problem.FieldError(f.field(), f.message().in(language)))
                .toList();
    }

    private static String summary(List<Problem.FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields are invalid";
    }
}
