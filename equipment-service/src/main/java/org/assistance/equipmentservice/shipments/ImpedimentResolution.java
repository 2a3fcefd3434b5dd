package org.assistance.equipmentservice.shipments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Since when an impediment no longer stands, and what it cost in the end. */
@Schema(name = "ImpedimentResolution")
public record ImpedimentResolution(
        @NotNull
        @PastOrPresent
        @Schema(example = "2027-02-20T12:00:00+03:00", description = "not before it occurred, not in the future")
        OffsetDateTime resolvedAt,

        @Valid @Schema(description = "what it cost in the end, replacing any amount recorded before (kept when absent)")
        MoneyInput extraCost,

        @Size(max = Impediment.MAX_NOTE) @Schema(example = "Another carrier took the booking")
        String note) {}
