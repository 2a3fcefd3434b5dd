package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.assistance.topology.Service;
import org.assistance.topology.Topology;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * `platform backup` under traffic, then `platform restore` into a second, fresh platform (its own
 * state folder, ports, databases and broker: a new Kafka cluster). The restored platform answers
 * for every request it has exactly as the first one does, has every request the first had accepted
 * when the backup started, its read models agree with its request-service, its outboxes drain and
 * nothing is dead-lettered on the way.
 */
@Order(Order.DEFAULT + 2)
class BackupAndRestoreIT {
    private static final Path RESTORED_STATE = Launcher.ROOT.resolve("deploy/system-tests/target/restored-platform");
    /** Beside the fault platform (ports + offset + 500 clash with none of it, instances included). */
    private static final int RESTORED_OFFSET = Launcher.PORT_OFFSET + 500;

    private static final Topology RESTORED = Topology.shiftedBy(RESTORED_OFFSET);
    private static final String AGENCY_SCENARIO = "backup-restore";
    private static final String COUNTRY = "BW";

    private final String restoredPrefix = Launcher.uniquePrefix("restored");
    private final Map<String, String> restoredEnv = Map.of(
            "ASSISTANCE_PORT_OFFSET", Integer.toString(RESTORED_OFFSET), "ASSISTANCE_DATABASE_PREFIX", restoredPrefix);
    private final Map<String, String> restoredTokens = new LinkedHashMap<>();

