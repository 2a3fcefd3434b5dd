package org.assistance.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Where no Docker engine runs (our machines and CI), the test infrastructure falls back to a
 * real broker in the test JVM and to the local (or else an embedded) PostgreSQL, instead of
 * failing.
 */
class FallbackWithoutDockerTest {

    @Test
    void without_docker_the_broker_is_a_real_kraft_broker_in_the_test_jvm() {
        Assumptions.assumeFalse(Docker.available(), "a Docker engine runs here: the container path is taken");
        KafkaBroker broker = KafkaBroker.shared();
        assertThat(broker.kind()).contains("in-process KRaft broker");

        String key = UUID.randomUUID().toString();
        BrokerClient.send("fallback-check", key, "hello".getBytes(StandardCharsets.UTF_8), Map.of("h", "v"));
        List<ConsumerRecord<String, byte[]>> read =
                BrokerClient.await("fallback-check", r -> key.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(new String(read.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(BrokerClient.header(read.get(0), "h")).isEqualTo("v");
    }

    @Test
    void without_docker_the_database_is_the_local_postgresql_when_it_answers() throws Exception {
        Assumptions.assumeFalse(Docker.available(), "a Docker engine runs here: the container path is taken");
        PostgresServer postgres = PostgresServer.shared();
        if (LocalPostgres.answers()) {
            assertThat(postgres.kind()).startsWith("local PostgreSQL");
        } else {
            assertThat(postgres.kind()).startsWith("embedded PostgreSQL");
        }
        String database = postgres.createFreshDatabase("fallback");
        try (Connection c = DriverManager.getConnection(
                        postgres.jdbcUrl(database), postgres.username(), postgres.password());
                Statement s = c.createStatement()) {
            s.execute("create table t (v int)");
            s.execute("insert into t values (42)");
            try (ResultSet rs = s.executeQuery("select v from t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void the_embedded_postgresql_starts_where_no_postgresql_answers() throws Exception {
        EmbeddedPostgresServer embedded = new EmbeddedPostgresServer();
        try (Connection c = DriverManager.getConnection(
                        embedded.jdbcUrl("postgres"), embedded.username(), embedded.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        } finally {
            embedded.close();
        }
    }

    @Test
    void each_run_gets_fresh_uniquely_named_databases() {
        String first = PostgresServer.shared().createFreshDatabase("fresh");
        String second = PostgresServer.shared().createFreshDatabase("fresh");
        assertThat(first).isNotEqualTo(second).startsWith("fresh_t");
    }
}
