package org.assistance.reportingservice.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.ParticipantsRecorded;
import org.assistance.chassis.events.Values.ParticipantSummary;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.transactions.FreshPlans;
import org.assistance.reportingservice.readmodels.ManyRows;

/**
 * Who took part, in aggregates only: each delivered activity's counts as its delivery told them
 * ({@code activity_participants}), the latest summary of its roster ({@code activity_rosters}, a
 * later one replacing the earlier whatever the order they arrive in), and each confirmed
 * receipt's accepted units by day ({@code receipt_facts}). An activity's participants are its
 * roster's when one was recorded, else its delivery's; they count as trained once the activity
 * is delivered. The request's totals ({@code request_facts.participants_*}) are recomputed from
 * them for every request whose activities an event told of.
 */
public final class ParticipantFacts {
    /**
     * The request's participants from its delivered activities (each the roster's counts when one
     * exists); written only where they changed, so the feeds see a change only when there is one.
     */
    private static final String RECOMPUTE = """
            with counts as (
                select a.request_id,
                       sum(coalesce(o.women, a.women)) as women,
                       sum(coalesce(o.men, a.men)) as men,
                       sum(coalesce(o.other, a.other)) as other,
                       sum(coalesce(o.not_disclosed, a.not_disclosed)) as not_disclosed,
                       sum(coalesce(o.total, a.total)) as total,
                       coalesce(sum(o.total), 0) as rostered,
                       coalesce(sum(o.completed), 0) as completed,
                       coalesce(sum(o.certified), 0) as certified,
                       coalesce(sum(o.average_score_gain * o.total), 0) as gain_weighted,
                       coalesce(sum(o.total) filter (where o.average_score_gain is not null), 0) as gain_participants
                from activity_participants a left join activity_rosters o on o.activity_id = a.activity_id
                where a.request_id = any(?)
                group by a.request_id)
            update request_facts r set participants_women = c.women, participants_men = c.men,
                   participants_other = c.other, participants_not_disclosed = c.not_disclosed,
                   participants_total = c.total, participants_rostered = c.rostered,
                   participants_completed = c.completed, participants_certified = c.certified,
                   score_gain_weighted = c.gain_weighted, score_gain_participants = c.gain_participants
            from counts c
            where r.request_id = c.request_id
              and (r.participants_women, r.participants_men, r.participants_other, r.participants_not_disclosed,
                   r.participants_total, r.participants_rostered, r.participants_completed,
                   r.participants_certified, r.score_gain_weighted, r.score_gain_participants)
                  is distinct from (c.women, c.men, c.other, c.not_disclosed, c.total, c.rostered, c.completed,
                   c.certified, c.gain_weighted, c.gain_participants)""";

    private ParticipantFacts() {}

    /** Writes what {@code events} tell of participants and receipts, each table in one statement. */
    public static void write(Connection connection, List<CloudEvent<AssistanceEvent>> events) throws SQLException {
        write(connection, events, null);
    }

    /**
     * As {@link #write(Connection, List)}; with {@code recountLater} (a rebuild that writes its
     * requests' rows later) the requests whose participants are to be recounted are added to it
     * instead, for {@link #recount} once their rows are written.
     */
    public static void write(Connection connection, List<CloudEvent<AssistanceEvent>> events, Set<UUID> recountLater)
            throws SQLException {
        Map<UUID, Object[]> delivered = new LinkedHashMap<>();
        Map<UUID, Object[]> rosters = new LinkedHashMap<>();
        ManyRows receipts = ManyRows.of(
                "receipt_facts",
                "event_id uuid",
                "request_id uuid",
                "shipment_id uuid",
                "accepted int",
                "received_at timestamptz");
        Set<UUID> requests = new LinkedHashSet<>();
        for (CloudEvent<AssistanceEvent> event : events) {
            AssistanceEvent data = event.data();
            if (data instanceof ActivityDelivered e) {
                Participants p = e.participants() == null ? new Participants(0, 0, 0) : e.participants();
                // an activity is delivered once: the first delivery told stands
                delivered.putIfAbsent(e.activityId(), new Object[] {
                    e.activityId(),
                    e.requestId(),
                    e.programmeCode(),
                    e.kind(),
                    p.women(),
                    p.men(),
                    p.other(),
                    p.notDisclosed(),
                    p.total(),
                    at(e.deliveredAt(), event)
                });
                requests.add(e.requestId());
            } else if (data instanceof ParticipantsRecorded e && e.summary() != null) {
                ParticipantSummary s = e.summary();
                Object[] row = {
                    e.activityId(),
                    e.requestId(),
                    e.programmeCode(),
                    e.country(),
                    e.kind(),
                    s.total(),
                    s.women(),
                    s.men(),
                    s.other(),
                    s.notDisclosed(),
                    s.completed(),
                    s.certified(),
                    s.returning(),
                    s.averageScoreGain(),
                    at(e.recordedAt(), event)
                };
                rosters.merge(
                        e.activityId(),
                        row,
                        (kept, given) -> ((OffsetDateTime) given[given.length - 1])
                                        .isBefore((OffsetDateTime) kept[kept.length - 1])
                                ? kept
                                : given);
                requests.add(e.requestId());
            } else if (data instanceof ReceiptConfirmed e) {
                int accepted = e.lines() == null
                        ? 0
                        : e.lines().stream()
                                .mapToInt(ReceiptLine::quantityAccepted)
                                .sum();
                receipts.add(event.id(), e.requestId(), e.shipmentId(), accepted, at(e.receivedAt(), event));
            }
        }
        ManyRows activities = ManyRows.of(
                "activity_participants",
                "activity_id uuid",
                "request_id uuid",
                "programme_code",
                "kind",
                "women int",
                "men int",
                "other int",
                "not_disclosed int",
                "total int",
                "delivered_at timestamptz");
        delivered.values().forEach(activities::add);
        activities.insertNew(connection);
        ManyRows latest = ManyRows.of(
                "activity_rosters",
                "activity_id uuid",
                "request_id uuid",
                "programme_code",
                "country",
                "kind",
                "total int",
                "women int",
                "men int",
                "other int",
                "not_disclosed int",
                "completed int",
                "certified int",
                "returning_participants int",
                "average_score_gain numeric",
                "recorded_at timestamptz");
        rosters.values().forEach(latest::add);
        latest.upsertUnlessLater(connection, "activity_id", "recorded_at");
        receipts.insertNew(connection);
        if (recountLater != null) {
            recountLater.addAll(requests);
        } else {
            recount(connection, requests);
        }
    }

    /** The requests' participants recounted from their activities (each from its roster where there is one). */
    public static void recount(Connection connection, Collection<UUID> requests) throws SQLException {
        if (!requests.isEmpty()) {
            try (PreparedStatement recompute = FreshPlans.eachExecution(connection.prepareStatement(RECOMPUTE))) {
                recompute.setArray(1, connection.createArrayOf("uuid", requests.toArray()));
                recompute.executeUpdate();
            }
        }
    }

    private static OffsetDateTime at(OffsetDateTime told, CloudEvent<AssistanceEvent> event) {
        return told != null ? told : event.time() != null ? event.time() : OffsetDateTime.now();
    }
}
