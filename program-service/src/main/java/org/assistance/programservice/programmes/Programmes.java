package org.assistance.programservice.programmes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.assistance.chassis.events.DonorSplit;
import org.assistance.chassis.events.ReviewEvents.FundsPledged;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.Problem.FieldError;
import org.assistance.chassis.validation.MoneyInput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Donors, programmes and the money pledged and contributed to them. */
@ApplicationScoped
public class Programmes {
    private final Outbox outbox;

    public Programmes(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Donor addDonor(Donor donor) {
        if (Donor.findById(donor.id) != null) {
            throw DomainRuleViolation.conflict("Donor " + donor.id + " already exists");
        }
        donor.persist();
        return donor;
    }

    @Transactional
    public Programme addProgramme(Programme programme) {
        if (Programme.findById(programme.code) != null) {
            throw DomainRuleViolation.conflict("Programme " + programme.code + " already exists");
        }
        programme.persist();
        return programme;
    }

    /** What a contribution is earmarked for: countries and/or thematic areas (an empty list: any). */
    public record Earmark(List<String> countries, List<String> thematicAreas) {
        boolean namesNothing() {
            return (countries == null || countries.isEmpty()) && (thematicAreas == null || thematicAreas.isEmpty());
        }
    }

    /**
     * Records a pledge or a contribution. An amount in another currency than the programme's
     * needs the exchange rate used (programme currency per unit), which is recorded with it.
     * Only a contribution may be earmarked, for thematic areas the programme serves.
     * Returns the programme with its funds after the change.
     */
    @Transactional
    public Programme fund(String programmeCode, Funding.Kind kind, String donorId, MoneyInput amount,
                        BigDecimal exchangeRate, LocalDate valueDate, Earmark earmark) {
        Programme programme = Programme.lockedForFundsOrNotFound(programmeCode);
        Donor donor = Donor.findById(donorId);
        if (donor == null) {
            throw DomainRuleViolation.unprocessable("Donor " + donorId + " does not exist");
        }
        if (earmark != null) {
            requireValid(earmark, kind, programme);
        }
        Funding funding = new Funding();
        if (earmark != null) {
            funding.earmarkCountries = earmark.countries() == null ? List.of() : List.copyOf(earmark.countries());
            funding.earmarkThematicAreas = earmark.thematicAreas() == null ? List.of()
                    : List.copyOf(earmark.thematicAreas());
        }
        funding.programmeCode = programmeCode;
        funding.donorId = donorId;
        funding.kind = kind;
        funding.valueDate = valueDate;
        funding.recordedAt = OffsetDateTime.now();
        if (amount.currency().equals(programme.currency)) {
            if (exchangeRate != null) {
                throw org.assistance.chassis.problems.InvalidInput.field("exchangeRate",
                        "must be left out for an amount in the programme's currency");
            }
            funding.amount = amount.amount();
        } else {
            if (exchangeRate == null) {
                throw org.assistance.chassis.problems.InvalidInput.field("exchangeRate", "is required: the amount is in "
                        + amount.currency() + " and programme " + programmeCode + " is kept in " + programme.currency);
            }
            funding.originalAmount = amount.amount();
            funding.originalCurrency = amount.currency();
            funding.exchangeRate = exchangeRate;
            funding.amount = amount.amount().multiply(exchangeRate).setScale(2, RoundingMode.HALF_EVEN);
        }
        if (kind == Funding.Kind.PLEDGE) {
            programme.pledge(funding.amount);
            // the donor feeds and dashboards report pledges: they learn of them from this event
            outbox.record(new FundsPledged(programme.code, new DonorShare(donor.id, donor.name, donor.iatiIdentifier),
                    programme.money(funding.amount), valueDate, funding.recordedAt));
        } else {
            programme.receive(funding.amount);
        }
        funding.persist();
        return programme;
    }

    private static void requireValid(Earmark earmark, Funding.Kind kind, Programme programme) {
        if (kind != Funding.Kind.CONTRIBUTION) {
            throw InvalidInput.field("earmark", "is only for contributions (money received), not pledges");
        }
        if (earmark.namesNothing()) {
            throw InvalidInput.field("earmark", "must name at least one country or thematic area");
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> areas = earmark.thematicAreas() == null ? List.of() : earmark.thematicAreas();
        for (int i = 0; i < areas.size(); i++) {
            if (!programme.serves(areas.get(i))) {
                errors.add(new FieldError("earmark.thematicAreas[" + i + "]", "is not served by programme "
                        + programme.code + " (it serves " + programme.thematicAreas + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
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
    public List<DonorAmount> commit(UUID requestId, String programmeCode, Money amount, String country,
                                    String thematicArea, OffsetDateTime at) {
        Programme programme = Programme.lockedForFunds(programmeCode);
        programme.requireOwnCurrency(amount);
        List<DonorFunds.Draw> draws = DonorFunds.of(programme).drawsFor(amount, country, thematicArea);
        programme.commit(amount);
        Commitment.of(requestId, programme.code, amount.amount(), at).persist();
        // the commitment's row first: its shares reference it
        Commitment.flush();
        List<CommitmentShare> shares = draws.stream().map(d -> CommitmentShare.of(requestId, programme.code, d)).toList();
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
    public record DonorFigures(String donorId, String name, BigDecimal received, BigDecimal committed,
                               BigDecimal disbursed) {
    }

    /** Every donor that contributed to the programme or has a share of its commitments, by donor id. */
    public List<DonorFigures> donorFiguresOf(String programmeCode) {
        Map<String, BigDecimal[]> byDonor = new TreeMap<>();
        for (Funding f : Funding.<Funding>list("programmeCode = ?1 and kind = ?2", programmeCode,
                Funding.Kind.CONTRIBUTION)) {
            figures(byDonor, f.donorId)[0] = figures(byDonor, f.donorId)[0].add(f.amount);
        }
        for (CommitmentShare share : CommitmentShare.<CommitmentShare>list("programmeCode", programmeCode)) {
            BigDecimal[] figures = figures(byDonor, share.donorId);
            figures[1] = figures[1].add(share.amount);
            figures[2] = figures[2].add(share.disbursed);
        }
        return byDonor.entrySet().stream().map(e -> {
            Donor donor = Donor.findById(e.getKey());
            return new DonorFigures(e.getKey(), donor.name, e.getValue()[0], e.getValue()[1], e.getValue()[2]);
        }).toList();
    }

    private static BigDecimal[] figures(Map<String, BigDecimal[]> byDonor, String donorId) {
        return byDonor.computeIfAbsent(donorId, id -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
    }

    private static List<DonorAmount> splitOf(List<CommitmentShare> shares, String currency) {
        return shares.stream().map(share -> {
            Donor donor = Donor.findById(share.donorId);
            return new DonorAmount(donor.id, donor.name, donor.iatiIdentifier, new Money(share.amount, currency));
        }).toList();
    }

    /** The donors of a split, without amounts (as events named them before splits existed). */
    public static List<DonorShare> donorsIn(List<DonorAmount> split) {
        return split.stream().map(d -> new DonorShare(d.donorId(), d.name(), d.iatiIdentifier())).toList();
    }

    /** Programmes a donor funds (pledged or contributed to). */
    public List<String> fundedBy(String donorId) {
        return Funding.<Funding>list("donorId", donorId).stream().map(f -> f.programmeCode).distinct().toList();
    }

    public List<Programme> serving(String thematicArea) {
        return Programme.<Programme>listAll().stream().filter(p -> p.serves(thematicArea)).toList();
    }
}
