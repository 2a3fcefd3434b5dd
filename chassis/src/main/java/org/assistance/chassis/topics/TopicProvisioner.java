package org.assistance.chassis.topics;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.assistance.chassis.events.Topics;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Creates the platform's topics (6 partitions each, and their dead-letter topics, kept for ever;
 * the catalogue compacted) where they are missing, and sets the same on existing ones, so that a first consumer does not wait on auto-creation. On by default for
 * local runs and tests; in production topics are declared (Strimzi KafkaTopic) and this is off.
 */
@ApplicationScoped
public class TopicProvisioner {
    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "assistance.topics.provision", defaultValue = "true")
    boolean provision;
    @ConfigProperty(name = "assistance.topics.replication-factor", defaultValue = "1")
    short replicationFactor;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (provision) {
            // in the background: a service starts (and takes requests into its outbox) while Kafka is away
            Thread thread = new Thread(this::ensureTopics, "topic-provisioner");
            thread.setDaemon(true);
            thread.start();
        }
    }

    public void ensureTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000"))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> kept = new HashMap<>();
            for (String topic : Topics.ALL) {
                for (String name : List.of(topic, Topics.deadLetters(topic))) {
                    if (!existing.contains(name)) {
                        missing.add(new NewTopic(name, Topics.PARTITIONS, replicationFactor).configs(Topics.config(name)));
                    } else {
                        // topics created before history was kept for ever get the same settings
                        kept.put(new ConfigResource(ConfigResource.Type.TOPIC, name), Topics.config(name).entrySet()
                                .stream().map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()),
                                        AlterConfigOp.OpType.SET)).toList());
                    }
                }
            }
            if (!kept.isEmpty()) {
                admin.incrementalAlterConfigs(kept).all().get(10, TimeUnit.SECONDS);
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).values().forEach((name, done) -> {
                    try {
                        done.get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        // another service created it at the same moment
                        LOG.debugf("Topic %s: %s", name, e.getMessage());
                    }
                });
                LOG.infof("Created topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("Could not check the platform topics (%s); the broker creates them on first use", e.getMessage());
        }
    }
}
