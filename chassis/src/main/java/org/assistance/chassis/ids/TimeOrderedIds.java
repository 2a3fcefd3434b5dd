package org.assistance.chassis.ids;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids made in the application: UUID version 7 (RFC 9562), a millisecond timestamp followed by
 * random bits. The database is not asked for an id (no IDENTITY or sequence round trip, so
 * inserts can be batched), and new rows land at the right edge of a primary key's B-tree
 * instead of at random places in it. Within this process the ids only grow (RFC 9562 method 3:
 * the 12 bits after the timestamp count ids made in the same millisecond), so rows written one
 * after the other, even in the same millisecond, sort in the order they were made.
 */
public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The last id's timestamp (48 bits of milliseconds) and counter (12 bits), as one number. */
    private static final AtomicLong LAST = new AtomicLong();

    private TimeOrderedIds() {}

    /** A new id, greater than every id this process made before. */
    public static UUID next() {
        long now = System.currentTimeMillis() << 12;
        // same millisecond (or a clock that stepped back): count on from the last id; over 4,096
        // in one millisecond the stamp runs a little ahead of the clock, never backwards
        long stamp = LAST.updateAndGet(last -> Math.max(now, last + 1));
        long mostSignificant = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0xFFFL);
        long leastSignificant = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
