package org.assistance.programservice.reviews;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Where a review case stands as far as decisions go: what the audit trail keeps before and after one. */
public record ReviewDecisionView(
        ReviewStatus status,
        String programmeCode,
        BigDecimal approvedAmount,
        Approval pendingApproval,
        List<String> decidedBy,
        OffsetDateTime decidedAt,
        String decisionNote) {

    static ReviewDecisionView of(ReviewCase c) {
        return new ReviewDecisionView(
                c.status,
                c.programmeCode,
                c.approvedAmount,
                c.pendingApproval,
                c.decidedBy == null ? null : new java.util.ArrayList<>(c.decidedBy),
                c.decidedAt,
                c.decisionNote);
    }

    /** The decision in the trail's words, from where it left the case. */
    static String action(ReviewStatus after) {
        return switch (after) {
            case APPROVED -> "approved";
            case AWAITING_SECOND_APPROVAL -> "first-approval";
            case REJECTED -> "rejected";
            case INFORMATION_REQUESTED -> "information-requested";
            default -> after.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        };
    }
}
