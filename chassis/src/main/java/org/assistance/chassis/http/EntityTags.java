package org.assistance.chassis.http;

import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;

/** Strong ETags made of a record's optimistic-lock version, and the If-Match rules around them. */
public final class EntityTags {
    private EntityTags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; a missing header is refused (428), a garbled one is stale (412). */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainRuleViolation(
                    428, "precondition-required", Text.of("problem.precondition-required.detail"));
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    public static DomainRuleViolation stale() {
        return new DomainRuleViolation(412, "stale-version", Text.of("problem.stale-version.detail"));
    }

    public static boolean matches(String ifNoneMatch, long version) {
        return ifNoneMatch != null
                && (ifNoneMatch.trim().equals("*")
                        || ifNoneMatch.replace("W/", "").contains(of(version)));
    }
}
