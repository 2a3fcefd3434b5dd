package org.assistance.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.topics.TopicProvisioner;
import org.assistance.testsupport.KafkaBroker;
import org.junit.jupiter.api.Test;

/** A rebuild a week (or years) later still sees the whole history: no topic forgets. */
@QuarkusTest
class TopicSettingsTest {
    @Inject
    TopicProvisioner provisioner;

    @Test
    void every_platform_topic_keeps_its_events_for_ever_and_the_catalogue_is_compacted() throws Exception {
        provisioner.ensureTopics();
        try (Admin admin = admin()) {
            for (String topic : Topics.ALL) {
                for (String name : List.of(topic, Topics.deadLetters(topic))) {
                    Config config = configOf(admin, name);
                    assertThat(config.get("retention.ms").value()).as(name).isEqualTo("-1");
                    assertThat(config.get("retention.bytes").value()).as(name).isEqualTo("-1");
                    assertThat(config.get("cleanup.policy").value())
                            .as(name)
                            .isEqualTo(name.equals(Topics.CATALOGUE) ? "compact" : "delete");
                }
            }
        }
    }

    @Test
    void a_topic_created_with_the_brokers_seven_days_is_set_to_keep_everything_at_the_next_start() throws Exception {
        provisioner.ensureTopics();
        try (Admin admin = admin()) {
            ConfigResource shipments = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SHIPMENTS);
            admin.incrementalAlterConfigs(Map.of(
                            shipments,
                            List.of(new AlterConfigOp(
                                    new ConfigEntry("retention.ms", "604800000"), AlterConfigOp.OpType.SET))))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            assertThat(configOf(admin, Topics.SHIPMENTS).get("retention.ms").value())
                    .isEqualTo("604800000");

            provisioner.ensureTopics();

            assertThat(configOf(admin, Topics.SHIPMENTS).get("retention.ms").value())
                    .isEqualTo("-1");
        }
    }

    private static Admin admin() {
        return Admin.create(Map.<String, Object>copyOf(KafkaBroker.shared().adminSettings()));
    }

    private static Config configOf(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource))
                .all()
                .get(10, TimeUnit.SECONDS)
                .get(resource);
    }
}
