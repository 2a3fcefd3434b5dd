import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.assistance.chassis.outbox.RelayFence;
import org.assistance.chassis.topics.KafkaAccess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The launcher's backup and restore (deploy/local/platform backup DIR | restore DIR runs this file
 * with Kafka's jars, the PostgreSQL driver and the chassis on the class path).
 *
 * <p>backup: a consistent cut of the four databases through the outbox. It takes the chassis'
 * {@link RelayFence} in every service database (no relay of any instance publishes; API writes go
 * on, their events waiting in the outbox beside them), waits until every service's consumer group
 * has consumed everything on the topics (nothing in flight between services), records the groups'
 * offsets, the topics' end offsets and the broker's cluster id, dumps each database (pg_dump -Fc),
 * releases the fence and writes manifest.json. Each dump then holds every write with its events,
 * published (and consumed by the others, whose dumps hold the outcome) or still in its outbox.
 *
 * <p>restore: into a platform whose services are stopped: recreates each database from its dump
 * (pg_restore) and sets every service's consumer group to the end of the topics on this broker.
 * What the dumps' outboxes hold is published by the relays once the services start; what is on the
 * topics already was either consumed before the cut (the dumps hold its outcome) or came after it,
 * from writes the restored databases no longer have, and is skipped. The same rule serves a broker
 * that is the backup's own cluster (databases lost, broker kept) and a new, empty one.
 *
 * <p>Usage: PlatformBackup backup|restore DIR --bootstrap SERVERS --credentials DIR --pg HOST:PORT
 * --pg-user USER [--pg-password P] --database SERVICE=DATABASE... (the services' names are their
 * consumer groups, as the chassis sets them).
 */
public final class PlatformBackup {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** How long the backup waits for the consumers to catch up before it gives up (and lets go of the fence). */
    private static final Duration CATCH_UP = Duration.ofSeconds(Long.getLong("backup.catch-up-seconds", 180));

    /** The last migration applied (versions are text: '10' sorts before '9'). */
    private static final String LATEST_MIGRATION =
            "select version from %s where success and version is not null order by installed_rank desc limit 1";

