package org.assistance.programservice.programmes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.assistance.chassis.events.ReviewEvents.FundsPledged;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.validation.MoneyInput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

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

    /**
     * Records a pledge or a contribution. An amount in another currency than the programme's
     * needs the exchange rate used (programme currency per unit), which is recorded with it.
     */
    /** Returns the programme with its funds after the change. */
    @Transactional
    public Programme fund(String programmeCode, Funding.Kind kind, String donorId, MoneyInput amount,
                        BigDecimal exchangeRate, LocalDate valueDate) {
        Programme programme = Programme.lockedForFundsOrNotFound(programmeCode);
        Donor donor = Donor.findById(donorId);
        if (donor == null) {
            throw DomainRuleViolation.unprocessable("Donor " + donorId + " does not exist");
        }
        Funding funding = new Funding();
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

    /** The donors whose contributions fund a programme (what an approval under it is reported to). */
    public List<DonorShare> donorsOf(String programmeCode) {
        List<String> ids = Funding.<Funding>list("programmeCode = ?1 and kind = ?2", programmeCode,
                        Funding.Kind.CONTRIBUTION).stream().map(f -> f.donorId).distinct().sorted().toList();
        return ids.stream().map(id -> (Donor) Donor.findById(id))
                .map(d -> new DonorShare(d.id, d.name, d.iatiIdentifier)).toList();
    }

    /** Programmes a donor funds (pledged or contributed to). */
    public List<String> fundedBy(String donorId) {
        return Funding.<Funding>list("donorId", donorId).stream().map(f -> f.programmeCode).distinct().toList();
    }

    public List<Programme> serving(String thematicArea) {
        return Programme.<Programme>listAll().stream().filter(p -> p.serves(thematicArea)).toList();
    }
}
