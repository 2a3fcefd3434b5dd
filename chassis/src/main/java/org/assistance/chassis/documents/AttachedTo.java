package org.assistance.chassis.documents;

/** What a document can be attached to, each owned by one service (whose topic announces it). */
public enum AttachedTo {
    /** An assistance request (request-service). */
    REQUEST,
    /** A partner's receipt of a shipment, named by the shipment id (request-service). */
    RECEIPT,
    /** A shipment (equipment-service). */
    SHIPMENT,
    /** A training or other activity (program-service). */
    ACTIVITY
}
