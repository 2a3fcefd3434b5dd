package org.assistance.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.topics.KafkaAccess;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.KafkaBroker;
import org.junit.jupiter.api.Test;

/**
 * The broker knows who writes: each service logs in with its own SCRAM credentials and its ACLs
 * ({@link KafkaAccess}, from who owns and consumes each topic) let it write only its own topics.
 * Runs against the secured test broker, with real producers.
 */
class KafkaCredentialsTest {

    @Test
    void program_service_credentials_cannot_write_assistance_requests() {
        UUID request = UUID.randomUUID();
        assertThatThrownBy(() -> BrokerClient.sendAs("program-service", List.of(forgedSubmission(request))))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThat(BrokerClient.readAll(Topics.REQUESTS))
                .noneMatch(r -> request.toString().equals(r.key()));
    }

    @Test
    void program_service_credentials_write_its_own_reviews_and_the_dead_letters_of_what_it_reads() {
        UUID request = UUID.randomUUID();
        BrokerClient.sendAs(
                "program-service",
                List.of(
                        new ProducerRecord<>(Topics.REVIEWS, request.toString(), "{}".getBytes(StandardCharsets.UTF_8)),
                        new ProducerRecord<>(
                                Topics.deadLetters(Topics.REQUESTS),
                                request.toString(),
                                "{}".getBytes(StandardCharsets.UTF_8))));
        assertThat(BrokerClient.readAll(Topics.REVIEWS))
                .anyMatch(r -> request.toString().equals(r.key()));
    }

    @Test
    void reporting_service_credentials_cannot_write_any_topic_it_reads() {
        for (String topic : Topics.ALL) {
            assertThatThrownBy(() -> BrokerClient.sendAs(
                            "reporting-service",
                            List.of(new ProducerRecord<>(topic, "k", "{}".getBytes(StandardCharsets.UTF_8)))))
                    .as(topic)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void a_client_without_credentials_is_refused() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(() ->
                            producer.send(forgedSubmission(UUID.randomUUID())).get(10, TimeUnit.SECONDS))
                    .as("no metadata, no write: the SASL listener does not speak to a plaintext client")
                    .isInstanceOfAny(ExecutionException.class, org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void a_wrong_password_is_refused() {
        Properties props = new Properties();
        props.putAll(KafkaBroker.shared().clientSettings("request-service"));
        props.put("sasl.jaas.config", KafkaAccess.jaasConfig("request-service", "guessed"));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(() ->
                            producer.send(forgedSubmission(UUID.randomUUID())).get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void each_service_reads_only_what_it_consumes() {
        Map<String, List<String>> readable = Map.of(
                "request-service", List.of(Topics.REVIEWS, Topics.SHIPMENTS, Topics.CATALOGUE),
                "program-service", List.of(Topics.REQUESTS, Topics.CATALOGUE),
                "equipment-service", List.of(Topics.REQUESTS, Topics.REVIEWS),
                "reporting-service", Topics.ALL);
        assertThat(Topics.CONSUMED).isEqualTo(readable);
        assertThat(KafkaAccess.bindings("program-service"))
                .noneMatch(b -> b.pattern().name().equals(Topics.REQUESTS)
                        && b.entry().operation() == org.apache.kafka.common.acl.AclOperation.WRITE);
    }

    private static ProducerRecord<String, byte[]> forgedSubmission(UUID request) {
        return CloudEvent.toRecord(
                Topics.REQUESTS,
                "assistance.request.submitted.v1",
                UUID.randomUUID(),
                "/request-service",
                OffsetDateTime.now(),
                request.toString(),
                InboxTest.submitted(request, "forged approval").getBytes(StandardCharsets.UTF_8));
    }
}
