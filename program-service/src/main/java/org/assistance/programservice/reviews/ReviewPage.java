package org.assistance.programservice.reviews;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReviewPage", description = "One page of review cases; follow `next` for the following page")
public record ReviewPage(
        @Schema(maxItems = 100) List<ReviewCaseView> items,

        @Schema(maxLength = 2048, format = "uri", description = "The next page; absent on the last one")
        String next) {}
