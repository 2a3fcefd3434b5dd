package org.assistance.equipmentservice.shipments;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A backorder as the API answers it. */
@Schema(name = "Backorder")
public record BackorderView(
        @Schema(
                minimum = "1",
                maximum = "9223372036854775807",
                format = "int64",
                description = "the backorder's number, as its events and the request's timeline name it")
        long id,

        @Schema(description = "names the backorder in URLs (/backorders/{reference}/cancellation)")
        UUID reference,

        UUID requestId,
        @Schema(maxLength = 100) String agencyId,
        @Schema(maxLength = 2, example = "KE") String destinationCountry,
        @Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,

        @Schema(description = "back-ordered at approval", minimum = "1", maximum = "10000", format = "int32")
        int quantity,

        @Schema(description = "still waited for", minimum = "0", maximum = "10000", format = "int32")
        int remaining,

        Backorder.Status status,
        RequestPriority.Level priority,
        @Schema(maxLength = 2_000) String cancellationReason,
        @Schema(maxLength = 200) String cancelledBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
    static BackorderView of(Backorder b) {
        return new BackorderView(
                b.id,
                b.reference,
                b.requestId,
                b.agencyId,
                b.destinationCountry,
                b.itemCode,
                b.quantity,
                b.remaining,
                b.status,
                b.priority,
                b.cancellationReason,
                b.cancelledBy,
                b.createdAt,
                b.updatedAt);
    }
}