    @Test
    void a_backup_taken_under_traffic_restores_into_a_fresh_platform_that_answers_as_the_first_and_agrees_with_itself()
            throws Exception {
        FaultPlatform first = FaultPlatform.with(FaultPlatform.Topology.ONE_BROKER_TWO_REPORTERS);
        Path backup = Launcher.ROOT.resolve("deploy/system-tests/target/backup-" + System.currentTimeMillis());
        Set<UUID> acceptedWhenTheBackupStarted;
        try (LoadGenerator load = new LoadGenerator(first, AGENCY_SCENARIO, COUNTRY, 3, 1).start()) {
            Thread.sleep(15_000); // requests submitted, approved, dispatched, delivered
            // from here only submissions: what the staff did is all before the cut, so every request the
            // restored platform has can answer exactly as on the first one
            load.stopStaff();
            acceptedWhenTheBackupStarted = Set.copyOf(load.accepted.keySet());
            Launcher.Outcome taken = Launcher.run(FaultPlatform.STATE, first.env, 300, "backup", backup.toString());
            assertThat(taken.exitCode()).as(taken.output()).isZero();
            assertThat(taken.output()).contains("Fenced the outbox relays", "Released the fence");
            Thread.sleep(3_000); // submissions after the backup: writes the restored platform must not have
            load.stopSubmitting();
            System.out.println("[backup] " + load.summary());
        }
        assertThat(acceptedWhenTheBackupStarted)
                .as("requests before the backup")
                .isNotEmpty();
        JsonNode manifest =
                new ObjectMapper().readTree(backup.resolve("manifest.json").toFile());
        for (Service service : Topology.SERVICES) {
            assertThat(backup.resolve(service.name() + ".dump"))
                    .as(service.name())
                    .isNotEmptyFile();
        }
        assertThat(manifest.path("kafka").path("consumerGroups").has("reporting-service"))
                .as("the manifest records the consumer groups' offsets: " + manifest)
                .isTrue();

        Launcher.run(RESTORED_STATE, restoredEnv, 120, "down");
        FaultPlatform.deleteTree(RESTORED_STATE);
        try {
            Launcher.Outcome up = Launcher.run(RESTORED_STATE, restoredEnv, 600, "up");
            assertThat(up.exitCode()).as(up.output()).isZero();
            Launcher.Outcome restored = Launcher.run(RESTORED_STATE, restoredEnv, 600, "restore", backup.toString());
            assertThat(restored.exitCode()).as(restored.output()).isZero();
            assertThat(restored.output())
                    .contains(
                            "a new cluster",
                            "Restored the backup of " + manifest.path("takenAt").asText());

            String partnerOnFirst = first.token("partner", "--agency", "agency-" + AGENCY_SCENARIO);
            String partner = restoredToken("partner", "--agency", "agency-" + AGENCY_SCENARIO);
            Set<UUID> onTheFirst = ids(Http.all(first.url("request-service") + "/requests?limit=100", partnerOnFirst));
            Set<UUID> restoredRequests = ids(Http.all(restoredUrl("request-service") + "/requests?limit=100", partner));
            System.out.printf(
                    "[backup] %d requests accepted when the backup started, %d on the first platform now, %d restored%n",
                    acceptedWhenTheBackupStarted.size(), onTheFirst.size(), restoredRequests.size());
            assertThat(restoredRequests)
                    .as("every request accepted before the backup started is restored")
                    .containsAll(acceptedWhenTheBackupStarted);
            assertThat(onTheFirst)
                    .as("the restored platform has no request the first never had")
                    .containsAll(restoredRequests);

            // the events the backup's outboxes held reach the restored platform's consumers: wait until both are quiet
            List<String> disagreements = List.of("not looked at yet");
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!disagreements.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(2_000);
                disagreements = disagreements(first, partnerOnFirst, partner, restoredRequests);
            }
            assertThat(disagreements)
                    .as("what differs, for %d restored requests", restoredRequests.size())
                    .isEmpty();
            assertThat(unsentEvents())
                    .as("events left in the restored outboxes")
                    .isZero();

            String admin = restoredToken("admin");
            String adminOnFirst = first.token("admin");
            for (Service service : Topology.SERVICES) {
                Set<String> restoredLetters = letters(restoredUrl(service.name()), admin);
                assertThat(letters(first.url(service.name()), adminOnFirst))
                        .as("dead letters of " + service.name() + ": the restore dead-lettered nothing")
                        .containsAll(restoredLetters);
            }
        } finally {
            Launcher.run(RESTORED_STATE, restoredEnv, 180, "down");
            Launcher.dropDatabases(restoredPrefix);
        }
    }

    /** Everything that still differs: a request's answer between the platforms, or the restored read models from its request-service. */
    private List<String> disagreements(FaultPlatform first, String partnerOnFirst, String partner, Set<UUID> requests)
            throws Exception {
        List<String> found = new ArrayList<>();
        String reviewer = restoredToken("reviewer");
        Map<String, Integer> byStage = new TreeMap<>();
        for (UUID id : requests) {
            JsonNode restored = json(restoredUrl("request-service") + "/requests/" + id, partner, found);
            JsonNode original = json(first.url("request-service") + "/requests/" + id, partnerOnFirst, found);
            if (restored == null || original == null) {
                continue;
            }
            if (!restored.equals(original)) {
                found.add(id + " answers " + restored + " restored, " + original + " on the first platform");
            }
            String status = restored.path("status").asText();
            byStage.merge(PlatformInvariants.TIMELINE_PHASE.get(status), 1, Integer::sum);
            JsonNode reviewed = json(restoredUrl("program-service") + "/reviews/" + id, reviewer, found);
            String review =
                    reviewed == null ? "missing" : reviewed.path("status").asText();
            if (!PlatformInvariants.REVIEW_STATUS.getOrDefault(status, Set.of()).contains(review)) {
                found.add(id + " is " + status + " in request-service, its review " + review + " in program-service");
            }
            List<String> types = new ArrayList<>();
            Set<String> events = new HashSet<>();
            JsonNode timeline =
                    json(restoredUrl("reporting-service") + "/requests/" + id + "/timeline", partner, found);
            for (JsonNode entry : timeline == null ? JsonNodeFactory.instance.arrayNode() : timeline) {
                types.add(entry.path("type").asText());
                if (!events.add(entry.path("eventId").asText())) {
                    found.add(id + ": reporting's timeline has event "
                            + entry.path("eventId").asText() + " twice");
                }
            }
            String phase = PlatformInvariants.phaseOf(types);
            if (types.isEmpty() || !phase.equals(PlatformInvariants.TIMELINE_PHASE.get(status))) {
                found.add(id + " is " + status + " in request-service, reporting's timeline tells " + phase + " "
                        + types);
            }
        }
        JsonNode dashboard = json(
                restoredUrl("reporting-service") + "/dashboard?country=" + COUNTRY, restoredToken("operations"), found);
        if (dashboard == null) {
            return found;
        }
        Map<String, Integer> shown = new TreeMap<>();
        dashboard.path("byStage").properties().forEach(stage -> {
            String phase =
                    Set.of("SUBMITTED", "INFORMATION_REQUESTED", "UNDER_REVIEW").contains(stage.getKey())
                            ? "IN_REVIEW"
                            : stage.getKey();
            if (stage.getValue().asInt() > 0) {
                shown.merge(phase, stage.getValue().asInt(), Integer::sum);
            }
        });
        if (!shown.equals(byStage) || dashboard.path("requests").asInt() != requests.size()) {
            found.add("the dashboard of " + COUNTRY + " shows "
                    + dashboard.path("requests").asInt() + " requests " + shown + ", request-service " + requests.size()
                    + " " + byStage);
        }
        long unsent = unsentEvents();
        if (unsent > 0) {
            found.add(unsent + " events still in the restored outboxes");
        }
        return found;
    }

    /** A 200 answer's JSON, or null with the answer noted among the disagreements (it may come right a moment later). */
    private static JsonNode json(String url, String token, List<String> disagreements) throws Exception {
        Http.Answer answer = Http.get(url, token);
        if (answer.status() != 200) {
            disagreements.add("GET " + url + " answered " + answer.status() + " " + answer.body());
            return null;
        }
        return new ObjectMapper().readTree(answer.body());
    }

    private long unsentEvents() throws Exception {
        long unsent = 0;
        for (Service service : Topology.SERVICES) {
            try (Connection c = DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + Topology.postgresPort() + "/"
                                    + service.database(restoredPrefix),
                            "postgres",
                            "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from outbox")) {
                rs.next();
                unsent += rs.getLong(1);
            }
        }
        return unsent;
    }

    private static Set<String> letters(String api, String admin) throws Exception {
        Set<String> ids = new HashSet<>();
        for (JsonNode letter : Http.all(api + "/admin/dead-letters?limit=100", admin)) {
            ids.add(letter.path("id").asText());
        }
        return ids;
    }

    private static Set<UUID> ids(List<JsonNode> requests) {
        Set<UUID> ids = new HashSet<>();
        requests.forEach(r -> ids.add(UUID.fromString(r.path("id").asText())));
        return ids;
    }

    private static String restoredUrl(String service) {
        return RESTORED.url(service) + "/api/v1";
    }

    /** A token of the restored platform's own keys (the first platform's are not trusted there). */
    private String restoredToken(String role, String... options) throws Exception {
        String key = role + String.join(" ", options);
        String token = restoredTokens.get(key);
        if (token == null) {
            List<String> args = new ArrayList<>(List.of("token", role));
            args.addAll(List.of(options));
            Launcher.Outcome issued = Launcher.run(RESTORED_STATE, restoredEnv, 30, args.toArray(String[]::new));
            assertThat(issued.exitCode()).as(issued.output()).isZero();
            token = issued.output().trim();
            restoredTokens.put(key, token);
        }
        return token;
    }
}
