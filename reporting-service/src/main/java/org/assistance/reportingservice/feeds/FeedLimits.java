package org.assistance.reportingservice.feeds;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much the donor feeds give at once. Each download holds a database connection while its
 * client reads, so only so many stream at once; beyond that a download is answered 503 with
 * Retry-After.
 */
@ConfigMapping(prefix = "assistance.feeds")
public interface FeedLimits {

    /** Downloads streaming at once (well below the connection pool). */
    @WithDefault("4")
    int maxConcurrentStreams();

    /** What a 503 tells a client to wait before it retries. */
    @WithDefault("10")
    int retryAfterSeconds();

    /** Activities per answer, at most {@link DonorFeed#MAX_PAGE_SIZE}; a Link header points to the next page. */
    @WithDefault("1000")
    int pageSize();
}
