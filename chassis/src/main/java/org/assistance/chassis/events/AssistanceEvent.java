package org.assistance.chassis.events;

import java.util.UUID;

/**
 * The data of one platform event. Nearly every event concerns one assistance request: its id is
 * the Kafka key and the CloudEvents subject, so a request's whole story stays in order on one
 * partition. The few events about a programme as a whole (a pledge) have no request and are keyed
 * by the programme. Records implementing this are the contract; consumers ignore unknown fields
 * and a breaking change becomes a new {@code vN} type.
 */
public interface AssistanceEvent {
    /** The request this event is about; null for an event about a programme as a whole. */
    UUID requestId();

    /** The Kafka key and CloudEvents subject: the request id, or the programme for programme events. */
    default String aggregateId() {
        return requestId() == null ? null : requestId().toString();
    }
}
