package org.assistance.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assistance.topology.tokens.LocalTokens;
import org.assistance.topology.tokens.SigningKeys;
import org.assistance.topology.tokens.TokenRules;

/**
 * What deploy/local/platform asks of the topology and the identity provider, one JVM per command:
 * <pre>
 *   shell [--offset N] [--brokers N] [--prefix P] [--instances N | SERVICE=N]... [--kafka-port P] [--kafka-controller-port P]
 *         the platform's names and ports as bash assignments, for the launcher to eval
 *   token STATE ROLE [--agency ID] [--donor ID] [--subject NAME] [--hours N]
 *   rotate-keys STATE JWKS_URL
 *   jwks STATE           (the JWKS, made with the first key if there is none)
 * </pre>
 * A refusal prints {@code platform: REASON} and ends with status 1.
 */
public final class LauncherCommands {
    private LauncherCommands() {}

    public static void main(String[] args) {
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException("usage: LauncherCommands shell|token|rotate-keys|jwks ...");
            }
            List<String> rest = List.of(args).subList(1, args.length);
            switch (args[0]) {
                case "shell" -> System.out.print(shell(rest));
                case "token" -> System.out.println(token(rest));
                case "rotate-keys" -> rotateKeys(rest);
                case "jwks" ->
                    System.out.print(SigningKeys.ofState(Path.of(rest.get(0))).jwks());
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("platform: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The platform's layout as bash assignments (arrays and associative arrays the launcher declared). */
    static String shell(List<String> args) {
        int offset = 0;
        int brokers = 1;
        String prefix = "";
        Integer kafkaPort = null;
        Integer controllerPort = null;
        Map<String, Integer> instances = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String value = i + 1 < args.size() ? args.get(i + 1) : "";
            switch (args.get(i)) {
                case "--offset" -> {
                    if (!value.matches("[0-9]+")) {
                        throw new IllegalArgumentException(
                                "ASSISTANCE_PORT_OFFSET must be a number of ports (e.g. 1000), not '" + value + "'");
                    }
                    offset = Integer.parseInt(value);
                }
                case "--brokers" -> {
                    if (!value.matches("[1-" + Topology.MAXIMUM_BROKERS + "]")) {
                        throw new IllegalArgumentException("--brokers takes 1 to " + Topology.MAXIMUM_BROKERS);
                    }
                    brokers = Integer.parseInt(value);
                }
                case "--prefix" -> prefix = value;
                case "--instances" -> instances(value, instances);
                case "--kafka-port" -> kafkaPort = Integer.parseInt(value);
                case "--kafka-controller-port" -> controllerPort = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        Topology topology = Topology.shiftedBy(offset);
        StringBuilder sh = new StringBuilder();
        sh.append("SERVICES=(").append(Topology.names()).append(")\n");
        for (Service s : Topology.SERVICES) {
            sh.append("INSTANCES[")
                    .append(s.name())
                    .append("]=")
                    .append(instances.getOrDefault(s.name(), 1))
                    .append('\n');
            sh.append("DATABASE[")
                    .append(s.name())
                    .append("]=")
                    .append(quoted(s.database(prefix)))
                    .append('\n');
        }
        List<Instance> all = topology.instances(instances);
        sh.append("INSTANCE_NAMES=(")
                .append(String.join(" ", all.stream().map(Instance::name).toList()))
                .append(")\n");
        for (Instance instance : all) {
            sh.append("SERVICE_OF[")
                    .append(instance.name())
                    .append("]=")
                    .append(instance.service().name())
                    .append('\n');
            sh.append("PORT[")
                    .append(instance.name())
                    .append("]=")
                    .append(instance.port())
                    .append('\n');
            sh.append("MANAGEMENT_PORT[")
                    .append(instance.name())
                    .append("]=")
                    .append(instance.managementPort())
                    .append('\n');
        }
        List<Broker> nodes = topology.brokers(brokers);
        sh.append("BROKER_NAMES=(")
                .append(String.join(" ", nodes.stream().map(Broker::name).toList()))
                .append(")\n");
        for (Broker b : nodes) {
            // a single broker's ports may be moved on their own (ASSISTANCE_KAFKA_PORT, ..._CONTROLLER_PORT)
            int port = brokers == 1 && kafkaPort != null ? kafkaPort : b.port();
            int controller = brokers == 1 && controllerPort != null ? controllerPort : b.controllerPort();
            sh.append("BROKER_NODE[")
                    .append(b.name())
                    .append("]=")
                    .append(b.node())
                    .append('\n');
            sh.append("BROKER_PORT[").append(b.name()).append("]=").append(port).append('\n');
            sh.append("BROKER_METRICS_PORT[")
                    .append(b.name())
                    .append("]=")
                    .append(topology.brokerMetricsPort(b.node()))
                    .append('\n');
            sh.append("CONTROLLER_PORT[")
                    .append(b.name())
                    .append("]=")
                    .append(controller)
                    .append('\n');
        }
        sh.append("REPLICATION_FACTOR=")
                .append(Topology.replicationFactor(brokers))
                .append('\n');
        sh.append("MIN_INSYNC_REPLICAS=")
                .append(Topology.minInsyncReplicas(brokers))
                .append('\n');
        sh.append("JWKS_PORT=").append(topology.jwksPort()).append('\n');
        sh.append("JWKS_URL=").append(quoted(topology.jwksUrl())).append('\n');
        sh.append("PROMETHEUS_PORT=").append(topology.prometheusPort()).append('\n');
        sh.append("POSTGRES_PORT=").append(Topology.postgresPort()).append('\n');
        sh.append("EMBEDDED_POSTGRES_PORT=")
                .append(topology.embeddedPostgresPort())
                .append('\n');
        sh.append("ISSUER=").append(quoted(TokenRules.LOCAL_ISSUER)).append('\n');
        sh.append("AUDIENCE=").append(quoted(TokenRules.AUDIENCE)).append('\n');
        sh.append("MAX_TOKEN_SECONDS=")
                .append(TokenRules.LOCAL_MAXIMUM_LIFETIME.toSeconds())
                .append('\n');
        sh.append("MAX_TOKEN_HOURS=")
                .append(TokenRules.LOCAL_MAXIMUM_LIFETIME.toHours())
                .append('\n');
        return sh.toString();
    }

    /** {@code N} (every service) or {@code SERVICE=N}. */
    private static void instances(String spec, Map<String, Integer> instances) {
        if (spec.matches("[0-9]+")) {
            int n = Integer.parseInt(spec);
            if (n < 1) {
                throw new IllegalArgumentException("--instances needs at least 1");
            }
            Topology.SERVICES.forEach(s -> instances.put(s.name(), n));
        } else if (spec.matches("[a-z-]+=[0-9]+")) {
            String service = spec.substring(0, spec.indexOf('='));
            int n = Integer.parseInt(spec.substring(spec.indexOf('=') + 1));
            if (Topology.SERVICES.stream().noneMatch(s -> s.name().equals(service))) {
                throw new IllegalArgumentException(
                        "unknown service '" + service + "' in --instances (services: " + Topology.names() + ")");
            }
            if (n < 1) {
                throw new IllegalArgumentException("--instances needs at least 1");
            }
            instances.put(service, n);
        } else {
            throw new IllegalArgumentException("--instances takes N or SERVICE=N, not '" + spec + "'");
        }
    }

    static String token(List<String> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException(
                    "usage: platform token ROLE [--agency ID] [--donor ID] [--country CODE] [--subject NAME] "
                            + "[--hours N]  (roles: " + String.join(" ", TokenRules.ROLES) + ")");
        }
        Path state = Path.of(args.get(0));
        String role = args.get(1);
        String agency = null;
        String donor = null;
        String country = null;
        String subject = null;
        String hours = "1";
        for (int i = 2; i < args.size(); i += 2) {
            String value = i + 1 < args.size() ? args.get(i + 1) : "";
            switch (args.get(i)) {
                case "--agency" -> agency = value;
                case "--donor" -> donor = value;
                case "--country" -> country = value;
                case "--subject" -> subject = value;
                case "--hours" -> hours = value;
                default -> throw new IllegalArgumentException("unknown option " + args.get(i) + " for token");
            }
        }
        if (!hours.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("--hours takes 1 to " + TokenRules.LOCAL_MAXIMUM_LIFETIME.toHours()
                    + " (the services refuse a token that lives longer)");
        }
        return LocalTokens.ofState(state)
                .issue(role, agency, donor, country, subject, Duration.ofHours(Integer.parseInt(hours)));
    }

    private static void rotateKeys(List<String> args) {
        SigningKeys keys = SigningKeys.ofState(Path.of(args.get(0)));
        SigningKeys.Rotation rotation = keys.rotate();
        System.out.println("New signing key " + rotation.next() + ", published in " + args.get(1) + " (the file: "
                + keys.jwksFile() + ").");
        System.out.println("The previous key " + rotation.previous() + " stays published for "
                + TokenRules.LOCAL_MAXIMUM_LIFETIME.toHours() + " hours, until its last token has expired.");
    }

    /** Single-quoted for bash. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
