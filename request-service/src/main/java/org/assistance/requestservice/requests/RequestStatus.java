package org.assistance.requestservice.requests;

import java.util.EnumSet;
import java.util.Set;

/** The request's status as the requesting agency sees it, and the moves allowed between them. */
public enum RequestStatus {
    SUBMITTED,
    UNDER_REVIEW,
    INFORMATION_REQUESTED,
    APPROVED,
    PARTIALLY_APPROVED,
    REJECTED,
    IN_DELIVERY,
    DELIVERED,
    CLOSED,
    WITHDRAWN,
    /** Every deliverable of the approved request was cancelled: nothing will be delivered. */
    CANCELLED;

    private Set<RequestStatus> next;

    static {
        SUBMITTED.next = EnumSet.of(
                UNDER_REVIEW, INFORMATION_REQUESTED, APPROVED, PARTIALLY_APPROVED, REJECTED, WITHDRAWN, SUBMITTED);
        UNDER_REVIEW.next = EnumSet.of(INFORMATION_REQUESTED, APPROVED, PARTIALLY_APPROVED, REJECTED, WITHDRAWN);
        INFORMATION_REQUESTED.next = EnumSet.of(
                UNDER_REVIEW, SUBMITTED, APPROVED, PARTIALLY_APPROVED, REJECTED, WITHDRAWN, INFORMATION_REQUESTED);
        // delivery always passes through IN_DELIVERY, so the history shows each step once and in order
        APPROVED.next = EnumSet.of(IN_DELIVERY, CANCELLED);
        PARTIALLY_APPROVED.next = EnumSet.of(IN_DELIVERY, CANCELLED);
        REJECTED.next = EnumSet.noneOf(RequestStatus.class);
        IN_DELIVERY.next = EnumSet.of(DELIVERED, CANCELLED);
        // closed by the partner's completion, or automatically some time after delivery
        DELIVERED.next = EnumSet.of(CLOSED);
        CLOSED.next = EnumSet.noneOf(RequestStatus.class);
        WITHDRAWN.next = EnumSet.noneOf(RequestStatus.class);
        CANCELLED.next = EnumSet.noneOf(RequestStatus.class);
    }

    public boolean canMoveTo(RequestStatus target) {
        return next.contains(target);
    }

    /** Approved, in delivery or past it: what the approval named is (or was) to be delivered. */
    public boolean isApprovedOrBeyond() {
        return this == APPROVED
                || this == PARTIALLY_APPROVED
                || this == IN_DELIVERY
                || this == DELIVERED
                || this == CLOSED
                || this == CANCELLED;
    }

    /** Before a decision: the agency may still amend or withdraw. */
    public boolean isUndecided() {
        return this == SUBMITTED || this == UNDER_REVIEW || this == INFORMATION_REQUESTED;
    }
}
