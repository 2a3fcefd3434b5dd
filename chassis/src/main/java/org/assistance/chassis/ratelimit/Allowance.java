package org.assistance.chassis.ratelimit;

/**
 * What a caller's bucket said about one call: served or not, what is left and when to come back.
 */
public record Allowance(RatePolicy policy, boolean served, long remaining, long resetSeconds, long retryAfterSeconds) {

    /** {@code RateLimit} field value: the quota left ({@code r}) and the seconds that state holds for ({@code t}). */
    public String rateLimitField() {
        // t: a refused caller gets nothing before Retry-After (which must not come before the end of t);
        // a served one gets its whole burst back within t
        long t = served ? resetSeconds : retryAfterSeconds;
        return "\"" + policy.name() + "\";r=" + remaining + ";t=" + t;
    }

    public String policyField() {
        return policy.policyField();
    }
}
