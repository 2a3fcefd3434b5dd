package org.assistance.chassis.ratelimit;

/**
 * One role's limit as a token bucket: {@code capacity} calls at once, refilled at
 * {@code perSecond}. Advertised (draft-ietf-httpapi-ratelimit-headers) as a quota of
 * {@code capacity} over the window in which an empty bucket fills again.
 */
public record RatePolicy(String name, long capacity, long perSecond) {

    public RatePolicy {
        if (capacity < 1 || perSecond < 1) {
            throw new IllegalArgumentException("rate limit " + name + " needs a capacity and a rate of at least 1");
        }
    }

    public static RatePolicy of(String name, RateLimitConfig.Limit limit) {
        return new RatePolicy(name, limit.capacity(), limit.perSecond());
    }

    /** Seconds for an empty bucket to fill: the {@code w} of the policy. */
    long windowSeconds() {
        return Math.max(1, (capacity + perSecond - 1) / perSecond);
    }

    /**
     * Part of the bucket's key, so that a changed limit starts new buckets instead of being
     * ignored (a bucket keeps the limit it was created with).
     */
    String keyPrefix() {
        return name + "/" + capacity + "/" + perSecond + ":";
    }

    /** {@code RateLimit-Policy} field value (structured field: a list of one item). */
    String policyField() {
        return "\"" + name + "\";q=" + capacity + ";w=" + windowSeconds();
    }
}
