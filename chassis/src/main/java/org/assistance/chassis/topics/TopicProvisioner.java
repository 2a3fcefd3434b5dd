package org.assistance.chassis.topics;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.assistance.chassis.events.Topics;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the platform's topics that this service writes or reads (6 partitions each, and their
 * dead-letter topics, kept for ever; the catalogue compacted) where they are missing, and sets the same on existing ones, so that a first consumer does not wait on auto-creation. On by default for
 * local runs and tests; in production topics are declared (Strimzi KafkaTopic) and this is off.
 */
@ApplicationScoped
public class TopicProvisioner {
    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    @Inject
    KafkaClientSettings kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Inject
    TopicsConfig config;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (config.provision()) {
            // in the background: a service starts (and takes requests into its outbox) while Kafka is away
            Thread thread = new Thread(this::ensureTopics, "topic-provisioner");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * The topics this service writes or reads and their dead-letter topics: the ones its Kafka
     * user may create. A stand-in application that is no platform service (the chassis' tests)
     * provisions every topic, as the operator would.
     */
    List<String> touched() {
        List<String> topics = Topics.SERVICES.contains(service)
                ? java.util.stream.Stream.concat(Topics.ownedBy(service).stream(), Topics.consumedBy(service).stream())
                        .distinct()
                        .toList()
                : Topics.ALL;
        List<String> names = new ArrayList<>();
        topics.forEach(topic -> names.addAll(List.of(topic, Topics.deadLetters(topic))));
        return names;
    }

    /** Only the owner of a topic sets the configuration of the topic and of its dead-letter topic. */
    private boolean configures(String name) {
        if (!Topics.SERVICES.contains(service)) {
            return true;
        }
        String topic = name.endsWith(".dlq") ? name.substring(0, name.length() - ".dlq".length()) : name;
        return service.equals(Topics.owner(topic));
    }

    public void ensureTopics() {
        Map<String, Object> settings = kafka.common();
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(settings)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> kept = new HashMap<>();
            for (String name : touched()) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, Topics.PARTITIONS, config.replicationFactor())
                            .configs(Topics.config(name)));
                } else if (configures(name)) {
                    // topics created before history was kept for ever get the same settings
                    kept.put(
                            new ConfigResource(ConfigResource.Type.TOPIC, name),
                            Topics.config(name).entrySet().stream()
                                    .map(c -> new AlterConfigOp(
                                            new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET))
                                    .toList());
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
                LOG.infof(
                        "Created topics %s",
                        missing.stream().map(NewTopic::name).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("Could not check the platform topics (%s); the broker creates them on first use", e.getMessage());
        }
    }
}
