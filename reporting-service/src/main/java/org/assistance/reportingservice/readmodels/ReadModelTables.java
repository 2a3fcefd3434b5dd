package org.assistance.reportingservice.readmodels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables the read models consist of, and the lock that guards moving them. A rebuild's
 * switch-over takes the lock exclusively while it swaps freshly built tables in; live handling and
 * reads of several tables take it shared first thing in their transactions, so no event falls
 * between the old tables and the new, and no read sees some of each.
 */
@ApplicationScoped
public class ReadModelTables {
    /**
     * Every read-model table (including the read models' memory of handled events): a rebuild
     * builds each afresh and swaps each in. A test holds this list to the tables the migrations create.
     */
    public static final List<String> ALL = List.of(
            "timeline_entries",
            "request_owners",
            "request_facts",
            "shipment_facts",
            "money_facts",
            "money_parts",
            "deliverable_facts",
            "shipment_lines",
            "backorder_facts",
            "refused_lines",
            "donor_directory",
            "pledge_facts",
            "activity_participants",
            "activity_rosters",
            "receipt_facts",
            "indicator_definitions",
            "indicator_measurements",
            "national_priorities",
            "request_priorities",
            "request_endorsements",
            "barrier_events",
            "end_use_units",
            "end_use_receipts",
            "end_use_checks",
            "item_names",
            "processed_events");

    private static final long SWITCH_LOCK = 0x726562756c64L;

    private final EntityManager entityManager;

    public ReadModelTables(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Taken by live handling at the start of each transaction: waits while a switch-over is under way. */
    public void guardLiveHandling() {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock_shared(" + SWITCH_LOCK + ")")
                .getSingleResult();
    }

    /**
     * Taken by a read of several tables at the start of its transaction: it waits while a
     * switch-over moves the tables, and a switch-over waits for it, so the two never deadlock.
     */
    public void guardReading() {
        guardLiveHandling();
    }

    /** Taken by a switch-over in its transaction: waits for live handling and reads under way, then holds them off. */
    public static void lockForSwitchOver(Statement transaction) throws SQLException {
        transaction.execute("select pg_advisory_xact_lock(" + SWITCH_LOCK + ")");
    }
}
