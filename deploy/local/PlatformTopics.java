import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.topics.KafkaAccess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 *
 * With a credentials folder (`... BOOTSTRAP REPLICATION_FACTOR CREDENTIALS_DIR`, the launcher's
 * state/kafka/credentials), it logs in as the admin (SCRAM-SHA-512, admin.password), sets each
 * service's SCRAM credential from SERVICE.password and gives it exactly the ACLs of the chassis'
 * KafkaAccess (what the Strimzi KafkaUsers also say): its own topics to write, what it consumes
 * to read, the dead-letter topics of what it consumes; ACLs no longer derived are removed.
 */
public final class PlatformTopics {
    private static final List<String> SHOWN = List.of("retention.ms", "retention.bytes", "cleanup.policy");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PlatformTopics BOOTSTRAP_SERVERS REPLICATION_FACTOR [CREDENTIALS_DIR]");
            System.exit(2);
        }
        short replicationFactor = Short.parseShort(args[1]);
        Path credentials = args.length > 2 ? Path.of(args[2]) : null;
        Map<String, Object> settings = new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000"));
        if (credentials != null) {
            settings.put("security.protocol", "SASL_PLAINTEXT");
            settings.put("sasl.mechanism", KafkaAccess.MECHANISM);
            settings.put("sasl.jaas.config", KafkaAccess.jaasConfig(KafkaAccess.ADMIN_USER, password(credentials, KafkaAccess.ADMIN_USER)));
        }
        try (Admin admin = Admin.create(settings)) {
            // brokers that have just opened their ports may not all have registered yet: try for a minute
            long deadline = System.currentTimeMillis() + 60_000;
            while (true) {
                try {
                    ensure(admin, replicationFactor);
                    if (credentials != null) {
                        users(admin, credentials);
                    }
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

    private static String password(Path credentials, String user) throws java.io.IOException {
        return Files.readString(credentials.resolve(user + ".password")).strip();
    }

    /** Each service's SCRAM credential and exactly its derived ACLs. */
    private static void users(Admin admin, Path credentials) throws Exception {
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        for (String service : Topics.SERVICES) {
            users.add(new UserScramCredentialUpsertion(service,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password(credentials, service)));
        }
        admin.alterUserScramCredentials(users).all().get(15, TimeUnit.SECONDS);
        Map<String, List<AclBinding>> wanted = KafkaAccess.bindingsByService();
        List<AclBinding> all = wanted.values().stream().flatMap(List::stream).toList();
        List<AclBindingFilter> stale = admin.describeAcls(AclBindingFilter.ANY).values().get(15, TimeUnit.SECONDS).stream()
                .filter(binding -> wanted.containsKey(binding.entry().principal().replaceFirst("^User:", "")))
                .filter(binding -> !all.contains(binding))
                .map(AclBinding::toFilter).toList();
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale).all().get(15, TimeUnit.SECONDS);
        }
        admin.createAcls(all).all().get(15, TimeUnit.SECONDS);
        wanted.forEach((service, bindings) -> System.out.println("kafka user " + service + ": " + bindings.size() + " ACLs"));
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
