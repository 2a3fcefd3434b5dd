package org.assistance.chassis;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.outbox.OutboxRelay;
import org.assistance.testsupport.BrokerClient;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class OutboxHousekeepingTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;

    @Test
    void rows_sent_longer_ago_than_the_retention_are_purged_and_unsent_ones_never() throws Exception {
        UUID old = Fixtures.submit("sent long ago");
        UUID recent = Fixtures.submit("sent just now");
        BrokerClient.await(Topics.REQUESTS, r -> recent.toString().equals(r.key()), 1, Duration.ofSeconds(20));
        BrokerClient.await(Topics.REQUESTS, r -> old.toString().equals(r.key()), 1, Duration.ofSeconds(20));
        execute("update outbox set sent_at = now() - interval '8 days' where event_key = ?", old);
        UUID unsent = UUID.randomUUID();
        execute("insert into outbox (event_id, topic, event_key, event_type, source, occurred_at, payload) "
                + "values (gen_random_uuid(), 'housekeeping-test', ?, 'x', '/test', now() - interval '30 days', '{}')", unsent);

        assertThat(relay.purge()).isGreaterThanOrEqualTo(1);

        assertThat(rows(old)).isZero();
        assertThat(rows(recent)).isEqualTo(1);
        assertThat(rows(unsent)).as("an unsent row is never purged, however old").isEqualTo(1);
        execute("delete from outbox where event_key = ?", unsent); // not publishable: remove before the relay tries
    }

    @Test
    void backlog_and_publish_lag_are_metrics() {
        Fixtures.submit("measured");
        given().when().get(SecurityTest.management("/metrics")).then().statusCode(200)
                .body(containsString("assistance_outbox_backlog"))
                .body(containsString("assistance_outbox_oldest_unsent_seconds"))
                .body(containsString("assistance_outbox_publish_lag_seconds"));
    }

    private void execute(String sql, UUID key) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key.toString());
            s.executeUpdate();
        }
    }

    private long rows(UUID key) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from outbox where event_key = ?")) {
            s.setString(1, key.toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
