package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Three brokers (replication factor 3, min.insync.replicas 2, producers with acks=all). The leader
 * of a partition the requests go through is killed -9 under a steady load: every event a relay had
 * acknowledged is on the topics, the read models end exact, and the broker rejoins once restarted.
 */
@Order(Order.DEFAULT + 5)
class BrokerNodeLossIT {

    @Test
    void no_acknowledged_event_is_lost_when_a_broker_is_killed() throws Exception {
        FaultPlatform platform = FaultPlatform.with(FaultPlatform.Topology.THREE_BROKERS);
        try (Admin admin = Admin.create(KafkaLogin.asAdmin(platform.bootstrapServers()));
                LoadGenerator load = new LoadGenerator(platform, "broker-loss", "PH", 4, 1).start()) {
            TopicDescription requests = describe(admin, "assistance.requests");
            assertThat(requests.partitions())
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            Thread.sleep(10_000);

            String victim = "kafka-" + requests.partitions().get(0).leader().id();
            long killedAt = System.currentTimeMillis();
            platform.kill(victim);
            System.out.printf(
                    "[faults] BrokerNodeLossIT: %s (leader of assistance.requests-0) killed -9 after %d accepted requests%n",
                    victim, load.accepted.size());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (describe(admin, "assistance.requests").partitions().stream()
                    .anyMatch(p -> p.leader() == null
                            || victim.equals("kafka-" + p.leader().id()))) {
                assertThat(System.nanoTime())
                        .as("leaders elected elsewhere within 60 s")
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
            System.out.printf(
                    "[faults] BrokerNodeLossIT: every partition led by a surviving broker %.1f s after the kill%n",
                    (System.currentTimeMillis() - killedAt) / 1e3);

            Thread.sleep(20_000);
            boolean drained = load.drain(LoadGenerator.DRAIN_DEADLINE);
            ReadModels.Report report =
                    ReadModels.awaitExact(platform, load, "reporting-service", Duration.ofSeconds(90));
            Set<String> acknowledged = EventLog.acknowledged(platform);
            Map<String, Integer> onTopics = EventLog.onTopics(platform.bootstrapServers());
            long lost = acknowledged.stream()
                    .filter(id -> !onTopics.containsKey(id))
                    .count();
            double longestStall = longestCommitToAcknowledgement(platform);

            System.out.println("[faults] BrokerNodeLossIT: " + load.summary());
            System.out.printf(
                    "[faults] BrokerNodeLossIT: events acknowledged by Kafka %d, on the topics %d, lost %d; "
                            + "longest commit-to-acknowledgement %.1f s%n",
                    acknowledged.size(), onTopics.size(), lost, longestStall);
            report.print("BrokerNodeLossIT");

            platform.start(victim);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (describe(admin, "assistance.requests").partitions().stream()
                    .anyMatch(p -> p.isr().size() < 3)) {
                assertThat(System.nanoTime())
                        .as(victim + " back in every ISR within 90 s")
                        .isLessThan(deadline);
                Thread.sleep(500);
            }
            System.out.printf("[faults] BrokerNodeLossIT: %s restarted and back in sync on every partition%n", victim);

            assertThat(lost).as("acknowledged events missing from the topics").isZero();
            assertThat(load.refused.get() + load.unanswered.get())
                    .as("submissions refused or never answered")
                    .isZero();
            assertThat(drained)
                    .as("every accepted request delivered: " + load.summary())
                    .isTrue();
            assertThat(report.exact()).as("every read model exact").isTrue();
        }
    }

    private static TopicDescription describe(Admin admin, String topic) throws Exception {
        return admin.describeTopics(Set.of(topic))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(topic);
    }

    private static double longestCommitToAcknowledgement(FaultPlatform platform) throws Exception {
        double longest = 0;
        for (String database : EventLog.DATABASES) {
            try (Connection connection = platform.connect(database);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "select coalesce(max(extract(epoch from sent_at - occurred_at)), 0) from outbox_published")) {
                rows.next();
                longest = Math.max(longest, rows.getDouble(1));
            }
        }
        return longest;
    }
}
