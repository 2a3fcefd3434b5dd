package org.assistance.reportingservice.feeds;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON feed's answer, as the contract describes it (the resource streams it, never holding it whole). */
@Schema(name = "FeedPage")
public record FeedPage(
        @Schema(description = "The cursor to send as since in the next call", maxLength = 100)
        String next,

        @Schema(maxItems = DonorFeed.MAX_PAGE_SIZE) List<FeedActivity> activities) {}
