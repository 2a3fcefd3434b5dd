package org.assistance.reportingservice.events;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.assistance.chassis.inbox.PollHandler;
import org.assistance.reportingservice.barriers.BarrierFacts;
import org.assistance.reportingservice.countries.CountryFacts;
import org.assistance.reportingservice.dashboard.DashboardStream;
import org.assistance.reportingservice.dashboard.DeliveryReadModel;
import org.assistance.reportingservice.dashboard.FactTables;
import org.assistance.reportingservice.dashboard.LiveEvent;
import org.assistance.reportingservice.dashboard.ProgrammeFacts;
import org.assistance.reportingservice.dashboard.RequestFacts;
import org.assistance.reportingservice.dashboard.RequestJourney;
import org.assistance.reportingservice.enduse.EndUseFacts;
import org.assistance.reportingservice.readmodels.ReadModelTables;
import org.assistance.reportingservice.results.IndicatorFacts;
import org.assistance.reportingservice.results.ParticipantFacts;
import org.assistance.reportingservice.timelines.TimelineEntry;
import org.assistance.reportingservice.timelines.Timelines;
import org.hibernate.Session;

/**
 * The one way events of the platform reach the read models (the requests' timelines and the
 * dashboard's facts), whether they arrive live from a topic or are replayed by a rebuild: the
 * rows of their requests are read (or made new), the events folded into them in memory by the
 * domain's rules ({@link DeliveryReadModel}), and what changed written back, each table in one
 * statement.
 */
@ApplicationScoped
@Startup // its handlers known from the start, so a dead letter can be replayed before its next event arrives
public class ReadModels {
    /** Keys the read models' memory of handled events, for live handling and a rebuild's replay alike. */
    public static final String CONSUMER = "read-models";

    /** Where the rows of a set of requests come from, as journeys to fold events into. */
    public interface Journeys {
        Map<UUID, RequestJourney> of(Connection connection, Set<UUID> requestIds) throws SQLException;
    }

    /** Live handling: the requests' rows locked (consumers of several topics may hold one request's events at once). */
    public static final Journeys LOCKED = (connection, ids) -> {
        Map<UUID, RequestFacts> requests = FactTables.lockRequests(connection, ids);
        RequestJourney.Rows rows = FactTables.rowsOf(connection, ids);
        Map<UUID, RequestJourney> journeys = new HashMap<>();
        requests.forEach((id, request) -> journeys.put(id, new RequestJourney(request, rows)));
        return journeys;
    };

    private final EntityManager entityManager;
    private final EventInbox inbox;
    private final EventHandlers live;

    public ReadModels(EntityManager entityManager, EventInbox inbox, DashboardStream stream, ReadModelTables tables) {
        this.entityManager = entityManager;
        this.inbox = inbox;
        // every instance's dashboards hear of an event when the transaction applying it commits
        this.live = EventHandlers.named(CONSUMER)
                .firstInEachTransaction(tables::guardLiveHandling)
                .onEveryType(event -> apply(event).ifPresent(line -> stream.announce(line.event(), line.summaryText())))
                // a poll's events in one fold: their rows read once, each table written once
                .togetherInEachPoll((events, eachInSpan) -> applyAll(events, eachInSpan)
                        .forEach(line -> stream.announce(line.event(), line.summaryText())));
    }

    /** A polled batch from a topic, handled in one transaction (see EventInbox#receiveAll). */
    public void receive(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(records, live);
    }

    /**
     * Applies one event to every read model in the current transaction. Returns what the live
     * dashboards show of it; none for a programme event (a pledge), which belongs to no request's timeline.
     */
    Optional<LiveLine> apply(CloudEvent<AssistanceEvent> event) {
        return applyAll(List.of(event), (one, step) -> step.run()).stream().findFirst();
    }

    /**
     * Applies a poll's events together in the current transaction (the same fold a rebuild makes,
     * on the live tables, their rows locked), each event's step in its own span. Returns what the
     * live dashboards show of them, in their order.
     */
    List<LiveLine> applyAll(List<CloudEvent<AssistanceEvent>> events, PollHandler.EachInSpan eachInSpan) {
        List<TimelineEntry> entries = entityManager
                .unwrap(Session.class)
                .doReturningWork(connection -> fold(connection, events, LOCKED, false, null, eachInSpan));
        return entries.stream().map(ReadModels::lineOf).toList();
    }

    private static LiveLine lineOf(TimelineEntry entry) {
        return new LiveLine(
                new LiveEvent(entry.eventType, entry.requestId, entry.occurredAt, entry.source, entry.summary),
                entry.summaryText);
    }

    /** What the live dashboards show of an event: in English, and as words for each reader's language. */
    record LiveLine(LiveEvent event, String summaryText) {}

    /**
     * Folds {@code events} (each handled once, in their order) into the read models and writes
     * what they changed: the timelines' lines (with COPY when {@code copy}: a rebuild's staging
     * tables, the barriers' too), then every fact table in one statement. Returns the timeline lines written.
     */
    public static List<TimelineEntry> fold(
            Connection connection, List<CloudEvent<AssistanceEvent>> events, Journeys journeysOf, boolean copy)
            throws SQLException {
        return fold(connection, events, journeysOf, copy, null);
    }

    /**
     * As {@link #fold(Connection, List, Journeys, boolean)}; with {@code recountLater} (a rebuild
     * that keeps its journeys in memory from poll to poll and writes them when it lets them go) the
     * journeys' rows are not written, and the requests whose participants are to be recounted once
     * they are (ParticipantFacts#recount) are added to {@code recountLater}.
     */
    public static List<TimelineEntry> fold(
            Connection connection,
            List<CloudEvent<AssistanceEvent>> events,
            Journeys journeysOf,
            boolean copy,
            Set<UUID> recountLater)
            throws SQLException {
        return fold(connection, events, journeysOf, copy, recountLater, (event, step) -> step.run());
    }

    private static List<TimelineEntry> fold(
            Connection connection,
            List<CloudEvent<AssistanceEvent>> events,
            Journeys journeysOf,
            boolean copy,
            Set<UUID> recountLater,
            PollHandler.EachInSpan eachInSpan)
            throws SQLException {
        Set<UUID> requestIds = new LinkedHashSet<>();
        for (CloudEvent<AssistanceEvent> event : events) {
            if (event.data().requestId() != null) {
                requestIds.add(event.data().requestId());
            }
        }
        Map<UUID, RequestJourney> journeys = requestIds.isEmpty() ? Map.of() : journeysOf.of(connection, requestIds);
        ProgrammeFacts programme = new ProgrammeFacts();
        List<TimelineEntry> entries = new ArrayList<>(events.size());
        for (CloudEvent<AssistanceEvent> event : events) {
            eachInSpan.run(event, () -> {
                UUID requestId = event.data().requestId();
                if (requestId == null) {
                    DeliveryReadModel.apply(event, programme);
                } else {
                    entries.add(Timelines.entryOf(event));
                    DeliveryReadModel.apply(journeys.get(requestId), event, programme);
                }
            });
        }
        EndUseFacts.nameCheckedItems(connection, events, entries);
        Timelines.write(connection, entries, events, copy);
        FactTables.write(connection, recountLater == null ? journeys.values() : List.of(), programme);
        BarrierFacts.write(connection, events, copy);
        CountryFacts.write(connection, events);
        ParticipantFacts.write(connection, events, recountLater);
        IndicatorFacts.write(connection, events);
        EndUseFacts.write(connection, events);
        return entries;
    }
}
