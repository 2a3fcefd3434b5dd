package org.assistance.topology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The port map `deploy/local/platform help` prints is the topology's, so the two cannot drift. */
class LauncherHelpTest {
    private static final Path LAUNCHER = Path.of(System.getProperty("assistance.launcher", "../local/platform"));
    private final Topology topology = Topology.defaults();

    @Test
    void the_help_names_every_port_where_the_topology_puts_it() throws Exception {
        String help = Files.readString(LAUNCHER)
                .lines()
                .takeWhile(line -> !line.startsWith("set -euo"))
                .map(line -> line.replaceFirst("^# ?", ""))
                .reduce("", (a, b) -> a + " " + b.strip());
        StringBuilder services = new StringBuilder();
        for (Service s : Topology.SERVICES) {
            services.append(services.length() == 0 ? "" : ", ")
                    .append(s.name())
                    .append(' ')
                    .append(topology.port(s.name()));
        }
        Instance second = topology.instance("reporting-service", 2);
        Broker single = topology.brokers(1).get(0);
        List<Broker> three = topology.brokers(3);
        List<String> expected = List.of(
                services + ";",
                "the service's port + " + Topology.INSTANCE_STEP + "*(k-1)",
                second.name() + " on " + second.port(),
                Topology.MANAGEMENT_PORTS + " + the service's number (" + topology.managementPort("request-service")
                        + ".." + topology.managementPort("reporting-service") + ")",
                second.name() + " on " + second.managementPort(),
                "\"" + single.name() + "\" on " + single.port() + ", its controller on " + single.controllerPort(),
                "node k on " + Topology.CLUSTER_PORTS + "+2k (" + three.get(0).port() + ", "
                        + three.get(1).port() + ", " + three.get(2).port() + ")",
                "controller on " + (Topology.CLUSTER_PORTS + 1) + "+2k ("
                        + three.get(0).controllerPort() + ", " + three.get(1).controllerPort() + ", "
                        + three.get(2).controllerPort() + ")",
                "replication factor " + Topology.replicationFactor(3) + ", min.insync.replicas "
                        + Topology.minInsyncReplicas(3),
                "else an embedded one on " + topology.embeddedPostgresPort() + " + offset",
                topology.jwksUrl(),
                "Prometheus (up --observability) on " + topology.prometheusPort(),
                "broker node k's JMX metrics on " + Topology.BROKER_METRICS_PORTS + "+k");
        for (String text : expected) {
            assertTrue(help.contains(text), "the launcher's help says: " + text + "\n" + help);
        }
    }

    @Test
    void prometheus_and_the_brokers_metrics_take_ports_no_service_instance_broker_or_the_jwks_takes() {
        List<Integer> taken = new java.util.ArrayList<>(List.of(topology.jwksPort(), topology.embeddedPostgresPort()));
        for (Instance instance : topology.instances(java.util.Map.of(
                "request-service", 9, "program-service", 9, "equipment-service", 9, "reporting-service", 9))) {
            taken.addAll(List.of(instance.port(), instance.managementPort()));
        }
        for (int brokers = 1; brokers <= Topology.MAXIMUM_BROKERS; brokers++) {
            topology.brokers(brokers).forEach(b -> taken.addAll(List.of(b.port(), b.controllerPort())));
        }
        assertTrue(!taken.contains(topology.prometheusPort()), "Prometheus' port " + topology.prometheusPort());
        for (int node = 1; node <= Topology.MAXIMUM_BROKERS; node++) {
            int metrics = topology.brokerMetricsPort(node);
            assertTrue(
                    !taken.contains(metrics) && metrics != topology.prometheusPort(),
                    "broker " + node + "'s metrics port " + metrics);
        }
    }
}
