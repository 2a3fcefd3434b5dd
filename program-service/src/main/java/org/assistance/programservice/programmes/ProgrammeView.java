package org.assistance.programservice.programmes;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assistance.chassis.events.Values.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Programme",
        description = "A programme's funds; `donors` (one programme only) gives each donor's "
                + "part, and the parts add up to the programme's received, committed and disbursed")
public record ProgrammeView(
        @Schema(maxLength = 20) String code,
        @Schema(maxLength = 200) String name,
        @Schema(maxItems = Programme.MAX_THEMATIC_AREAS) Set<@Size(max = 40) String> thematicAreas,
        @Schema(minLength = 3, maxLength = 3) String currency,
        @Schema(maxLength = 100) String iatiActivityPrefix,
        Money pledged,
        Money received,
        Money committed,
        Money disbursed,
        Money available,

        @Schema(maxItems = Donor.MAX_DONORS) @JsonInclude(JsonInclude.Include.NON_NULL)
        List<DonorFundsView> donors) {
    static ProgrammeView of(Programme p) {
        return of(p, null);
    }

    static ProgrammeView of(Programme p, List<Programmes.DonorFigures> donors) {
        return new ProgrammeView(
                p.code,
                p.name,
                new TreeSet<>(p.thematicAreas),
                p.currency,
                p.iatiActivityPrefix,
                p.money(p.pledged),
                p.money(p.received),
                p.money(p.committed),
                p.money(p.disbursed),
                p.money(p.available()),
                donors == null
                        ? null
                        : donors.stream()
                                .map(d -> new DonorFundsView(
                                        d.donorId(),
                                        d.name(),
                                        p.money(d.received()),
                                        p.money(d.committed()),
                                        p.money(d.disbursed())))
                                .toList());
    }
}
