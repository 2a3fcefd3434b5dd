package org.assistance.programservice.reviews;

public enum ReviewStatus {
    /** Waiting for a reviewer. */
    PENDING,
    /** The reviewer asked the agency for more information. */
    INFORMATION_REQUESTED,
    APPROVED,
    REJECTED,
    /** The agency withdrew its request before a decision. */
    WITHDRAWN
}
