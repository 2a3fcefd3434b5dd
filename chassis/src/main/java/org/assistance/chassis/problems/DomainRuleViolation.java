package org.assistance.chassis.problems;

/**
 * A domain rule said no. The domain names the problem; the chassis turns it into a
 * problem+json answer with the given status (409 for a state conflict, 422 for a rule on the
 * content, 404 for something the caller may not see).
 */
public class DomainRuleViolation extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;

    public DomainRuleViolation(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static DomainRuleViolation conflict(String detail) {
        return new DomainRuleViolation(409, "conflict", "Not possible in the current state", detail);
    }

    public static DomainRuleViolation unprocessable(String detail) {
        return new DomainRuleViolation(422, "rule-violated", "Request breaks a rule", detail);
    }

    public static DomainRuleViolation notFound(String what) {
        return new DomainRuleViolation(404, "not-found", "Not found", what + " does not exist");
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return Problem.of(status, slug, title, getMessage());
    }
}
