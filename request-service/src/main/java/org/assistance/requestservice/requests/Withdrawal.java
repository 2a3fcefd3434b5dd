package org.assistance.requestservice.requests;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an agency withdraws its request (optional). */
@Schema(name = "Withdrawal")
public record Withdrawal(
        @Size(max = RequestResource.MAX_COMMENT) @Schema(example = "Funded by the national budget after all")
        String reason) {}
