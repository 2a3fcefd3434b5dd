package org.assistance.chassis.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void ids_are_version_7_of_the_rfc_4122_variant_and_carry_the_time_they_were_made() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, after + 1);
    }

    @Test
    void ids_made_one_after_the_other_only_grow_even_within_one_millisecond() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        for (int i = 1; i < ids.size(); i++) {
            // as PostgreSQL compares uuids: byte by byte, unsigned
            assertThat(unsignedCompare(ids.get(i - 1), ids.get(i)))
                    .as("id %d after id %d", i, i - 1)
                    .isNegative();
        }
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
    }

    @Test
    void threads_making_ids_at_once_never_get_the_same_one() throws Exception {
        Set<UUID> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    ids.add(TimeOrderedIds.next());
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(ids).hasSize(40_000);
    }

    private static int unsignedCompare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