    private final Map<String, String> databases = new LinkedHashMap<>();
    private String bootstrap;
    private Path credentials;
    private String pgHost;
    private String pgPort;
    private String pgUser = "postgres";
    private String pgPassword = "";

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !Set.of("backup", "restore").contains(args[0])) {
            System.err.println("usage: PlatformBackup backup|restore DIR --bootstrap SERVERS --credentials DIR "
                    + "--pg HOST:PORT --pg-user USER [--pg-password P] --database SERVICE=DATABASE...");
            System.exit(2);
        }
        PlatformBackup tool = new PlatformBackup();
        for (int i = 2; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--bootstrap" -> tool.bootstrap = value;
                case "--credentials" -> tool.credentials = Path.of(value);
                case "--pg" -> {
                    tool.pgHost = value.substring(0, value.lastIndexOf(':'));
                    tool.pgPort = value.substring(value.lastIndexOf(':') + 1);
                }
                case "--pg-user" -> tool.pgUser = value;
                case "--pg-password" -> tool.pgPassword = value;
                case "--database" -> tool.databases.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try {
            if (args[0].equals("backup")) {
                tool.backup(Path.of(args[1]));
            } else {
                tool.restore(Path.of(args[1]));
            }
        } catch (Refused e) {
            System.err.println("platform: " + e.getMessage());
            System.exit(1);
        }
    }

    // ---- backup

    private void backup(Path dir) throws Exception {
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve("manifest.json"))) {
            throw new Refused(dir + " holds a backup already (manifest.json); name a new folder");
        }
        ObjectNode manifest = JSON.createObjectNode();
        try (Admin admin = admin()) {
            String cluster = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
            List<Connection> fences = new ArrayList<>();
            long fenced = System.nanoTime();
            try {
                for (Map.Entry<String, String> db : databases.entrySet()) {
                    Connection c = connect(db.getValue());
                    fences.add(c);
                    // waits for the batch a relay is publishing to commit; then no relay publishes
                    query(c, "set lock_timeout = '60s'");
                    query(c, "select pg_advisory_lock(" + RelayFence.LOCK + ")");
                }
                say("Fenced the outbox relays of " + String.join(", ", databases.keySet())
                        + " (API writes go on; their events wait in the outboxes)");
                Map<String, Map<TopicPartition, Long>> committed = awaitNoLag(admin);
                Instant cut = Instant.now();
                say("Every consumer group has consumed everything published: the cut is " + cut);
                Map<TopicPartition, Long> ends = endOffsets(admin, platformTopics(admin));

                ObjectNode dbs = manifest.putObject("databases");
                for (Map.Entry<String, String> db : databases.entrySet()) {
                    Connection c = fences.get(new ArrayList<>(databases.keySet()).indexOf(db.getKey()));
                    ObjectNode entry = dbs.putObject(db.getKey());
                    entry.put("database", db.getValue());
                    entry.put("file", db.getKey() + ".dump");
                    entry.put("migration", scalar(c, LATEST_MIGRATION.formatted("flyway_schema_history")));
                    entry.put("chassisMigration", scalar(c, LATEST_MIGRATION.formatted("chassis_schema_history")));
                    long started = System.nanoTime();
                    run(List.of("pg_dump", "-Fc", "--no-owner", "--no-privileges", "-h", pgHost, "-p", pgPort, "-U", pgUser,
                            "-f", dir.resolve(db.getKey() + ".dump").toString(), db.getValue()));
                    entry.put("bytes", Files.size(dir.resolve(db.getKey() + ".dump")));
                    say("  dumped %s (%s) in %.1f s, %d bytes".formatted(db.getKey(), db.getValue(),
                            (System.nanoTime() - started) / 1e9, entry.get("bytes").asLong()));
                }
                manifest.put("takenAt", cut.toString());
                ObjectNode kafka = manifest.putObject("kafka");
                kafka.put("clusterId", cluster);
                kafka.put("bootstrapServers", bootstrap);
                ObjectNode groups = kafka.putObject("consumerGroups");
                committed.forEach((group, offsets) -> groups.set(group, JSON.valueToTree(byName(offsets))));
                kafka.set("endOffsets", JSON.valueToTree(byName(ends)));
            } finally {
                for (Connection c : fences) {
                    try {
                        c.close(); // the session's advisory lock goes with it: the relays resume
                    } catch (SQLException e) {
                        System.err.println("could not close a fenced session: " + e.getMessage());
                    }
                }
            }
            double seconds = (System.nanoTime() - fenced) / 1e9;
            manifest.put("relaysFencedSeconds", Math.round(seconds * 10) / 10.0);
            ObjectNode tools = manifest.putObject("tools");
            tools.put("pg_dump", run(List.of("pg_dump", "--version")).trim());
            tools.put("kafka-clients", org.apache.kafka.common.utils.AppInfoParser.getVersion());
            tools.put("java", System.getProperty("java.version"));
            JSON.writeValue(dir.resolve("manifest.json").toFile(), manifest);
            say("Released the fence after %.1f s: the relays publish what waited.".formatted(seconds));
            say("Backup in " + dir + ": " + String.join(", ", databases.keySet().stream().map(s -> s + ".dump").toList())
                    + ", manifest.json (recovery point " + manifest.get("takenAt").asText() + ", Kafka cluster " + cluster + ")");
        }
    }

    /** Waits until every service's group has committed the end of each partition it reads; returns their offsets. */
    private Map<String, Map<TopicPartition, Long>> awaitNoLag(Admin admin) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        long lastSaid = 0;
        while (true) {
            Map<String, Map<TopicPartition, Long>> committed = new TreeMap<>();
            Set<TopicPartition> all = new java.util.HashSet<>();
            for (String group : existingGroups(admin)) {
                Map<TopicPartition, Long> offsets = new HashMap<>();
                for (TopicPartition tp : readPartitions(admin, group)) {
                    offsets.put(tp, 0L); // assigned but never committed: read from the beginning
                }
                committed(admin, group).forEach(offsets::put);
                committed.put(group, offsets);
                all.addAll(offsets.keySet());
            }
            Map<TopicPartition, Long> ends = endOffsets(admin, all);
            long lag = 0;
            List<String> behind = new ArrayList<>();
            for (Map.Entry<String, Map<TopicPartition, Long>> group : committed.entrySet()) {
                long groupLag = 0;
                for (Map.Entry<TopicPartition, Long> tp : group.getValue().entrySet()) {
                    groupLag += Math.max(0, ends.getOrDefault(tp.getKey(), 0L) - tp.getValue());
                }
                if (groupLag > 0) {
                    behind.add(group.getKey() + " " + groupLag);
                }
                lag += groupLag;
            }
            if (lag == 0) {
                return committed;
            }
            if (System.nanoTime() > deadline) {
                throw new Refused("the consumers did not catch up within " + CATCH_UP.toSeconds() + " s (behind: "
                        + String.join(", ", behind) + "); no backup taken, the relays resume");
            }
            if (System.nanoTime() - lastSaid > TimeUnit.SECONDS.toNanos(5)) {
                say("  waiting for the consumers to catch up: " + String.join(", ", behind) + " events behind");
                lastSaid = System.nanoTime();
            }
            Thread.sleep(250);
        }
    }

    // ---- restore

    private void restore(Path dir) throws Exception {
        Path file = dir.resolve("manifest.json");
        if (!Files.exists(file)) {
            throw new Refused("no manifest.json in " + dir + " (not a backup made by 'platform backup')");
        }
        JsonNode manifest = JSON.readTree(file.toFile());
        for (String service : databases.keySet()) {
            JsonNode entry = manifest.path("databases").path(service);
            if (entry.isMissingNode() || !Files.exists(dir.resolve(entry.path("file").asText()))) {
                throw new Refused("the backup in " + dir + " has no dump of " + service);
            }
        }
        try (Admin admin = admin()) {
            // a service stopped a moment ago may still be a member until its session times out
            long membersGone = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (String group : databases.keySet()) {
                List<MemberDescription> members = describe(admin, group);
                while (!members.isEmpty() && System.nanoTime() < membersGone) {
                    Thread.sleep(500);
                    members = describe(admin, group);
                }
                if (!members.isEmpty()) {
                    throw new Refused("the consumer group " + group + " has members (" + members.size()
                            + "): its service is running somewhere; stop it before a restore");
                }
            }
            try (Connection postgres = connect("postgres")) {
                for (Map.Entry<String, String> db : databases.entrySet()) {
                    long started = System.nanoTime();
                    query(postgres, "drop database if exists " + db.getValue() + " with (force)");
                    query(postgres, "create database " + db.getValue());
                    Path dump = dir.resolve(manifest.path("databases").path(db.getKey()).path("file").asText());
                    run(List.of("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "-h", pgHost, "-p", pgPort,
                            "-U", pgUser, "-d", db.getValue(), dump.toString()));
                    try (Connection c = connect(db.getValue())) {
                        say("  restored %s (%s) in %.1f s: %s events waiting in its outbox".formatted(db.getKey(), db.getValue(),
                                (System.nanoTime() - started) / 1e9, scalar(c, "select count(*) from outbox")));
                    }
                }
            }

            String cluster = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
            String backedUp = manifest.path("kafka").path("clusterId").asText();
            boolean sameCluster = cluster.equals(backedUp);
            // every partition the groups read, then or now: to the end of the topic on this broker
            Map<TopicPartition, Long> recorded = new HashMap<>();
            Set<TopicPartition> read = new java.util.HashSet<>();
            for (String group : databases.keySet()) {
                manifest.path("kafka").path("consumerGroups").path(group).properties().forEach(tp -> {
                    TopicPartition partition = partition(tp.getKey());
                    read.add(partition);
                    recorded.merge(partition, tp.getValue().asLong(), Math::min);
                });
                read.addAll(committed(admin, group).keySet());
            }
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Set<TopicPartition> here = read.stream().filter(tp -> existing.contains(tp.topic())).collect(Collectors.toSet());
            Map<TopicPartition, Long> ends = endOffsets(admin, here);
            long skipped = 0;
            for (String group : databases.keySet()) {
                Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
                manifest.path("kafka").path("consumerGroups").path(group).fieldNames().forEachRemaining(tp -> {
                    if (ends.containsKey(partition(tp))) {
                        reset.put(partition(tp), new OffsetAndMetadata(ends.get(partition(tp))));
                    }
                });
                for (TopicPartition tp : committed(admin, group).keySet()) {
                    reset.put(tp, new OffsetAndMetadata(ends.get(tp)));
                }
                if (!reset.isEmpty()) {
                    admin.alterConsumerGroupOffsets(group, reset).all().get(30, TimeUnit.SECONDS);
                }
            }
            if (sameCluster) {
                for (Map.Entry<TopicPartition, Long> tp : ends.entrySet()) {
                    skipped += Math.max(0, tp.getValue() - recorded.getOrDefault(tp.getKey(), tp.getValue()));
                }
                say("Kafka: the backup's own cluster (" + cluster + "): " + skipped + " events were published after the"
                        + " backup; the consumer groups skip them (they came from writes the restored databases no"
                        + " longer have, or are events the restored outboxes publish again)");
            } else {
                say("Kafka: a new cluster (" + cluster + ", the backup's was " + backedUp + "): the consumer groups start at"
                        + " the end of its topics; the restored outboxes are published by the relays");
            }
            say("Restored the backup of " + manifest.path("takenAt").asText() + " (its recovery point: writes after it are lost).");
        }
    }

    // ---- Kafka

    private Admin admin() throws IOException {
        Map<String, Object> settings = new HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"));
        if (credentials != null) {
            settings.put("security.protocol", "SASL_PLAINTEXT");
            settings.put("sasl.mechanism", KafkaAccess.MECHANISM);
            settings.put("sasl.jaas.config", KafkaAccess.jaasConfig(KafkaAccess.ADMIN_USER,
                    Files.readString(credentials.resolve(KafkaAccess.ADMIN_USER + ".password")).trim()));
        }
        return Admin.create(settings);
    }

    /** The services' groups that exist on the broker (a service that never ran has none). */
    private List<String> existingGroups(Admin admin) throws Exception {
        Set<String> listed = admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                .map(GroupListing::groupId)
                .collect(Collectors.toSet());
        return databases.keySet().stream().filter(listed::contains).toList();
    }

    private static List<MemberDescription> describe(Admin admin, String group) throws Exception {
        try {
            ConsumerGroupDescription description =
                    admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
            return description == null ? List.of() : List.copyOf(description.members());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of();
            }
            throw e;
        }
    }

    private static Set<TopicPartition> readPartitions(Admin admin, String group) throws Exception {
        Set<TopicPartition> assigned = new java.util.HashSet<>();
        for (MemberDescription member : describe(admin, group)) {
            assigned.addAll(member.assignment().topicPartitions());
        }
        return assigned;
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try {
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .forEach((tp, offset) -> {
                        if (offset != null) {
                            offsets.put(tp, offset.offset());
                        }
                    });
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
        return offsets;
    }

    private static Set<TopicPartition> platformTopics(Admin admin) throws Exception {
        Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        Set<TopicPartition> partitions = new java.util.HashSet<>();
        admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        return partitions;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<TopicPartition> partitions) throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static Map<String, Long> byName(Map<TopicPartition, Long> offsets) {
        Map<String, Long> named = new TreeMap<>();
        offsets.forEach((tp, offset) -> named.put(tp.topic() + "-" + tp.partition(), offset));
        return named;
    }

    private static TopicPartition partition(String name) {
        int dash = name.lastIndexOf('-');
        return new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1)));
    }

    // ---- PostgreSQL

    private Connection connect(String database) throws SQLException {
        DriverManager.setLoginTimeout(10);
        return DriverManager.getConnection("jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database, pgUser, pgPassword);
    }

    private static void query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String scalar(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null; // e.g. a table this database does not have
        }
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", pgPassword);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new Refused(command.get(0) + " failed: " + output.trim());
        }
        return output;
    }

    private static void say(String line) {
        System.out.println(line);
    }

    /** A failure the operator can act on: said in one line, no stack trace. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
