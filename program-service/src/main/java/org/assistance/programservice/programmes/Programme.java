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
import org.assistance.chassis.texts.Text;
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

    public static final String CODE_MESSAGE = "{programme.code}";
    /** A programme serves at most this many thematic areas. */
    static final int MAX_THEMATIC_AREAS = 20;

    /** The programme with its row locked for a change of its funds (also across service instances). */
    public static Programme lockedForFunds(String code) {
        Programme programme = findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (programme == null) {
            throw DomainRuleViolation.unprocessable(Text.of("programme.not-found", "programme", code));
        }
        return programme;
    }

    /** Like {@link #lockedForFunds} where the programme is named in the path: an unknown one is 404. */
    public static Programme lockedForFundsOrNotFound(String code) {
        Programme programme = findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (programme == null) {
            throw notFound(code);
        }
        return programme;
    }

    /** 404: no such programme (or none the caller may see). */
    public static DomainRuleViolation notFound(String code) {
        return DomainRuleViolation.notFound(Text.of("programme.not-found", "programme", code));
    }

    public BigDecimal available() {
        return received.subtract(committed);
    }

    public boolean serves(String thematicArea) {
        return thematicAreas.contains(thematicArea);
    }

    void pledge(BigDecimal amount) {
        pledged = withinLargest("programme.pledged-beyond-largest", pledged.add(amount));
    }

    void receive(BigDecimal amount) {
        received = withinLargest("programme.received-beyond-largest", received.add(amount));
    }

    /** {@code beyondLargest}: the text saying which total (pledged, received) would be too large. */
    private BigDecimal withinLargest(String beyondLargest, BigDecimal sum) {
        if (sum.compareTo(LARGEST_AMOUNT) > 0) {
            throw DomainRuleViolation.unprocessable(Text.of(
                    beyondLargest,
                    "programme",
                    code,
                    "sum",
                    sum.toPlainString(),
                    "currency",
                    currency,
                    "largest",
                    LARGEST_AMOUNT.toPlainString()));
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
                    Text.of(
                            "funds.insufficient",
                            "programme",
                            code,
                            "available",
                            available().toPlainString(),
                            "currency",
                            currency,
                            "amount",
                            amount.amount().toPlainString()));
        }
        committed = committed.add(amount.amount());
    }

    public void disburse(Money amount) {
        requireOwnCurrency(amount);
        disbursed = disbursed.add(amount.amount());
    }

    public void requireOwnCurrency(Money amount) {
        if (!currency.equals(amount.currency())) {
            throw DomainRuleViolation.unprocessable(Text.of(
                    "programme.other-currency", "programme", code, "currency", currency, "other", amount.currency()));
        }
    }

    public Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }
}
