package org.assistance.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each service's consumer group is behind the ends of the topics it reads, from the
 * offsets it committed. The connector commits every few seconds (throttled strategy), so a lag
 * read here is an upper bound of what the service still has to handle.
 */
final class ConsumerLag implements AutoCloseable {
    private final Admin admin;

    ConsumerLag() {
        Properties props = new Properties();
        props.putAll(Platform.kafkaAdmin());
        this.admin = Admin.create(props);
    }

    /** Events the group has not committed yet, over every partition it reads. */
    long of(String group) throws Exception {
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

    /** The largest and the last lag seen of one group while a load ran. */
    record Course(long max, long last, int samples) {}

    /** Samples every group's lag (every 500 ms, all groups at each sample) until stopped. */
    final class Sampler implements AutoCloseable {
        private final List<String> groups;
        private final Map<String, long[]> seen = new LinkedHashMap<>(); // max, last, samples
        private final Thread thread;
        private volatile boolean sampling = true;

        Sampler(List<String> groups) {
            this.groups = groups;
            groups.forEach(g -> seen.put(g, new long[3]));
            this.thread = new Thread(this::sample, "consumer-lag-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            while (sampling) {
                long next = System.nanoTime() + 500_000_000L;
                for (String group : groups) {
                    try {
                        long lag = of(group);
                        synchronized (seen) {
                            long[] course = seen.get(group);
                            course[0] = Math.max(course[0], lag);
                            course[1] = lag;
                            course[2]++;
                        }
                    } catch (Exception e) {
                        // a sample missed; the next one counts
                    }
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }

        /** Stops sampling; answers each group's course over the run. */
        Map<String, Course> stop() throws InterruptedException {
            sampling = false;
            thread.join();
            Map<String, Course> courses = new LinkedHashMap<>();
            synchronized (seen) {
                seen.forEach((g, c) -> courses.put(g, new Course(c[0], c[1], (int) c[2])));
            }
            return courses;
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }

    Sampler sample(List<String> groups) {
        return new Sampler(groups);
    }

    /**
     * Waits until every group has committed everything on its topics, watching all of them at once
     * (every 100 ms); answers the seconds each took from now. A group still behind after the
     * timeout is answered as NaN.
     */
    Map<String, Double> awaitCaughtUp(List<String> groups, int timeoutSeconds) throws Exception {
        long begin = System.nanoTime();
        Map<String, Double> seconds = new LinkedHashMap<>();
        List<String> behind = new ArrayList<>(groups);
        while (!behind.isEmpty()) {
            for (String group : List.copyOf(behind)) {
                if (of(group) == 0) {
                    seconds.put(group, (System.nanoTime() - begin) / 1e9);
                    behind.remove(group);
                }
            }
            if (System.nanoTime() - begin > timeoutSeconds * 1_000_000_000L) {
                behind.forEach(g -> seconds.put(g, Double.NaN));
                System.out.println("  still behind after " + timeoutSeconds + " s: " + behind);
                break;
            }
            Thread.sleep(100);
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        groups.forEach(g -> ordered.put(g, seconds.get(g)));
        return ordered;
    }

    @Override
    public void close() {
        admin.close();
    }
}
