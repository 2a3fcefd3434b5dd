package org.assistance.chassis.outbox;

/**
 * The advisory lock, in a service's own database, that every outbox relay of the service (on
 * every instance) takes for the transaction of each batch it publishes. Whoever holds it fences
 * them all at a batch boundary: while it is held no event leaves the outbox, and once it is
 * released they publish what waited, oldest first.
 *
 * <p>A backup holds it ({@code select pg_advisory_lock(LOCK)} in a session of each service database,
 * deploy/local/platform backup) while it dumps the databases: API writes go on and their events wait
 * in the outbox beside them, so with nothing in flight on Kafka the dumps together are a consistent
 * cut of the platform. Taking it waits for the batch under way to commit, so once it is held every
 * event already on Kafka has left its outbox.
 *
 * <p>Free of dependencies: the launcher's tools read the number from here.
 */
public final class RelayFence {
    /** Arbitrary constant naming "the outbox relay" among the advisory locks of a service's database. */
    public static final long LOCK = 0x6f7574626f78L;

    private RelayFence() {}
}
