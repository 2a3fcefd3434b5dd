package org.assistance.chassis.catalogue;

import java.util.List;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.problems.Problem.FieldError;

/**
 * Lines naming items the catalogue does not offer (unknown or withdrawn): 422, naming each line
 * like a field error, so that such a line is refused where it is written, never dead-lettered later.
 */
public class ItemsUnavailable extends DomainRuleViolation {
    private final List<FieldError> lines;

    public ItemsUnavailable(List<FieldError> lines) {
        super(
                422,
                "item-unavailable",
                "Item not available",
                lines.size() == 1
                        ? lines.get(0).field() + ": " + lines.get(0).message()
                        : lines.size() + " equipment lines name items that cannot be supplied");
        this.lines = List.copyOf(lines);
    }

    /** Refuses when any line names an unavailable item. */
    public static void refuseAny(List<FieldError> lines) {
        if (!lines.isEmpty()) {
            throw new ItemsUnavailable(lines);
        }
    }

    @Override
    public Problem problem() {
        return super.problem().withErrors(lines);
    }
}
