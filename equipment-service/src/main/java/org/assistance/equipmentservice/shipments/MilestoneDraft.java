package org.assistance.equipmentservice.shipments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A step of a dispatched shipment's journey, as logistics records it. */
@Schema(name = "MilestoneDraft")
public record MilestoneDraft(
        @NotNull @Schema(example = "CUSTOMS_ENTRY") MilestoneKind milestone,

        @Size(max = 200) @Schema(example = "Jomo Kenyatta International Airport")
        String location,

        @Size(max = 2_000) String note,

        @NotNull @PastOrPresent @Schema(example = "2027-02-08T09:15:00+03:00")
        OffsetDateTime occurredAt) {}
