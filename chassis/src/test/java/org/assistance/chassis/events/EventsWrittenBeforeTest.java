package org.assistance.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentReceived;
import org.junit.jupiter.api.Test;

/**
 * Fields added to a v1 type are optional: an event written before them (kept for ever on its
 * topic) still reads, with the documented default, and a rebuild a year later does not
 * dead-letter it.
 */
class EventsWrittenBeforeTest {
    private static final String REQUEST = "7f1c8f7e-1f7e-4b1a-9d3c-2a4c6b8d0e11";

    @Test
    void a_delivery_counted_as_women_and_men_only_reads_with_no_other_and_none_undisclosed() {
        ActivityDelivered delivered =
                (ActivityDelivered) decode(EventType.ACTIVITY_DELIVERED, """
                {"requestId":"%s","activityId":"%s","programmeCode":"GLOCY","kind":"TRAINING","title":"t",
                 "startDate":"2026-03-01","endDate":"2026-03-05","participants":{"women":8,"men":10,"total":18},
                 "authoritiesReached":[],"outcome":"o","disbursed":{"amount":"10.00","currency":"USD"},
                 "disbursedSplit":[],"deliveredAt":"2026-03-05T10:00:00Z"}
                """.formatted(REQUEST, UUID.randomUUID()));

        assertThat(delivered.participants()).isEqualTo(new Values.Participants(8, 10, 0, 0, 18));
    }

    @Test
    void a_receipt_without_serials_reads_with_none_named() {
        ShipmentReceived received =
                (ShipmentReceived) decode(EventType.SHIPMENT_RECEIVED, """
                {"requestId":"%s","shipmentId":"%s","receivedAt":"2026-03-05T10:00:00Z",
                 "lines":[{"itemCode":"FORENSIC-KIT","quantityAccepted":2,"quantityRejected":1,"rejectionReason":"broken"}]}
                """.formatted(REQUEST, UUID.randomUUID()));

        assertThat(received.lines().get(0).serialsAccepted()).isNull();
        assertThat(received.lines().get(0).quantityAccepted()).isEqualTo(2);
    }

    @Test
    void a_dispatch_without_serials_or_due_date_reads_with_neither() {
        ShipmentDispatched dispatched =
                (ShipmentDispatched) decode(EventType.SHIPMENT_DISPATCHED, """
                {"requestId":"%s","shipmentId":"%s","mode":"AIR","carrier":"c","trackingReference":"t",
                 "expectedDelivery":null,"dispatchedAt":"2026-03-05T10:00:00Z"}
                """.formatted(REQUEST, UUID.randomUUID()));

        assertThat(dispatched.units()).isNull();
        assertThat(dispatched.dueBy()).isNull();
    }

    private static AssistanceEvent decode(EventType type, String json) {
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>(type.topic(), 0, 0L, REQUEST, json.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvent.HEADER_SPEC_VERSION, CloudEvent.SPEC_VERSION.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvent.HEADER_TYPE, type.typeName().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvent.HEADER_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(
                        CloudEvent.HEADER_SOURCE,
                        Topics.expectedSource(type.topic()).getBytes(StandardCharsets.UTF_8));
        return EventCodec.decode(record).data();
    }
}
