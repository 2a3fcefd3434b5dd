package org.assistance.topology;

/** One Kafka node (broker and controller): a single one is {@code kafka}, node k of a cluster {@code kafka-k}. */
public record Broker(String name, int node, int port, int controllerPort) {}
