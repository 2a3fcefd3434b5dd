package org.assistance.equipmentservice.shipments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.assistance.chassis.events.Values.BarrierBasis;
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An impediment as logistics records it. */
@Schema(name = "ImpedimentDraft")
public record ImpedimentDraft(
        @NotNull @Schema(example = "CARRIER_REFUSAL") ImpedimentKind kind,

        @NotBlank
        @Size(max = Impediment.MAX_PARTY)
        @Schema(example = "Example Air Cargo Ltd", description = "who refused or delayed")
        String party,

        @NotNull
        @Schema(
                example = "UNILATERAL_MEASURE",
                description = "what the party relied on, as far as known (OTHER when it gave no ground)")
        BarrierBasis basis,

        @NotNull @PastOrPresent @Schema(example = "2027-02-08T09:15:00+03:00", description = "not in the future")
        OffsetDateTime occurredAt,

        @PastOrPresent
        @Schema(
                example = "2027-02-20T12:00:00+03:00",
                description = "when it stopped standing, if it has: not before occurredAt, not in the future")
        OffsetDateTime resolvedAt,

        @Size(max = Impediment.MAX_NOTE)
        @Schema(example = "The carrier declined the booking, citing its sanctions compliance policy")
        String note,

        @Valid @Schema(description = "what it cost on top (another carrier, a new route...), if known")
        MoneyInput extraCost) {}
