package org.assistance.programservice.programmes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.assistance.chassis.problems.DomainRuleViolation;

/** Money of a programme set aside for one approved request, and how much of it deliveries disbursed. */
@Entity
@Table(name = "commitments")
public class Commitment extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "programme_code")
    public String programmeCode;

    public BigDecimal amount;
    public BigDecimal disbursed = BigDecimal.ZERO;

    @Column(name = "committed_at")
    public OffsetDateTime committedAt;

    public static Commitment of(UUID requestId, String programmeCode, BigDecimal amount, OffsetDateTime at) {
        Commitment commitment = new Commitment();
        commitment.requestId = requestId;
        commitment.programmeCode = programmeCode;
        commitment.amount = amount;
        commitment.committedAt = at;
        return commitment;
    }

    public static Commitment lockedFor(UUID requestId) {
        Commitment commitment = findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (commitment == null) {
            throw DomainRuleViolation.conflict("Request " + requestId + " has no commitment of funds");
        }
        return commitment;
    }

    /** Disbursing more than was committed for the request is refused. */
    public void disburse(BigDecimal cost) {
        BigDecimal left = amount.subtract(disbursed);
        if (cost.compareTo(left) > 0) {
            throw DomainRuleViolation.unprocessable("Only " + left.toPlainString() + " of the commitment for request "
                    + requestId + " is left to disburse");
        }
        disbursed = disbursed.add(cost);
    }
}
