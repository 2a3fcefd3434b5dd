import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.assistance.chassis.events.Topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's topics (deploy/local/platform runs this file with Kafka's jars and the chassis
 * on the class path: `java -cp ... PlatformTopics.java BOOTSTRAP REPLICATION_FACTOR`). Creates
 * each topic of the chassis' Topics.ALL and its .dlq with Topics.config (kept with no time or
 * size limit, the catalogue compacted) before the services start, sets the same configuration on
 * topics that exist already (a state folder from before history was kept), then prints each
 * topic's configuration as the broker reports it. The chassis is the one source of the list and
 * the configuration; deploy/manifests (LauncherTopicsTest) runs this file against a real broker.
 */
public final class PlatformTopics {
    private static final List<String> SHOWN = List.of("retention.ms", "retention.bytes", "cleanup.policy");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PlatformTopics BOOTSTRAP_SERVERS REPLICATION_FACTOR");
            System.exit(2);
        }
        short replicationFactor = Short.parseShort(args[1]);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000"))) {
            // brokers that have just opened their ports may not all have registered yet: try for a minute
            long deadline = System.currentTimeMillis() + 60_000;
            while (true) {
                try {
                    ensure(admin, replicationFactor);
                    break;
                } catch (ExecutionException e) {
                    if (System.currentTimeMillis() > deadline) {
                        throw e;
                    }
                    Thread.sleep(1000);
                }
            }
            describe(admin).forEach((topic, config) -> System.out.println(topic + " " + config));
        }
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        Topics.ALL.forEach(topic -> names.addAll(List.of(topic, Topics.deadLetters(topic))));
        return names;
    }

    private static void ensure(Admin admin, short replicationFactor) throws Exception {
        Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        Map<ConfigResource, Collection<AlterConfigOp>> kept = new LinkedHashMap<>();
        for (String name : names()) {
            if (existing.contains(name)) {
                kept.put(new ConfigResource(ConfigResource.Type.TOPIC, name), settings(name));
            } else {
                missing.add(new NewTopic(name, Topics.PARTITIONS, replicationFactor).configs(Topics.config(name)));
            }
        }
        if (!kept.isEmpty()) {
            admin.incrementalAlterConfigs(kept).all().get(15, TimeUnit.SECONDS);
        }
        for (var created : admin.createTopics(missing).values().entrySet()) {
            try {
                created.getValue().get(15, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // a service's own provisioning created it meanwhile (with the same configuration): set it anyway
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, created.getKey()),
                        settings(created.getKey()))).all().get(15, TimeUnit.SECONDS);
            }
        }
    }

    private static List<AlterConfigOp> settings(String topic) {
        return Topics.config(topic).entrySet().stream()
                .map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET)).toList();
    }

    /** Each platform topic's retention and cleanup policy, as the broker reports them. */
    private static Map<String, String> describe(Admin admin) throws Exception {
        List<ConfigResource> resources = names().stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(15, TimeUnit.SECONDS);
        Map<String, String> described = new LinkedHashMap<>();
        for (ConfigResource resource : resources) {
            Config config = configs.get(resource);
            StringBuilder line = new StringBuilder();
            for (String key : SHOWN) {
                ConfigEntry entry = config.get(key);
                line.append(line.isEmpty() ? "" : " ").append(key).append('=').append(entry == null ? "?" : entry.value());
            }
            described.put(resource.name(), line.toString());
        }
        return described;
    }
}
