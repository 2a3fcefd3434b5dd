package org.assistance.reportingservice.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeenEventsTest {
    @Test
    void an_event_is_new_once_however_often_it_comes_and_however_many_there_are() {
        SeenEvents seen = new SeenEvents(4);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            ids.add(UUID.randomUUID());
        }
        ids.add(new UUID(0, 0));
        ids.add(new UUID(0, 1));
        ids.add(new UUID(1, 0));
        for (UUID id : ids) {
            assertThat(seen.add(id)).as("first time %s", id).isTrue();
        }
        for (UUID id : ids) {
            assertThat(seen.add(id)).as("again %s", id).isFalse();
            assertThat(seen.add(new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits())))
                    .isFalse();
        }
        assertThat(seen.size()).isEqualTo(ids.size());
    }
}
