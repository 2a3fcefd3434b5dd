package org.assistance.chassis.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Limits per role (values in the chassis' microprofile-config.properties, each overridable by
 * the environment, e.g. {@code ASSISTANCE_RATE_LIMIT_PARTNER_CAPACITY}).
 */
@ConfigMapping(prefix = "assistance.rate-limit")
public interface RateLimitConfig {

    /** Off only where something in front of the service already limits (never in production by default). */
    boolean enabled();

    /** Per agency: every partner token of one agency shares this bucket. */
    Limit partner();

    /** Per donor claim. */
    Limit donor();

    /** Per staff member (token subject). */
    Limit staff();

    /** Per client address, for calls without a valid token. */
    Limit anonymous();

    /**
     * How often each instance reads the admins' overrides again ({@link RateLimitOverrides}): a
     * change made on another instance applies here within this time.
     */
    @WithDefault("10s")
    Duration overridesRefreshEvery();

    interface Limit {
        /** The burst: how many calls a caller may make at once after a quiet spell. */
        long capacity();

        /** The sustained rate: tokens added back each second, up to the capacity. */
        long perSecond();
    }
}
