package org.assistance.programservice.reviews;

public enum ReviewStatus {
    /** Waiting for a reviewer. */
    PENDING,
    /** The reviewer asked the agency for more information. */
    INFORMATION_REQUESTED,
    /** Approved by one reviewer; above the four-eyes threshold it takes effect when a second one agrees. */
    AWAITING_SECOND_APPROVAL,
    APPROVED,
    REJECTED,
    /** The agency withdrew its request before a decision took effect (also while an approval awaited its second reviewer). */
    WITHDRAWN
}
