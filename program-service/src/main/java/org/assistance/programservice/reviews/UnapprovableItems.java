package org.assistance.programservice.reviews;

import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.problems.Problem.FieldError;

import java.util.List;

/**
 * An approval names items equipment-service could not ship (unknown or withdrawn in the
 * catalogue): 422, naming each line, so that an approved line never dead-letters downstream.
 */
class UnapprovableItems extends DomainRuleViolation {
    private final List<FieldError> lines;

    UnapprovableItems(List<FieldError> lines) {
        super(422, "item-not-approvable", "Item not in the catalogue",
                lines.size() == 1 ? lines.get(0).field() + ": " + lines.get(0).message()
                        : lines.size() + " equipment lines name items that cannot be approved");
        this.lines = List.copyOf(lines);
    }

    @Override
    public Problem problem() {
        return super.problem().withErrors(lines);
    }
}
