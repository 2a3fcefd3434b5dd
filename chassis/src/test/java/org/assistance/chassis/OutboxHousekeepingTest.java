package org.assistance.chassis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.assistance.chassis.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;

/**
 * Purging the notes of published events. No relay runs here (relay off), so the rows the tests
 * write stay as written: a live relay would publish or set aside the unsent one meanwhile.
 */
@QuarkusTest
@TestProfile(TwoRelaysTest.RelayOff.class)
class OutboxHousekeepingTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Test
    void notes_of_events_sent_longer_ago_than_the_retention_are_purged_and_unsent_events_never() throws Exception {
        // retention: 7 days (assistance.outbox.retention)
        UUID sentEightDaysAgo = row("now() - interval '8 days'");
        UUID sentSixDaysAgo = row("now() - interval '6 days'");
        UUID sentJustNow = row("now()");
        UUID neverSent = row(null);

        assertThat(relay.purge()).isGreaterThanOrEqualTo(1);

        assertThat(rows(sentEightDaysAgo)).isZero();
        assertThat(rows(sentSixDaysAgo)).as("sent within the retention: kept").isEqualTo(1);
        assertThat(rows(sentJustNow)).isEqualTo(1);
        assertThat(rows(neverSent))
                .as("an unsent row is never purged, however old")
                .isEqualTo(1);
        execute(
                "delete from outbox where event_key = ?",
                neverSent); // not publishable: remove before a relay of a later test tries
        execute("delete from outbox_published where event_key = ?", sentSixDaysAgo);
        execute("delete from outbox_published where event_key = ?", sentJustNow);
    }

    @Test
    void backlog_and_publish_lag_are_metrics() {
        Fixtures.submit("measured");
        given().when()
                .get(SecurityTest.management("/metrics"))
                .then()
                .statusCode(200)
                .body(containsString("assistance_outbox_backlog"))
                .body(containsString("assistance_outbox_oldest_unsent_seconds"))
                .body(containsString("assistance_outbox_publish_lag_seconds"));
    }

    /**
     * An event recorded 30 days ago and sent at the given time (SQL): its note in outbox_published;
     * or never sent (null): its row still in the outbox.
     */
    private UUID row(String sentAt) throws Exception {
        UUID key = UUID.randomUUID();
        execute(
                sentAt == null
                        ? "insert into outbox (event_id, topic, event_key, event_type, source, occurred_at, payload) "
                                + "values (gen_random_uuid(), 'housekeeping-test', ?, 'x', '/test', now() - interval '30 days', '{}')"
                        : "insert into outbox_published (seq, event_id, topic, event_key, event_type, occurred_at, sent_at) "
                                + "values (0, gen_random_uuid(), 'housekeeping-test', ?, 'x', now() - interval '30 days', "
                                + sentAt + ")",
                key);
        return key;
    }

    private void execute(String sql, UUID key) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key.toString());
            s.executeUpdate();
        }
    }

    private long rows(UUID key) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from (select event_key from outbox union all select event_key from outbox_published) r"
                                + " where event_key = ?")) {
            s.setString(1, key.toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
