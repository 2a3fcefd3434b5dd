package org.assistance.programservice.programmes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A donor's pledge (a promise) or contribution (money received) to a programme, in the
 * programme's currency; when given in another currency, the amount and rate as given are kept.
 * A contribution may be earmarked for countries and/or thematic areas: then only requests it is
 * for draw on it.
 */
@Entity
@Table(name = "fundings")
public class Funding extends PanacheEntityBase {
    public enum Kind {
        PLEDGE,
        CONTRIBUTION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "programme_code")
    public String programmeCode;

    @Column(name = "donor_id")
    public String donorId;

    @Enumerated(EnumType.STRING)
    public Kind kind;
    /** In the programme's currency. */
    public BigDecimal amount;

    @Column(name = "original_amount")
    public BigDecimal originalAmount;

    @Column(name = "original_currency")
    public String originalCurrency;
    /** Programme currency units per original currency unit; null when no conversion was needed. */
    @Column(name = "exchange_rate")
    public BigDecimal exchangeRate;

    @Column(name = "value_date")
    public LocalDate valueDate;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    /** Null or empty: not restricted by country. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "earmark_countries")
    public List<String> earmarkCountries;
    /** Null or empty: not restricted by thematic area. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "earmark_thematic_areas")
    public List<String> earmarkThematicAreas;

    public boolean isEarmarked() {
        return !(isEmpty(earmarkCountries) && isEmpty(earmarkThematicAreas));
    }

    /** An earmarked contribution is for a request when every list it names contains the request's value. */
    public boolean isEarmarkedFor(String country, String thematicArea) {
        return isEarmarked()
                && (isEmpty(earmarkCountries) || earmarkCountries.contains(country))
                && (isEmpty(earmarkThematicAreas) || earmarkThematicAreas.contains(thematicArea));
    }

    private static boolean isEmpty(List<String> list) {
        return list == null || list.isEmpty();
    }
}
