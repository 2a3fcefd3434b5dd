package org.assistance.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Where everything of one platform listens: the services and their instances, their management
 * ports, the brokers, the local identity provider's JWKS and an embedded PostgreSQL. The one
 * source of the port map: the launcher (deploy/local/platform), the demo traffic, the bench, the
 * system tests and the README's port table (checked by ReadmePortsTest) all read it here.
 *
 * <p>Every port is shifted by the platform's offset (ASSISTANCE_PORT_OFFSET), so a second platform
 * runs beside one on the default ports.
 */
public final class Topology {
    public static final List<Service> SERVICES = List.of(
            new Service("request-service", 1, "requests"),
            new Service("program-service", 2, "programs"),
            new Service("equipment-service", 3, "equipment"),
            new Service("reporting-service", 4, "reporting"));
    /** Service n listens on 8080 + n (8081..8084). */
    static final int SERVICE_PORTS = 8080;
    /** Health and metrics of service n answer only on 9000 + n (9001..9004), never on its public port. */
    static final int MANAGEMENT_PORTS = 9000;
    /** Instance k of a service listens 100 × (k − 1) above the first, on both ports. */
    public static final int INSTANCE_STEP = 100;

    static final int JWKS_PORT = 8089;
    /** Prometheus' own port (up --observability): below the brokers' 9092 and their cluster's 9092 + 2k. */
    static final int PROMETHEUS_PORT = 9090;

    /** The brokers' metrics (up --observability: the JMX exporter agent): node k on 9190 + k. */
    static final int BROKER_METRICS_PORTS = 9190;

    static final int POSTGRES_PORT = 5432;
    /** A single broker keeps the ports every Kafka client expects; node k of a cluster takes 9090 + 2k. */
    static final int KAFKA_PORT = 9092;

    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int CLUSTER_PORTS = 9090;
    /** The launcher runs at most this many brokers (each also a controller). */
    public static final int MAXIMUM_BROKERS = 5;

    private final int offset;

    private Topology(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("a port offset is a number of ports (e.g. 1000), not " + offset);
        }
        this.offset = offset;
    }

    /** The platform on the default ports. */
    public static Topology defaults() {
        return new Topology(0);
    }

    public static Topology shiftedBy(int offset) {
        return new Topology(offset);
    }

    /** The platform of this process's ASSISTANCE_PORT_OFFSET (0 when unset), as the launcher starts it. */
    public static Topology fromEnvironment() {
        return new Topology(Integer.parseInt(System.getenv().getOrDefault("ASSISTANCE_PORT_OFFSET", "0")));
    }

    public int offset() {
        return offset;
    }

    public static Service service(String name) {
        return SERVICES.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no service '" + name + "' (services: " + names() + ")"));
    }

    public static String names() {
        return String.join(" ", SERVICES.stream().map(Service::name).toList());
    }

    /** Instance {@code number} (1 is the first) of a service. */
    public Instance instance(String service, int number) {
        Service s = service(service);
        int step = INSTANCE_STEP * (number - 1);
        return new Instance(
                number == 1 ? s.name() : s.name() + "-" + number,
                s,
                number,
                SERVICE_PORTS + s.number() + step + offset,
                MANAGEMENT_PORTS + s.number() + step + offset);
    }

    /** A service's first {@code count} instances. */
    public List<Instance> instances(String service, int count) {
        List<Instance> instances = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            instances.add(instance(service, k));
        }
        return instances;
    }

    /** Every instance of every service, {@code counts} naming how many of each (1 when absent). */
    public List<Instance> instances(Map<String, Integer> counts) {
        List<Instance> all = new ArrayList<>();
        for (Service s : SERVICES) {
            all.addAll(instances(s.name(), counts.getOrDefault(s.name(), 1)));
        }
        return all;
    }

    /** The public port of a service's first instance. */
    public int port(String service) {
        return instance(service, 1).port();
    }

    public int managementPort(String service) {
        return instance(service, 1).managementPort();
    }

    /** e.g. {@code http://localhost:8081} */
    public String url(String service) {
        return "http://localhost:" + port(service);
    }

    /** Where health ({@code /q/health}) and metrics ({@code /q/metrics}) answer. */
    public String managementUrl(String service) {
        return "http://localhost:" + managementPort(service);
    }

    /** One broker named {@code kafka}, or a cluster of {@code count} named {@code kafka-1}... */
    public List<Broker> brokers(int count) {
        if (count < 1 || count > MAXIMUM_BROKERS) {
            throw new IllegalArgumentException("--brokers takes 1 to " + MAXIMUM_BROKERS);
        }
        if (count == 1) {
            return List.of(new Broker("kafka", 1, KAFKA_PORT + offset, KAFKA_CONTROLLER_PORT + offset));
        }
        List<Broker> brokers = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            brokers.add(
                    new Broker("kafka-" + k, k, CLUSTER_PORTS + 2 * k + offset, CLUSTER_PORTS + 1 + 2 * k + offset));
        }
        return brokers;
    }

    /** e.g. {@code localhost:9092} */
    public String bootstrapServers(int brokers) {
        return String.join(
                ",", brokers(brokers).stream().map(b -> "localhost:" + b.port()).toList());
    }

    /** Replication of the platform's topics: every broker up to three, then three. */
    public static int replicationFactor(int brokers) {
        return Math.min(brokers, 3);
    }

    /** Acknowledged by all but one replica, at least one. */
    public static int minInsyncReplicas(int brokers) {
        return Math.max(1, replicationFactor(brokers) - 1);
    }

    /** The local identity provider's JWKS endpoint, where the services read the token keys. */
    public int jwksPort() {
        return JWKS_PORT + offset;
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + jwksPort() + "/jwks.json";
    }

    /** Where Prometheus answers when the launcher runs it ({@code up --observability}). */
    public int prometheusPort() {
        return PROMETHEUS_PORT + offset;
    }

    /** An embedded PostgreSQL, started only where none answers at 127.0.0.1:5432. */
    /** Where broker node {@code node}'s JMX metrics answer in Prometheus' format (up --observability). */
    public int brokerMetricsPort(int node) {
        return BROKER_METRICS_PORTS + node + offset;
    }

    public int embeddedPostgresPort() {
        return POSTGRES_PORT + offset;
    }

    /** The PostgreSQL the launcher looks for first, never shifted. */
    public static int postgresPort() {
        return POSTGRES_PORT;
    }
}
