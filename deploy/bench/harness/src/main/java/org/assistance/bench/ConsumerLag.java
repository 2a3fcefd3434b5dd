package org.assistance.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a service's consumer group is behind the ends of the topics it reads. */
final class ConsumerLag {
    private ConsumerLag() {}

    static long of(String group) throws Exception {
        Properties props = new Properties();
        props.putAll(Platform.kafkaAdmin());
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get();
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                if (entry.getValue() != null) {
                    lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                }
            }
            return lag;
        }
    }

    /**
     * Waits until the group has committed everything on its topics; answers the seconds waited.
     * Offsets are committed every few seconds, so this is an upper bound.
     */
    static double awaitCaughtUp(String group, int timeoutSeconds) throws Exception {
        long begin = System.nanoTime();
        while (of(group) > 0) {
            if (System.nanoTime() - begin > timeoutSeconds * 1_000_000_000L) {
                throw new IllegalStateException(
                        group + " still has " + of(group) + " events to read after " + timeoutSeconds + " s");
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - begin) / 1e9;
    }
}
