package org.assistance.chassis.problems;

import java.util.List;

/**
 * Input that breaks a rule spanning several fields (checked by the domain, not by a single
 * annotation); answered as 400 with the same field errors as bean validation.
 */
public class InvalidInput extends RuntimeException {
    private final List<Problem.FieldError> errors;

    public InvalidInput(List<Problem.FieldError> errors) {
        super(
                errors.size() == 1
                        ? errors.get(0).field() + " " + errors.get(0).message()
                        : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput field(String field, String message) {
        return new InvalidInput(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
