package org.assistance.programservice.programmes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One donor's part of a commitment, and what deliveries disbursed of it. Drawn either from one
 * earmarked contribution ({@code fundingId}) or from the donor's unearmarked contributions
 * ({@code fundingId} null). The shares of a commitment add up to it exactly.
 */
@Entity
@Table(name = "commitment_shares")
public class CommitmentShare extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "programme_code")
    public String programmeCode;

    @Column(name = "donor_id")
    public String donorId;

    @Column(name = "funding_id")
    public Long fundingId;

    public BigDecimal amount;
    public BigDecimal disbursed = BigDecimal.ZERO;

    static CommitmentShare of(UUID requestId, String programmeCode, DonorFunds.Draw draw) {
        CommitmentShare share = new CommitmentShare();
        share.requestId = requestId;
        share.programmeCode = programmeCode;
        share.donorId = draw.donorId();
        share.fundingId = draw.fundingId();
        share.amount = draw.amount();
        return share;
    }

    /** A commitment's shares in the order of its split (the order they were drawn in). */
    static List<CommitmentShare> of(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }
}
