package org.assistance.chassis.problems;

import java.util.Locale;
import org.assistance.chassis.texts.Text;

/**
 * A domain rule said no. The domain names the problem and says why in words not yet in a language
 * ({@link Text}); the chassis turns it into a problem+json answer in the caller's language with
 * the given status (409 for a state conflict, 422 for a rule on the content, 404 for something the
 * caller may not see). The title is the text {@code problem.<slug>.title}.
 */
public class DomainRuleViolation extends RuntimeException {
    private final int status;
    private final String slug;
    private final Text detail;

    public DomainRuleViolation(int status, String slug, Text detail) {
        super(detail.english());
        this.status = status;
        this.slug = slug;
        this.detail = detail;
    }

    /** 409: not possible in the current state. */
    public static DomainRuleViolation conflict(Text detail) {
        return new DomainRuleViolation(409, "conflict", detail);
    }

    /** 422: the content breaks a rule. */
    public static DomainRuleViolation unprocessable(Text detail) {
        return new DomainRuleViolation(422, "rule-violated", detail);
    }

    /** 404: does not exist, or not for this caller; the detail names what ("Request {id} does not exist"). */
    public static DomainRuleViolation notFound(Text detail) {
        return new DomainRuleViolation(404, "not-found", detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    /** The detail as words, for a caller that puts it into a language of its own. */
    public Text detail() {
        return detail;
    }

    /** The problem in English. */
    public Problem problem() {
        return problem(null);
    }

    /** The problem in the caller's language. */
    public Problem problem(Locale language) {
        return Problem.of(language, status, slug, detail);
    }
}
