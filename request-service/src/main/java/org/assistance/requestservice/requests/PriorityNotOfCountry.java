package org.assistance.requestservice.requests;

import java.util.List;
import java.util.UUID;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.problems.Problem.FieldError;

/** A request names a national priority that is not one of its own country's: 422, naming priorityId. */
class PriorityNotOfCountry extends DomainRuleViolation {
    PriorityNotOfCountry(UUID priorityId, String country) {
        super(
                422,
                "priority-not-of-country",
                "Not a priority of the request's country",
                "priorityId: " + priorityId + " is not a national priority stated for " + country);
    }

    @Override
    public Problem problem() {
        return super.problem()
                .withErrors(
                        List.of(new FieldError("priorityId", "is not a national priority of the request's country")));
    }
}
