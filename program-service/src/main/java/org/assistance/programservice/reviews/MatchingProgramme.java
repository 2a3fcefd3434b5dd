package org.assistance.programservice.reviews;

import org.assistance.chassis.events.Values.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "MatchingProgramme",
        description = "A programme serving the request's thematic area, and what it has available")
public record MatchingProgramme(
        @Schema(maxLength = 20) String code,
        @Schema(maxLength = 200) String name,
        Money available) {}
