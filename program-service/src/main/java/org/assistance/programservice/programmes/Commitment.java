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
import org.assistance.chassis.texts.Text;

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
            throw DomainRuleViolation.conflict(Text.of("commitment.none", "request", requestId.toString()));
        }
        return commitment;
    }

    /** Disbursing more than was committed for the request is refused. */
    public void disburse(BigDecimal cost) {
        BigDecimal left = amount.subtract(disbursed);
        if (cost.compareTo(left) > 0) {
            throw DomainRuleViolation.unprocessable(Text.of(
                    "commitment.disbursed-beyond", "left", left.toPlainString(), "request", requestId.toString()));
        }
        disbursed = disbursed.add(cost);
    }
}
