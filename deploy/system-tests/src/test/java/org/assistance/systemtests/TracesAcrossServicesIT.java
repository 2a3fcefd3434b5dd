package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One request's journey is one trace: the platform started with {@code up --traces} (every service
 * writes its spans to its log), a partner submits, a reviewer approves, and the submission's trace id
 * is in the CloudEvents of both on Kafka and in the spans of request-, program- and reporting-service.
 */
class TracesAcrossServicesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = Launcher.uniquePrefix("traces");
    private static final Map<String, String> ENV = Launcher.ownDatabases(PREFIX);
    private static final String REQUESTS = Launcher.url("request-service") + "/api/v1";
    private static final String PROGRAMS = Launcher.url("program-service") + "/api/v1";
    private static final String REPORTING = Launcher.url("reporting-service") + "/api/v1";
    private static final Path LOGS = Launcher.STATE.resolve("logs");

    @BeforeAll
    static void platformUp() throws Exception {
        Launcher.run(120, "down");
        deleteState();
        Launcher.Outcome up = Launcher.run(ENV, 600, "up", "--traces");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }

    @AfterAll
    static void platformDown() throws Exception {
        Launcher.run(120, "down");
        deleteState();
        Launcher.dropDatabases(PREFIX);
    }

    @Test
    void a_submission_and_its_approval_are_one_trace_across_request_program_and_reporting_service() throws Exception {
        String admin = token("admin");
        String partner = token("partner", "--agency", "agency-traced");
        String reviewer = token("reviewer", "--subject", "reviewer-traced");
        ok(
                post(
                        PROGRAMS + "/donors",
                        admin,
                        "{\"id\":\"donor-traced\",\"name\":\"Traced Donor\",\"iatiIdentifier\":\"XI-IATI-TRACED\",\"type\":\"MULTILATERAL\"}"));
        ok(
                post(
                        PROGRAMS + "/programmes",
                        admin,
                        "{\"code\":\"TRACE\",\"name\":\"Traced Programme\",\"thematicAreas\":[\"CYBERCRIME\"],\"currency\":\"USD\",\"iatiActivityPrefix\":\"XM-EXAMPLE-TA-TRACE\"}"));
        ok(post(
                PROGRAMS + "/programmes/TRACE/contributions",
                admin,
                "{\"donorId\":\"donor-traced\",\"amount\":{\"amount\":\"10000.00\",\"currency\":\"USD\"},\"date\":\""
                        + LocalDate.now() + "\"}"));

        // a partner submits; the request's journey starts a trace in request-service
        String id = ok(post(REQUESTS + "/requests", partner, """
                {"country":"KE","requestingAuthority":{"name":"Directorate of Criminal Investigations","kind":"POLICE"},
                 "thematicArea":"CYBERCRIME","assistanceTypes":["TRAINING"],"priority":"HIGH",
                 "title":"Traced request","needsStatement":"One trace from submission to approval.",
                 "desiredBy":"%s","trainingNeeds":[{"topic":"Mobile forensics","expectedParticipants":20}],
                 "estimatedValue":{"amount":"100.00","currency":"USD"}}""".formatted(
                                LocalDate.now().plusMonths(6))))
                .get("id")
                .asText();

        // a reviewer approves it later, in a call of their own
        awaitJson(
                PROGRAMS + "/reviews/" + id,
                reviewer,
                json -> json.path("status").asText().equals("PENDING"));
        assertThat(ok(post(PROGRAMS + "/reviews/" + id + "/decision", reviewer, """
                {"decision":"APPROVE","programmeCode":"TRACE","approvedAmount":{"amount":"100.00","currency":"USD"},
                 "trainings":[{"topic":"Mobile forensics","participants":20}]}"""))
                        .get("status")
                        .asText())
                .isEqualTo("APPROVED");
        awaitJson(
                REQUESTS + "/requests/" + id,
                partner,
                json -> json.path("status").asText().equals("APPROVED"));
        awaitJson(
                REPORTING + "/requests/" + id + "/timeline",
                partner,
                json -> json.toString().contains("assistance.review.approved.v1"));

        // on Kafka: the submission and the approval carry the same trace
        ConsumerRecord<String, byte[]> submitted = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordOf(id, "assistance.request.submitted.v1"), r -> r != null);
        ConsumerRecord<String, byte[]> approved = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordOf(id, "assistance.review.approved.v1"), r -> r != null);
        String trace = traceId(header(submitted, "ce_traceparent"));
        assertThat(trace)
                .as("ce_traceparent of the submission")
                .matches("[0-9a-f]{32}")
                .isNotEqualTo("0".repeat(32));
        assertThat(traceId(header(approved, "ce_traceparent")))
                .as("ce_traceparent of the approval")
                .isEqualTo(trace);

        // in the services' spans (their logs): who recorded and who handled each event, all in that trace
        awaitSpans(
                "request-service",
                trace,
                "'record assistance.request.submitted.v1'",
                "'process assistance.review.approved.v1'");
        awaitSpans(
                "program-service",
                trace,
                "'process assistance.request.submitted.v1'",
                "'record assistance.review.approved.v1'");
        awaitSpans(
                "reporting-service",
                trace,
                "'process assistance.request.submitted.v1'",
                "'process assistance.review.approved.v1'");
    }

    private static void awaitSpans(String service, String trace, String... spans) {
        Path log = LOGS.resolve(service + ".log");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    for (String span : spans) {
                        // LoggingSpanExporter: 'name' : <trace id> <span id> <kind> [tracer: ...] attributes
                        assertThat(lines)
                                .as("%s in %s", span, log)
                                .anyMatch(line -> line.contains(span + " : " + trace + " "));
                    }
                });
    }

    private static String traceId(String traceparent) {
        assertThat(traceparent).as("traceparent").isNotNull().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        return traceparent.split("-")[1];
    }

    private static ConsumerRecord<String, byte[]> recordOf(String key, String type) {
        Properties props = new Properties();
        props.putAll(KafkaLogin.asAdmin("localhost:" + Launcher.port(9092)));
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("assistance.requests", "assistance.reviews")) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 20_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(r.key()) && type.equals(header(r, "ce_type"))) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String token(String role, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("token", role));
        args.addAll(List.of(options));
        return Launcher.run(ENV, 30, args.toArray(String[]::new)).output().trim();
    }

    private static Http.Answer post(String url, String token, String json) throws Exception {
        return Http.send("POST", url, token, json);
    }

    private static JsonNode ok(Http.Answer answer) throws Exception {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    private static JsonNode awaitJson(String url, String token, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> {
                    Http.Answer answer = Http.get(url, token);
                    last[0] = answer.status() == 200 ? JSON.readTree(answer.body()) : null;
                    return last[0] != null && condition.test(last[0]);
                });
        return last[0];
    }

    private static void deleteState() throws Exception {
        Path state = Launcher.STATE;
        if (Files.exists(state)) {
            try (var paths = Files.walk(state)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
