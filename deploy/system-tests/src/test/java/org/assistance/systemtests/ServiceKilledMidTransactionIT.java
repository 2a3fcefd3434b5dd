package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Each service that writes is killed -9 in turn under a load of several partners submitting at
 * once, so transactions are cut half-way: request-service (submissions and their outbox rows),
 * program-service (review cases opened from events, approvals) and equipment-service (shipments
 * planned from events, dispatches, deliveries). Each is started again at once; partners send
 * what got no answer again with the same Idempotency-Key. Then no record exists without its
 * event or the other way round, and every read model shows each request exactly once. The kill of
 * request-service must have cut off at least one submission whose call was under way, and each such
 * submission must have become exactly one request.
 */
@Order(Order.DEFAULT + 3)
class ServiceKilledMidTransactionIT {

    @Test
    void no_half_written_record_and_no_event_lost_or_counted_twice() throws Exception {
        FaultPlatform platform = FaultPlatform.with(FaultPlatform.Topology.ONE_BROKER_TWO_REPORTERS);
        try (LoadGenerator load = new LoadGenerator(platform, "service-killed", "NG", 8, 4).start()) {
            Thread.sleep(10_000);
            Set<String> underwayAtRequestServiceKill = Set.of();
            for (String service : List.of("request-service", "program-service", "equipment-service")) {
                if (service.equals("request-service")) {
                    load.burst(6); // beside the steady pace, so that submissions are surely under way at the kill
                }
                // at a moment when submissions are being handled, so some transactions are cut half-way
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (load.underway.size() < 2 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                int inFlight = load.underway.size();
                if (service.equals("request-service")) {
                    underwayAtRequestServiceKill = Set.copyOf(load.underway);
                }
                platform.kill(service);
                System.out.printf(
                        "[faults] ServiceKilledMidTransactionIT: %s killed -9 with %d submissions in flight, "
                                + "%d accepted so far%n",
                        service, inFlight, load.accepted.size());
                platform.start(service);
                Thread.sleep(8_000);
            }
            boolean drained = load.drain(LoadGenerator.DRAIN_DEADLINE);
            ReadModels.Report report =
                    ReadModels.awaitExact(platform, load, "reporting-service", Duration.ofSeconds(90));

            long halfWritten = requestsWithoutExactlyOneSubmittedEvent(platform, load.agency)
                    + submittedEventsWithoutRequest(platform);
            Map<String, Integer> onTopics = EventLog.onTopics(platform.bootstrapServers());
            long republished = onTopics.values().stream().filter(n -> n > 1).count();
            long acknowledgedMissing = EventLog.acknowledged(platform).stream()
                    .filter(id -> !onTopics.containsKey(id))
                    .count();

            System.out.println("[faults] ServiceKilledMidTransactionIT: " + load.summary());
            System.out.printf(
                    "[faults] ServiceKilledMidTransactionIT: half-written records %d; events on the topics %d, "
                            + "published twice by a relay killed before marking them sent %d (same id: handled once), "
                            + "acknowledged but missing %d%n",
                    halfWritten, onTopics.size(), republished, acknowledgedMissing);
            report.print("ServiceKilledMidTransactionIT");

            // the submissions whose HTTP call was under way when request-service died and got no answer: sent again
            // with their key, each must have become exactly one request (a replay when the kill came after the commit)
            List<String> cutByTheKill = underwayAtRequestServiceKill.stream()
                    .filter(load.cutOffKeys::containsKey)
                    .toList();
            long committedBeforeTheKill =
                    cutByTheKill.stream().filter(load.replayedKeys::contains).count();
            System.out.printf(
                    "[faults] ServiceKilledMidTransactionIT: %d submissions under way at request-service's kill, "
                            + "%d of them cut off without an answer (%d had been committed before the kill: answered again as a "
                            + "replay; %d created when sent again)%n",
                    underwayAtRequestServiceKill.size(),
                    cutByTheKill.size(),
                    committedBeforeTheKill,
                    cutByTheKill.size() - committedBeforeTheKill);
            assertThat(cutByTheKill)
                    .as("submissions whose HTTP call request-service's kill -9 cut off")
                    .isNotEmpty();
            for (String key : cutByTheKill) {
                assertThat(load.acceptedKeys)
                        .as(
                                "the submission %s, cut off by the kill, accepted when sent again",
                                load.cutOffKeys.get(key))
                        .containsKey(key);
                assertThat(requestsTitled(platform, load.agency, load.cutOffKeys.get(key)))
                        .as("requests created by the submission %s, cut off by the kill", load.cutOffKeys.get(key))
                        .isEqualTo(1);
            }
            assertThat(load.refused.get() + load.unanswered.get())
                    .as("submissions refused or never answered")
                    .isZero();
            assertThat(halfWritten)
                    .as("requests without their event, or events without their request")
                    .isZero();
            assertThat(acknowledgedMissing)
                    .as("acknowledged events missing from the topics")
                    .isZero();
            assertThat(drained)
                    .as("every accepted request delivered: " + load.summary())
                    .isTrue();
            assertThat(report.exact()).as("every read model exact").isTrue();
        }
    }

    private static long requestsTitled(FaultPlatform platform, String agency, String title) throws Exception {
        try (Connection connection = platform.connect("requests");
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from assistance_requests where agency_id = ? and title = ?")) {
            query.setString(1, agency);
            query.setString(2, title);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long requestsWithoutExactlyOneSubmittedEvent(FaultPlatform platform, String agency)
            throws Exception {
        try (Connection connection = platform.connect("requests");
                PreparedStatement query = connection.prepareStatement("""
                     select count(*) from assistance_requests r where r.agency_id = ? and (select count(*) from (
                       select event_key, event_type from outbox union all select event_key, event_type from outbox_published) o
                       where o.event_key = r.id::text and o.event_type = 'assistance.request.submitted.v1') <> 1""")) {
            query.setString(1, agency);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long submittedEventsWithoutRequest(FaultPlatform platform) throws Exception {
        try (Connection connection = platform.connect("requests");
                PreparedStatement query = connection.prepareStatement("""
                     select count(*) from (select event_key, event_type from outbox
                       union all select event_key, event_type from outbox_published) o
                       where o.event_type = 'assistance.request.submitted.v1'
                       and not exists (select 1 from assistance_requests r where r.id::text = o.event_key)""");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
