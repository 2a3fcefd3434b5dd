package org.assistance.programservice.programmes;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.events.DonorSplit;
import org.assistance.chassis.events.ReviewEvents.FundsPledged;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.InvalidInput.Field;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;
import org.assistance.chassis.validation.MoneyInput;

/** Donors, programmes and the money pledged and contributed to them. */
@ApplicationScoped
public class Programmes {
    private final Outbox outbox;
    private final RowLocks rowLocks;
    private final AuditTrail audit;

    public Programmes(Outbox outbox, RowLocks rowLocks, AuditTrail audit) {
        this.outbox = outbox;
        this.rowLocks = rowLocks;
        this.audit = audit;
    }

    @Transactional
    public Donor addDonor(DonorRegistration registration) {
        rowLocks.bounded();
        Donor donor = new Donor();
        donor.id = registration.id();
        donor.name = registration.name().strip();
        donor.iatiIdentifier = registration.iatiIdentifier();
        donor.type = registration.type();
        if (Donor.findById(donor.id) != null) {
            throw DomainRuleViolation.conflict(Text.of("donor.exists", "donor", donor.id));
        }
        if (Donor.count() >= Donor.MAX_DONORS) {
            throw DomainRuleViolation.unprocessable(Text.of("donor.too-many", "max", Donor.MAX_DONORS));
        }
        // flushed here: the same donor registered concurrently is refused by the primary key now (a 409)
        donor.persistAndFlush();
        audit.created("donor", donor.id, DonorRegistration.of(donor));
        return donor;
    }

    @Transactional
    public Programme addProgramme(ProgrammeDraft draft) {
        rowLocks.bounded();
        Programme programme = new Programme();
        programme.code = draft.code();
        programme.name = draft.name().strip();
        programme.thematicAreas = new TreeSet<>(draft.thematicAreas());
        programme.currency = draft.currency();
        programme.iatiActivityPrefix = draft.iatiActivityPrefix();
        if (Programme.findById(programme.code) != null) {
            throw DomainRuleViolation.conflict(Text.of("programme.exists", "programme", programme.code));
        }
        if (Programme.count() >= Programme.MAX_PROGRAMMES) {
            throw DomainRuleViolation.unprocessable(Text.of("programme.too-many", "max", Programme.MAX_PROGRAMMES));
        }
        programme.persistAndFlush();
        audit.created("programme", programme.code, ProgrammeView.of(programme));
        return programme;
    }

    /**
     * Records a pledge or a contribution. An amount in another currency than the programme's
     * needs the exchange rate used (programme currency per unit), which is recorded with it.
     * Only a contribution may be earmarked, for thematic areas the programme serves.
     * Returns the programme with its funds after the change.
     */
    @Transactional
    public Programme fund(String programmeCode, Funding.Kind kind, FundingDraft draft) {
        List<Field> dateErrors = new ArrayList<>();
        Dates.notTooOld("date", draft.date(), dateErrors);
        if (!dateErrors.isEmpty()) {
            throw InvalidInput.of(dateErrors);
        }
        String donorId = draft.donorId();
        MoneyInput amount = draft.amount();
        BigDecimal exchangeRate = draft.exchangeRate();
        LocalDate valueDate = draft.date();
        Earmark earmark = draft.earmark();
        rowLocks.bounded();
        Programme programme = Programme.lockedForFundsOrNotFound(programmeCode);
        Donor donor = Donor.findById(donorId);
        if (donor == null) {
            throw DomainRuleViolation.unprocessable(Text.of("donor.not-found", "donor", donorId));
        }
        if (earmark != null) {
            requireValid(earmark, kind, programme);
        }
        Funding funding = new Funding();
        if (earmark != null) {
            funding.earmarkCountries = earmark.countries() == null ? List.of() : List.copyOf(earmark.countries());
            funding.earmarkThematicAreas =
                    earmark.thematicAreas() == null ? List.of() : List.copyOf(earmark.thematicAreas());
        }
        funding.programmeCode = programmeCode;
        funding.donorId = donorId;
        funding.kind = kind;
        funding.valueDate = valueDate;
        funding.recordedAt = OffsetDateTime.now();
        if (amount.currency().equals(programme.currency)) {
            if (exchangeRate != null) {
                throw InvalidInput.field("exchangeRate", Text.of("funds.exchange-rate-not-needed"));
            }
            funding.amount = amount.amount();
        } else {
            if (exchangeRate == null) {
                throw InvalidInput.field(
                        "exchangeRate",
                        Text.of(
                                "funds.exchange-rate-required",
                                "currency",
                                amount.currency(),
                                "programme",
                                programmeCode,
                                "programmeCurrency",
                                programme.currency));
            }
            funding.originalAmount = amount.amount();
            funding.originalCurrency = amount.currency();
            funding.exchangeRate = exchangeRate;
            funding.amount = converted(amount, exchangeRate, programme);
        }
        if (kind == Funding.Kind.PLEDGE) {
            programme.pledge(funding.amount);
            // the donor feeds and dashboards report pledges: they learn of them from this event
            outbox.record(new FundsPledged(
                    programme.code,
                    new DonorShare(donor.id, donor.name, donor.iatiIdentifier),
                    programme.money(funding.amount),
                    valueDate,
                    funding.recordedAt));
        } else {
            programme.receive(funding.amount);
        }
        funding.persist();
        // the id is the database's (identity): persist has inserted the row by now
        audit.created(
                kind == Funding.Kind.PLEDGE ? "pledge" : "contribution",
                funding.id,
                FundingView.of(funding, programme.currency));
        return programme;
    }

