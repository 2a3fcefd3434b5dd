package org.assistance.programservice.programmes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.Set;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A programme (e.g. GLOCY, the Global Programme on Cybercrime) and its funds: pledged,
 * received, committed by approvals and disbursed by deliveries. Available = received − committed,
 * and a commitment never exceeds it: changes to the funds take the programme's row lock.
 */
@Entity
@Table(name = "programmes")
public class Programme extends PanacheEntityBase {
    @Id
    public String code;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "thematic_areas")
    public Set<String> thematicAreas;

    public String currency;

    @Column(name = "iati_activity_prefix")
    public String iatiActivityPrefix;

    public BigDecimal pledged = BigDecimal.ZERO;
    public BigDecimal received = BigDecimal.ZERO;
    public BigDecimal committed = BigDecimal.ZERO;
    public BigDecimal disbursed = BigDecimal.ZERO;

    @Version
    public long version;

    /**
     * The largest amount a money column holds (numeric(17, 2)): every amount and every total of a
     * programme stays within it, so no sum ever overflows in the database.
     */
    public static final BigDecimal LARGEST_AMOUNT = new BigDecimal("999999999999999.99");
    /** Programmes are listed whole (no paging): the platform holds at most this many. */
    public static final int MAX_PROGRAMMES = 1_000;
    /** What a programme code is made of (also in a path: anything else names no programme). */
    public static final String CODE = "[A-Z][A-Z0-9]*";

    public static final String CODE_MESSAGE = "must be upper-case letters and digits";
    /** A programme serves at most this many thematic areas. */
    static final int MAX_THEMATIC_AREAS = 20;

    /** The programme with its row locked for a change of its funds (also across service instances). */
    public static Programme lockedForFunds(String code) {
        Programme programme = findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (programme == null) {
            throw DomainRuleViolation.unprocessable("Programme " + code + " does not exist");
        }
        return programme;
    }

    /** Like {@link #lockedForFunds} where the programme is named in the path: an unknown one is 404. */
    public static Programme lockedForFundsOrNotFound(String code) {
        Programme programme = findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (programme == null) {
            throw DomainRuleViolation.notFound("Programme " + code);
        }
        return programme;
    }

    public BigDecimal available() {
        return received.subtract(committed);
    }

    public boolean serves(String thematicArea) {
        return thematicAreas.contains(thematicArea);
    }

    void pledge(BigDecimal amount) {
        pledged = withinLargest("pledged", pledged.add(amount));
    }

    void receive(BigDecimal amount) {
        received = withinLargest("received", received.add(amount));
    }

    private BigDecimal withinLargest(String total, BigDecimal sum) {
        if (sum.compareTo(LARGEST_AMOUNT) > 0) {
            throw DomainRuleViolation.unprocessable("Programme " + code + " would have " + sum.toPlainString() + " "
                    + currency + " " + total + ", more than the " + LARGEST_AMOUNT.toPlainString()
                    + " a programme can record");
        }
        return sum;
    }

    /** Sets money aside for an approval; refused when the available funds do not cover it. */
    public void commit(Money amount) {
        requireOwnCurrency(amount);
        if (amount.amount().compareTo(available()) > 0) {
            throw new DomainRuleViolation(
                    409,
                    "insufficient-funds",
                    "Insufficient funds",
                    "Programme " + code + " has " + available().toPlainString() + " " + currency + " available; "
                            + amount.amount().toPlainString() + " cannot be committed");
        }
        committed = committed.add(amount.amount());
    }

    public void disburse(Money amount) {
        requireOwnCurrency(amount);
        disbursed = disbursed.add(amount.amount());
    }

    public void requireOwnCurrency(Money amount) {
        if (!currency.equals(amount.currency())) {
            throw DomainRuleViolation.unprocessable("Programme " + code + " is kept in " + currency + "; an amount in "
                    + amount.currency() + " is not accepted here");
        }
    }

    public Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }
}
