package org.assistance.equipmentservice.screening;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.BarrierBasis;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rule as the API answers it, with what it rests on, its earlier wordings and its retirement. */
@Schema(name = "ExportRule")
public record ExportRuleView(
        UUID id,

        @Schema(maxLength = 2, example = "KE", description = "ISO 3166-1 alpha-2, or * for every destination")
        String destination,

        @Schema(maxLength = 30, example = "SURVEILLANCE") String target,
        ExportRule.Measure measure,
        @Schema(maxLength = 200) String reference,
        @Schema(maxLength = 2_000) String reason,
        @Schema(description = "what the rule rests on") BarrierBasis basis,

        @Schema(maxLength = ExportRule.MAX_IMPOSED_BY, example = "UN Security Council (1718 Committee)")
        String imposedBy,

        @Schema(maxLength = ExportRule.MAX_INSTRUMENT, example = "S/RES/2397 (2017)")
        String instrument,

        OffsetDateTime createdAt,
        @Schema(maxLength = 200) String createdBy,
        OffsetDateTime changedAt,
        @Schema(maxLength = 200) String changedBy,

        @Schema(description = "how the rule read before each change, oldest first", maxItems = ExportRule.MAX_REVISIONS)
        List<ExportRule.Revision> revisions,

        @Schema(description = "false once retired: it then holds nothing")
        boolean active,

        OffsetDateTime retiredAt,
        @Schema(maxLength = 200) String retiredBy,
        @Schema(maxLength = 2_000) String retirementReason) {
    static ExportRuleView of(ExportRule r) {
        return new ExportRuleView(
                r.id,
                r.destination,
                r.target,
                r.measure,
                r.reference,
                r.reason,
                r.basis,
                r.imposedBy,
                r.instrument,
                r.createdAt,
                r.createdBy,
                r.changedAt,
                r.changedBy,
                r.revisions,
                r.isActive(),
                r.retiredAt,
                r.retiredBy,
                r.retirementReason);
    }
}
