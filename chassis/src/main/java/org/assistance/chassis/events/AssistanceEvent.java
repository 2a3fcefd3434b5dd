package org.assistance.chassis.events;

import java.util.UUID;

/**
 * The data of one platform event. Every event concerns one assistance request: its id is the
 * Kafka key and the CloudEvents subject, so a request's whole story stays in order on one
 * partition. Records implementing this are the contract; consumers ignore unknown fields and a
 * breaking change becomes a new {@code vN} type.
 */
public interface AssistanceEvent {
    UUID requestId();
}
