package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Two reporting-service instances share the consumer group, so each reads half of every topic's
 * partitions. One is killed -9 under a steady load: the other takes its partitions over within
 * seconds and, once the killed one is back, gives half of them back; the dashboard and timelines
 * end exact, nothing counted twice although the killed instance's last records are read again.
 */
@Order(Order.DEFAULT + 2)
class ReportingInstanceTakeoverIT {
    private static final int PARTITIONS = 3 * 6;

    @Test
    void the_surviving_instance_takes_over_and_the_counts_end_exact() throws Exception {
        FaultPlatform platform = FaultPlatform.with(FaultPlatform.Topology.ONE_BROKER_TWO_REPORTERS);
        try (Admin admin = Admin.create(KafkaLogin.asAdmin(platform.bootstrapServers()));
                LoadGenerator load = new LoadGenerator(platform, "reporting-takeover", "CO", 4, 1).start()) {
            Thread.sleep(10_000);
            assertThat(instancesReading(admin))
                    .as("reporting-service instances reading, each with its partitions")
                    .isEqualTo(2);

            long killed = System.nanoTime();
            platform.kill("reporting-service-2");
            while (instancesReading(admin) != 1) {
                assertThat(System.nanoTime() - killed)
                        .as("takeover within 60 s")
                        .isLessThan(TimeUnit.SECONDS.toNanos(60));
                Thread.sleep(200);
            }
            double takeover = (System.nanoTime() - killed) / 1e9;
            System.out.printf(
                    "[faults] ReportingInstanceTakeoverIT: reporting-service-2 killed -9; reporting-service "
                            + "read all %d partitions %.1f s later%n",
                    PARTITIONS, takeover);

            Thread.sleep(5_000);
            platform.start("reporting-service-2"); // the load goes on while it starts
            boolean drained = load.drain(Duration.ofSeconds(90));
            ReadModels.Report report =
                    ReadModels.awaitExact(platform, load, "reporting-service", Duration.ofSeconds(90));
            int readingAtTheEnd = instancesReading(admin);

            System.out.println("[faults] ReportingInstanceTakeoverIT: " + load.summary());
            report.print("ReportingInstanceTakeoverIT");
            assertThat(takeover)
                    .as("seconds until the survivor read every partition")
                    .isLessThan(30);
            assertThat(readingAtTheEnd)
                    .as("instances sharing the partitions again after the restart")
                    .isEqualTo(2);
            assertThat(drained)
                    .as("every accepted request delivered: " + load.summary())
                    .isTrue();
            assertThat(report.exact()).as("every read model exact").isTrue();
        }
    }

    /** How many reporting-service instances hold partitions, once the group has every partition assigned. */
    private static int instancesReading(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(java.util.List.of("reporting-service"))
                .all()
                .get(10, TimeUnit.SECONDS)
                .get("reporting-service");
        int assigned = group.members().stream()
                .mapToInt(m -> m.assignment().topicPartitions().size())
                .sum();
        if (assigned != PARTITIONS) {
            return -1; // rebalancing
        }
        // three consumers (one per topic) per instance, each instance a client of its own process
        return (int) group.members().stream()
                        .filter(m -> !m.assignment().topicPartitions().isEmpty())
                        .map(MemberDescription::consumerId)
                        .count()
                / 3;
    }
}
