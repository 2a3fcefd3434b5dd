package org.assistance.chassis.topics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service treats the platform's topics at start ({@link TopicProvisioner}). */
@ConfigMapping(prefix = "assistance.topics")
public interface TopicsConfig {

    /**
     * Whether the service creates the topics it touches where they are missing: on for local runs
     * and tests; off in Kubernetes, where the topics are declared (Strimzi KafkaTopic).
     */
    @WithDefault("true")
    boolean provision();

    /** Replicas of each topic it creates (1 for a single local broker). */
    @WithDefault("1")
    short replicationFactor();
}
