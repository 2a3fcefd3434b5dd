package org.assistance.requestservice.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How webhooks are delivered and which endpoints they may reach ({@code assistance.webhooks.*}). */
@ConfigMapping(prefix = "assistance.webhooks")
public interface WebhookSettings {
    /**
     * Endpoints on loopback or private addresses (10/8, 172.16/12, 192.168/16, fc00::/7): refused
     * by default, since a partner's URL must never reach the platform's own network; allowed on a
     * developer's machine and in tests.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Plain http endpoints: refused by default (the payload and its signature would travel in clear). */
    @WithDefault("false")
    boolean allowHttp();

    /** How long one delivery is retried before it is given up. */
    @WithDefault("P3D")
    Duration retryFor();

    /** An endpoint failing every delivery this long is disabled and its agency told. */
    @WithDefault("P3D")
    Duration disableAfter();

    /** The first retry's wait; each further one waits twice as long (with jitter), up to {@link #longestWait()}. */
    @WithDefault("PT10S")
    Duration firstRetryAfter();

    @WithDefault("PT1H")
    Duration longestWait();

    /** How long the secret replaced by a rotation still signs (both signatures are sent meanwhile). */
    @WithDefault("PT24H")
    Duration rotationOverlap();

    /** An endpoint must answer 2xx within this time for the delivery to count. */
    @WithDefault("PT10S")
    Duration answerWithin();

    /**
     * A claimed delivery is not claimed again for this long, so an instance that died mid-send
     * leaves it to another one afterwards (sent again with the same webhook-id). Longer than {@link #answerWithin()}.
     */
    @WithDefault("PT1M")
    Duration claimFor();

    /** How often each instance looks for due deliveries (read by the dispatcher's schedule). */
    @WithDefault("2s")
    String dispatchEvery();

    /** Deliveries claimed at a time by one instance. */
    @WithDefault("20")
    int batch();
}