    /**
     * The amount in the programme's currency, to the cent. Both factors are bounded by validation
     * (15 + 2 and 8 + 8 digits), so this is cheap; the result must be a cent at least and fit a
     * money column.
     */
    static BigDecimal converted(MoneyInput amount, BigDecimal exchangeRate, Programme programme) {
        BigDecimal converted = amount.amount().multiply(exchangeRate).setScale(2, RoundingMode.HALF_EVEN);
        if (converted.signum() <= 0) {
            throw InvalidInput.field(
                    "amount",
                    Text.of(
                            "funds.amount-too-small",
                            "currency",
                            programme.currency,
                            "rate",
                            exchangeRate.toPlainString()));
        }
        if (converted.compareTo(Programme.LARGEST_AMOUNT) > 0) {
            throw InvalidInput.field(
                    "amount",
                    Text.of(
                            "funds.amount-too-large",
                            "amount",
                            converted.toPlainString(),
                            "currency",
                            programme.currency,
                            "rate",
                            exchangeRate.toPlainString(),
                            "largest",
                            Programme.LARGEST_AMOUNT.toPlainString()));
        }
        return converted;
    }

    private static void requireValid(Earmark earmark, Funding.Kind kind, Programme programme) {
        if (kind != Funding.Kind.CONTRIBUTION) {
            throw InvalidInput.field("earmark", Text.of("funds.earmark-pledge"));
        }
        if (earmark.namesNothing()) {
            throw InvalidInput.field("earmark", Text.of("funds.earmark-empty"));
        }
        List<Field> errors = new ArrayList<>();
        List<String> areas = earmark.thematicAreas() == null ? List.of() : earmark.thematicAreas();
        for (int i = 0; i < areas.size(); i++) {
            if (!programme.serves(areas.get(i))) {
                errors.add(new Field(
                        "earmark.thematicAreas[" + i + "]",
                        Text.of(
                                "funds.earmark-area-not-served",
                                "programme",
                                programme.code,
                                "areas",
                                programme.thematicAreas.toString())));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }

    /**
     * Refuses (409) a commitment the programme's funds could not cover now: checked when a first
     * reviewer approves above the four-eyes threshold, before anything is committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireCommittable(String programmeCode, Money amount, String country, String thematicArea) {
        Programme programme = Programme.lockedForFunds(programmeCode);
        programme.requireOwnCurrency(amount);
        DonorFunds.of(programme).drawsFor(amount, country, thematicArea);
    }

    /**
     * Commits a programme's money to an approved request and splits it between donors: all from
     * an earmarked contribution for the request's country or thematic area that has enough left,
     * else pro rata to what each donor has left of its unearmarked contributions. Returns the split
     * (adding up to the amount exactly), in the order every later expenditure is apportioned by.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DonorAmount> commit(
            UUID requestId,
            String programmeCode,
            Money amount,
            String country,
            String thematicArea,
            OffsetDateTime at) {
        Programme programme = Programme.lockedForFunds(programmeCode);
        programme.requireOwnCurrency(amount);
        List<DonorFunds.Draw> draws = DonorFunds.of(programme).drawsFor(amount, country, thematicArea);
        programme.commit(amount);
        Commitment.of(requestId, programme.code, amount.amount(), at).persist();
        // the commitment's row first: its shares reference it
        Commitment.flush();
        List<CommitmentShare> shares = draws.stream()
                .map(d -> CommitmentShare.of(requestId, programme.code, d))
                .toList();
        shares.forEach(share -> share.persist());
        return splitOf(shares, programme.currency);
    }

    /**
     * Disburses an expenditure on a request against its commitment (never more than is left of
     * it) and apportions it between the donors by the commitment's split. Returns each donor's part.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DonorAmount> disburse(UUID requestId, String programmeCode, Money cost) {
        Programme programme = Programme.lockedForFunds(programmeCode);
        programme.requireOwnCurrency(cost);
        Commitment commitment = Commitment.lockedFor(requestId);
        commitment.disburse(cost.amount());
        programme.disburse(cost);
        List<CommitmentShare> shares = CommitmentShare.of(requestId);
        List<DonorAmount> parts = DonorSplit.apportion(cost, splitOf(shares, programme.currency));
        for (int i = 0; i < parts.size(); i++) {
            CommitmentShare share = shares.get(i);
            share.disbursed = share.disbursed.add(parts.get(i).amount().amount());
        }
        return parts;
    }

    /** A donor's money in a programme: received (contributions), committed and disbursed of its shares. */
    public record DonorFigures(
            String donorId, String name, BigDecimal received, BigDecimal committed, BigDecimal disbursed) {}

    /** Every donor that contributed to the programme or has a share of its commitments, by donor id. */
    public List<DonorFigures> donorFiguresOf(String programmeCode) {
        Map<String, BigDecimal[]> byDonor = new TreeMap<>();
        for (Funding f :
                Funding.<Funding>list("programmeCode = ?1 and kind = ?2", programmeCode, Funding.Kind.CONTRIBUTION)) {
            figures(byDonor, f.donorId)[0] = figures(byDonor, f.donorId)[0].add(f.amount);
        }
        for (CommitmentShare share : CommitmentShare.<CommitmentShare>list("programmeCode", programmeCode)) {
            BigDecimal[] figures = figures(byDonor, share.donorId);
            figures[1] = figures[1].add(share.amount);
            figures[2] = figures[2].add(share.disbursed);
        }
        return byDonor.entrySet().stream()
                .map(e -> {
                    Donor donor = Donor.findById(e.getKey());
                    return new DonorFigures(e.getKey(), donor.name, e.getValue()[0], e.getValue()[1], e.getValue()[2]);
                })
                .toList();
    }

    private static BigDecimal[] figures(Map<String, BigDecimal[]> byDonor, String donorId) {
        return byDonor.computeIfAbsent(
                donorId, id -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
    }

    private static List<DonorAmount> splitOf(List<CommitmentShare> shares, String currency) {
        return shares.stream()
                .map(share -> {
                    Donor donor = Donor.findById(share.donorId);
                    return new DonorAmount(
                            donor.id, donor.name, donor.iatiIdentifier, new Money(share.amount, currency));
                })
                .toList();
    }

    /** The donors of a split, without amounts (as events named them before splits existed). */
    public static List<DonorShare> donorsIn(List<DonorAmount> split) {
        return split.stream()
                .map(d -> new DonorShare(d.donorId(), d.name(), d.iatiIdentifier()))
                .toList();
    }

    /** Every programme, by code: what partners may see of them is their names. */
    public List<Programme> all() {
        return Programme.listAll(Sort.by("code"));
    }

    /** The programmes whose funds a caller may read, by code: every one for staff, those it funds for a donor. */
    public List<Programme> fundsReadableBy(TenantScope scope) {
        List<Programme> all = all();
        if (!scope.confinedToDonor()) {
            return all;
        }
        List<String> funded = fundedBy(scope.donor());
        return all.stream().filter(p -> funded.contains(p.code)).toList();
    }

    /** One programme whose funds the caller may read: unknown, or for a donor one it does not fund, is not found. */
    public Programme fundsOf(String code, TenantScope scope) {
        Programme programme = Programme.findById(code);
        if (programme == null
                || (scope.confinedToDonor() && !fundedBy(scope.donor()).contains(code))) {
            throw Programme.notFound(code);
        }
        return programme;
    }

    /** Programmes a donor funds (pledged or contributed to). */
    public List<String> fundedBy(String donorId) {
        return Funding.<Funding>list("donorId", donorId).stream()
                .map(f -> f.programmeCode)
                .distinct()
                .toList();
    }

    public List<Programme> serving(String thematicArea) {
        return Programme.<Programme>listAll().stream()
                .filter(p -> p.serves(thematicArea))
                .toList();
    }
}
