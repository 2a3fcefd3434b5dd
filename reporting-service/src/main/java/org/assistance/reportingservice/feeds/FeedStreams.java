package org.assistance.reportingservice.feeds;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many feed downloads may stream at once. Each holds a database connection for as long as
 * its client reads, so slow clients could otherwise take every connection of the pool and stop
 * the rest of the API; beyond the limit a download is answered 503 with Retry-After.
 */
@ApplicationScoped
public class FeedStreams {
    private final Semaphore permits;
    private final int retryAfterSeconds;

    public FeedStreams(FeedLimits limits) {
        this.permits = new Semaphore(Math.max(1, limits.maxConcurrentStreams()));
        this.retryAfterSeconds = Math.max(1, limits.retryAfterSeconds());
    }

    /** A place for one download, or none when as many as allowed are streaming. */
    public Optional<Permit> tryStart() {
        return permits.tryAcquire() ? Optional.of(new Permit()) : Optional.empty();
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** One download's place: given back once, whichever of its ends comes first. */
    public final class Permit implements AutoCloseable {
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit() {}

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }
    }
}
