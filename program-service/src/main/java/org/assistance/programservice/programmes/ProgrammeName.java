package org.assistance.programservice.programmes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a partner may read of a programme: its name. */
@Schema(name = "ProgrammeName")
public record ProgrammeName(
        @Schema(maxLength = 20) String code,
        @Schema(maxLength = 200) String name) {}
