package org.assistance.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's tables of services and ports say what the topology says, so the two cannot drift. */
class ReadmePortsTest {
    private static final Path README = Path.of(System.getProperty("assistance.readme", "../../README.md"));
    private final Topology topology = Topology.defaults();

    @Test
    void each_service_row_names_the_port_and_database_the_topology_gives_it() throws Exception {
        for (Service service : Topology.SERVICES) {
            List<String> row = row(service.name());
            assertEquals(String.valueOf(topology.port(service.name())), row.get(1), service.name() + "'s port");
            assertEquals("`" + service.database() + "`", row.get(2), service.name() + "'s database");
        }
    }

    @Test
    void the_port_table_gives_the_ports_the_launcher_uses() throws Exception {
        String first = Topology.SERVICES.get(0).name();
        String last = Topology.SERVICES.get(Topology.SERVICES.size() - 1).name();
        assertEquals(
                topology.port(first) + "–" + topology.port(last),
                row("services").get(1));
        assertEquals(
                "service's port + " + Topology.INSTANCE_STEP + " × (k − 1)",
                row("services").get(3));
        assertEquals(
                topology.managementPort(first) + "–" + topology.managementPort(last),
                row("services' management (health, metrics)").get(1));
        assertEquals(
                Topology.MANAGEMENT_PORTS + " + the service's number + " + Topology.INSTANCE_STEP + " × (k − 1)",
                row("services' management (health, metrics)").get(3));
        assertEquals(
                String.valueOf(topology.jwksPort()),
                row("JWKS (the local identity provider's keys)").get(1));
        Broker single = topology.brokers(1).get(0);
        List<String> kafka = row("Kafka (client, controller)");
        assertEquals("`" + single.name() + "` " + single.port() + ", " + single.controllerPort(), kafka.get(1));
        List<Broker> three = topology.brokers(3);
        StringBuilder pairs = new StringBuilder();
        for (Broker b : three) {
            pairs.append(pairs.length() == 0 ? "" : ", ")
                    .append(b.port())
                    .append('/')
                    .append(b.controllerPort());
        }
        assertEquals(
                "`kafka-k` " + Topology.CLUSTER_PORTS + " + 2k, " + (Topology.CLUSTER_PORTS + 1) + " + 2k (" + pairs
                        + ")",
                kafka.get(2));
        for (Broker b : three) {
            assertEquals(Topology.CLUSTER_PORTS + 2 * b.node(), b.port(), b.name());
        }
        assertEquals(
                String.valueOf(topology.prometheusPort()),
                row("Prometheus (`up --observability`)").get(1));
        List<String> brokerMetrics = row("brokers' JMX metrics (`up --observability`)");
        assertEquals(String.valueOf(topology.brokerMetricsPort(1)), brokerMetrics.get(1));
        assertEquals("node k on " + Topology.BROKER_METRICS_PORTS + " + k", brokerMetrics.get(2));
        assertEquals(
                String.valueOf(topology.embeddedPostgresPort()),
                row("embedded PostgreSQL (only if none answers at " + Topology.postgresPort() + ")")
                        .get(1));
    }

    @Test
    void the_instance_example_is_where_the_topology_puts_that_instance() throws Exception {
        Instance second = topology.instance("reporting-service", 2);
        assertTrue(
                Files.readString(README).contains("(`" + second.name() + "` answers on " + second.port() + ")"),
                "the README's example of a second instance");
    }

    /** The cells of the README table row whose first cell is {@code first}. */
    private static List<String> row(String first) throws Exception {
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("| " + first + " |")) {
                return Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                        .map(String::trim)
                        .toList();
            }
        }
        return fail("no row '" + first + "' in a table of " + README);
    }
}
