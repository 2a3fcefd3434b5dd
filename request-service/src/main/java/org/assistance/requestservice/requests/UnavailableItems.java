package org.assistance.requestservice.requests;

import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.Problem;

import java.util.List;

/** Lines naming items the catalogue does not offer: 422, naming each line like a field error. */
class UnavailableItems extends DomainRuleViolation {
    private final List<Problem.FieldError> lines;

    UnavailableItems(List<Problem.FieldError> lines) {
        super(422, "item-unavailable", "Item not available",
                lines.size() == 1 ? lines.get(0).field() + ": " + lines.get(0).message()
                        : lines.size() + " equipment lines name items that cannot be supplied");
        this.lines = List.copyOf(lines);
    }

    @Override
    public Problem problem() {
        return super.problem().withErrors(lines);
    }
}
