package org.assistance.reportingservice.results;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventCodec;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.RequestEvents.RequestDelivered;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ResultEvents.IndicatorDefined;
import org.assistance.chassis.events.ResultEvents.IndicatorMeasured;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.FundsCommitted;
import org.assistance.chassis.events.ReviewEvents.ParticipantsRecorded;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.IndicatorValue;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ParticipantSummary;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.testsupport.BrokerClient;

/** Events of a programme's requests, activities, rosters, receipts and results framework, as the services publish them. */
final class ResultsScenario {
    final String programme = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    final String donor = "donor-" + UUID.randomUUID().toString().substring(0, 8);

    private ResultsScenario() {}

    static ResultsScenario fresh() {
        return new ResultsScenario();
    }

    static OffsetDateTime at(String day) {
        return LocalDate.parse(day).atTime(10, 0).atOffset(ZoneOffset.UTC);
    }

    void publish(AssistanceEvent event) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), ownerOf(event), OffsetDateTime.now()));
    }

    /** A submitted request of the State, needed by the day given (or none). */
    UUID request(String country, String desiredBy) {
        UUID request = UUID.randomUUID();
        publish(new RequestSubmitted(
                request,
                "agency-" + country.toLowerCase(Locale.ROOT),
                country,
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT", "TRAINING"),
                "HIGH",
                "Results " + programme,
                "needs",
                desiredBy == null ? null : LocalDate.parse(desiredBy),
                List.of(),
                List.of(),
                null,
                at("2025-01-05")));
        return request;
    }

    /** The request approved under the programme with these equipment units and activities (kind, id). */
    void approve(UUID request, String country, int units, List<PlannedActivity> activities) {
        publish(new RequestApproved(
                request,
                "agency-" + country.toLowerCase(Locale.ROOT),
                country,
                "CYBERCRIME",
                programme,
                new Money(new BigDecimal("1000.00"), "USD"),
                false,
                units == 0 ? List.of() : List.of(new EquipmentLine("LAPTOP", units, "needed")),
                activities,
                List.of(new DonorShare(donor, "Donor " + donor, "XI-IATI-" + donor.toUpperCase(Locale.ROOT))),
                List.of("reviewer"),
                at("2025-01-20")));
    }

    /** Only a commitment names the programme (no approval seen). */
    void commit(UUID request) {
        publish(new FundsCommitted(
                request, programme, new Money(new BigDecimal("500.00"), "USD"), List.of(), null, at("2025-01-21")));
    }

    static PlannedActivity course(UUID activity) {
        return new PlannedActivity(
                activity,
                "TRAINING_COURSE",
                "Course",
                LocalDate.parse("2025-02-01"),
                LocalDate.parse("2025-02-05"),
                20);
    }

    void delivered(UUID request, UUID activity, Participants participants, String day) {
        publish(new ActivityDelivered(
                request,
                activity,
                programme,
                "TRAINING_COURSE",
                "Course",
                LocalDate.parse(day).minusDays(3),
                LocalDate.parse(day),
                participants,
                List.of("Police"),
                "done",
                null,
                null,
                at(day)));
    }

    void roster(UUID request, UUID activity, String country, ParticipantSummary summary, OffsetDateTime recordedAt) {
        publish(new ParticipantsRecorded(
                request, activity, programme, country, "TRAINING_COURSE", summary, recordedAt));
    }

    void receipt(UUID request, int accepted, int rejected, String day) {
        publish(new ReceiptConfirmed(
                request,
                "agency-x",
                UUID.randomUUID(),
                List.of(new ReceiptLine("LAPTOP", accepted, rejected, rejected > 0 ? "broken" : null)),
                "someone",
                at(day)));
    }

    void requestDelivered(UUID request, String day) {
        publish(new RequestDelivered(request, "agency-x", List.of(), at(day)));
    }

    UUID indicator(
            String title,
            String kind,
            String unit,
            IndicatorValue baseline,
            IndicatorValue target,
            String sdg,
            String computation) {
        UUID id = UUID.randomUUID();
        publish(new IndicatorDefined(
                id, programme, title, kind, unit, baseline, target, sdg, computation, "planner", at("2025-01-02")));
        return id;
    }

    void measured(
            UUID indicator,
            String start,
            String end,
            String value,
            String country,
            String sex,
            String source,
            OffsetDateTime recordedAt) {
        publish(new IndicatorMeasured(
                UUID.randomUUID(),
                indicator,
                programme,
                LocalDate.parse(start),
                LocalDate.parse(end),
                new BigDecimal(value),
                country,
                sex,
                source,
                null,
                "planner",
                recordedAt));
    }

    /**
     * A roster summary as a newer program-service might send it, with a field this contract does not
     * have carrying participants' ids and names: readers must drop what they do not know.
     */
    void rosterWithParticipantIds(
            UUID request,
            UUID activity,
            String country,
            ParticipantSummary summary,
            String participantId,
            String name) {
        ParticipantsRecorded event = new ParticipantsRecorded(
                request, activity, programme, country, "TRAINING_COURSE", summary, OffsetDateTime.now());
        String json = new String(EventCodec.encode(event), StandardCharsets.UTF_8);
        String leaky = json.substring(0, json.lastIndexOf('}')) + ",\"roster\":[{\"participantId\":\"" + participantId
                + "\",\"name\":\"" + name + "\"}]}";
        EventType type = EventType.of(event);
        BrokerClient.send(CloudEvent.toRecord(
                type.topic(),
                type.typeName(),
                UUID.randomUUID(),
                ownerOf(event),
                OffsetDateTime.now(),
                event.aggregateId(),
                leaky.getBytes(StandardCharsets.UTF_8)));
    }

    static ParticipantSummary summary(
            int total, int women, int men, int other, int notDisclosed, int completed, int certified, String gain) {
        return new ParticipantSummary(
                total,
                women,
                men,
                other,
                notDisclosed,
                completed,
                certified,
                0,
                null,
                null,
                gain == null ? null : new BigDecimal(gain));
    }

    private static String ownerOf(AssistanceEvent event) {
        return Topics.expectedSource(EventType.of(event).topic());
    }
}
