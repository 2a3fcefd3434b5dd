package org.assistance.chassis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.TraceContext;
import org.assistance.chassis.fixture.FinishedSpans;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** A request's trace goes with the events it causes: through the outbox, onto Kafka, into the consumer's span. */
@QuarkusTest
class TracesTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    FinishedSpans spans;

    @Test
    void an_event_recorded_in_a_traced_request_carries_that_trace_through_the_outbox_to_kafka_and_into_its_handling()
            throws Exception {
        String traceId = hex(32);
        String callerSpanId = hex(16);
        UUID id = UUID.randomUUID();

        // the caller (a browser, a gateway) already has a trace: the request continues it
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body("{\"title\":\"traced\"}")
                .queryParam("events", 1)
                .queryParam("failAfterRecording", false)
                .queryParam("id", id)
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(200);

        ConsumerRecord<String, byte[]> published = BrokerClient.await(
                        Topics.REQUESTS, r -> id.toString().equals(r.key()), 1, Duration.ofSeconds(20))
                .get(0);
        TraceContext carried = new TraceContext(
                BrokerClient.header(published, CloudEvent.HEADER_TRACEPARENT),
                BrokerClient.header(published, CloudEvent.HEADER_TRACESTATE));
        assertThat(carried.traceId()).isEqualTo(traceId);
        // the event's own span within the request, not the caller's span nor one of the relay's
        String recordingSpanId = carried.traceparent().split("-")[2];
        assertThat(recordingSpanId).isNotEqualTo(callerSpanId);
        // the request's journey begins with the event (recorded with it in one statement)
        assertThat(journeyTraceparent(id)).isEqualTo(carried.traceparent());
        SpanData recording = await().atMost(Duration.ofSeconds(10))
                .until(() -> span(s -> s.getSpanId().equals(recordingSpanId)), Optional::isPresent)
                .get();
        assertThat(recording.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(recording.getName()).isEqualTo("record assistance.request.submitted.v1");
        SpanData server =
                span(s -> s.getSpanId().equals(recording.getParentSpanId())).orElseThrow();
        assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(server.getParentSpanId()).isEqualTo(callerSpanId);

        // the same record as request-service, the topic's owner, publishes it: its handling is a child of it
        UUID eventId = UUID.randomUUID();
        BrokerClient.send(asFromItsOwner(published, eventId));

        SpanData handling = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> span(s -> eventId.toString()
                                        .equals(s.getAttributes()
                                                .get(io.opentelemetry.api.common.AttributeKey.stringKey(
                                                        "cloudevents.event_id")))
                                && s.getKind() == SpanKind.CONSUMER),
                        Optional::isPresent)
                .get();
        assertThat(handling.getTraceId()).isEqualTo(traceId);
        assertThat(handling.getParentSpanId()).isEqualTo(recordingSpanId);
        assertThat(handling.getName()).isEqualTo("process assistance.request.submitted.v1");
    }

    @Test
    void a_later_change_of_the_request_made_in_another_trace_joins_the_requests_journey_linked_to_that_call() {
        UUID id = UUID.randomUUID();
        String submissionTrace = hex(32);
        String reviewerTrace = hex(32);
        submitTraced(id, "00-" + submissionTrace + "-" + hex(16) + "-01", "submitted");
        BrokerClient.await(Topics.REQUESTS, r -> id.toString().equals(r.key()), 1, Duration.ofSeconds(20));

        // someone else changes the same request later, from a trace of their own
        submitTraced(id, "00-" + reviewerTrace + "-" + hex(16) + "-01", "changed later");

        List<ConsumerRecord<String, byte[]>> both =
                BrokerClient.await(Topics.REQUESTS, r -> id.toString().equals(r.key()), 2, Duration.ofSeconds(20));
        assertThat(both)
                .extracting(
                        r -> new TraceContext(BrokerClient.header(r, CloudEvent.HEADER_TRACEPARENT), null).traceId())
                .containsExactly(submissionTrace, submissionTrace);
        String laterSpanId =
                BrokerClient.header(both.get(1), CloudEvent.HEADER_TRACEPARENT).split("-")[2];
        SpanData laterRecording = await().atMost(Duration.ofSeconds(10))
                .until(() -> span(s -> s.getSpanId().equals(laterSpanId)), Optional::isPresent)
                .get();
        assertThat(laterRecording.getLinks())
                .extracting(link -> link.getSpanContext().getTraceId())
                .containsExactly(reviewerTrace);
    }

    private static void submitTraced(UUID id, String traceparent, String title) {
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .contentType(ContentType.JSON)
                .header("traceparent", traceparent)
                .body("{\"title\":\"" + title + "\"}")
                .queryParam("events", 1)
                .queryParam("failAfterRecording", false)
                .queryParam("id", id)
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(200);
    }

    @Test
    void events_handled_in_one_batch_each_continue_their_own_trace() {
        UUID request = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstParent = "00-" + hex(32) + "-" + hex(16) + "-01";
        String secondParent = "00-" + hex(32) + "-" + hex(16) + "-01";

        BrokerClient.sendTogether(List.of(
                traced(request, first, "first of two", firstParent),
                traced(request, second, "second of two", secondParent)));

        SpanData firstHandling = await().atMost(Duration.ofSeconds(30))
                .until(() -> handlingOf(first), Optional::isPresent)
                .get();
        SpanData secondHandling = await().atMost(Duration.ofSeconds(30))
                .until(() -> handlingOf(second), Optional::isPresent)
                .get();
        assertThat(firstHandling.getTraceId() + "-" + firstHandling.getParentSpanId())
                .isEqualTo(firstParent.substring(3, 52));
        assertThat(secondHandling.getTraceId() + "-" + secondHandling.getParentSpanId())
                .isEqualTo(secondParent.substring(3, 52));
    }

    @Test
    void an_event_without_trace_context_is_still_handled_in_a_trace_of_its_own() {
        UUID request = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        BrokerClient.send(InboxTest.record(request, eventId, InboxTest.submitted(request, "untraced")));

        SpanData handling = await().atMost(Duration.ofSeconds(30))
                .until(() -> handlingOf(eventId), Optional::isPresent)
                .get();
        assertThat(handling.getTraceId()).hasSize(32).isNotEqualTo("0".repeat(32));
        assertThat(handling.getParentSpanContext().isValid()).isFalse();
    }

    private Optional<SpanData> handlingOf(UUID eventId) {
        return span(s -> s.getKind() == SpanKind.CONSUMER
                && eventId.toString()
                        .equals(s.getAttributes()
                                .get(io.opentelemetry.api.common.AttributeKey.stringKey("cloudevents.event_id"))));
    }

    private Optional<SpanData> span(java.util.function.Predicate<SpanData> match) {
        return spans.all().stream().filter(match).findFirst();
    }

    private static ProducerRecord<String, byte[]> traced(UUID request, UUID eventId, String title, String traceparent) {
        return CloudEvent.toRecord(
                Topics.REQUESTS,
                "assistance.request.submitted.v1",
                eventId,
                "/request-service",
                OffsetDateTime.now(),
                request.toString(),
                InboxTest.submitted(request, title).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new TraceContext(traceparent, null));
    }

    private static ProducerRecord<String, byte[]> asFromItsOwner(
            ConsumerRecord<String, byte[]> published, UUID eventId) {
        return CloudEvent.toRecord(
                published.topic(),
                BrokerClient.header(published, CloudEvent.HEADER_TYPE),
                eventId,
                "/request-service",
                OffsetDateTime.now(),
                published.key(),
                published.value(),
                new TraceContext(
                        BrokerClient.header(published, CloudEvent.HEADER_TRACEPARENT),
                        BrokerClient.header(published, CloudEvent.HEADER_TRACESTATE)));
    }

    private String journeyTraceparent(UUID request) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select traceparent from journey_traces where subject = ?")) {
            s.setString(1, request.toString());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
