package org.assistance.chassis.catalogue;

import java.util.List;
import java.util.Locale;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.problems.Problem.FieldError;
import org.assistance.chassis.texts.Text;

/**
 * Lines naming items the catalogue does not offer (unknown or withdrawn): 422, naming each line
 * like a field error, so that such a line is refused where it is written, never dead-lettered later.
 */
public class ItemsUnavailable extends DomainRuleViolation {
    private final List<InvalidInput.Field> lines;

    public ItemsUnavailable(List<InvalidInput.Field> lines) {
        super(
                422,
                "item-unavailable",
                lines.size() == 1
                        ? Text.of(
                                "text.field",
                                "field",
                                lines.get(0).field(),
                                "message",
                                lines.get(0).message())
                        : Text.of("catalogue.items-unavailable", "count", lines.size()));
        this.lines = List.copyOf(lines);
    }

    /** Refuses when any line names an unavailable item. */
    public static void refuseAny(List<InvalidInput.Field> lines) {
        if (!lines.isEmpty()) {
            throw new ItemsUnavailable(lines);
        }
    }

    @Override
    public Problem problem(Locale language) {
        return super.problem(language)
                .withErrors(lines.stream()
                        .map(line -> new FieldError(line.field(), line.message().in(language)))
                        .toList());
    }
}
