package org.assistance.requestservice.requests;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.problems.Problem.FieldError;
import org.assistance.chassis.texts.Text;

/** A request names a national priority that is not one of its own country's: 422, naming priorityId. */
class PriorityNotOfCountry extends DomainRuleViolation {
    PriorityNotOfCountry(UUID priorityId, String country) {
        super(
                422,
                "priority-not-of-country",
                Text.of("request.priority-not-of-country", "priority", priorityId.toString(), "country", country));
    }

    @Override
    public Problem problem(Locale language) {
        return super.problem(language)
                .withErrors(List.of(new FieldError(
                        "priorityId",
                        Text.of("request.priority-not-of-country.field").in(language))));
    }
}
