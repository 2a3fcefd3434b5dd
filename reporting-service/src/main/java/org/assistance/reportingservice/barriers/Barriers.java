package org.assistance.reportingservice.barriers;

import static org.assistance.reportingservice.barriers.BarrierFacts.CANCELLED;
import static org.assistance.reportingservice.barriers.BarrierFacts.CLEARED;
import static org.assistance.reportingservice.barriers.BarrierFacts.HELD;
import static org.assistance.reportingservice.barriers.BarrierFacts.IMPEDIMENT_RECORDED;
import static org.assistance.reportingservice.barriers.BarrierFacts.IMPEDIMENT_RESOLVED;
import static org.assistance.reportingservice.barriers.BarrierFacts.LINES_REMOVED;
import static org.assistance.reportingservice.barriers.BarrierFacts.PLANNED;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.assistance.chassis.events.Values.BarrierBasis;
import org.assistance.reportingservice.barriers.BarriersReport.Amount;
import org.assistance.reportingservice.barriers.BarriersReport.Figures;
import org.assistance.reportingservice.barriers.BarriersReport.ImpedimentRow;
import org.assistance.reportingservice.barriers.BarriersReport.MeasureRow;
import org.assistance.reportingservice.readmodels.ManyRows;
import org.assistance.reportingservice.readmodels.ReadModelTables;

/**
 * The barriers report, folded from the shipments' events ({@code barrier_events}) when it is read.
 * The rules, in the README's words:
 * <ul>
 *   <li>A <b>measure</b> (basis, imposedBy, instrument, reference, measure) affects a shipment from
 *       the first hold whose hits name it until the first clearance, removal of lines or
 *       cancellation at or after that hold (still standing without one). Its lines are the hit
 *       lines; a hit line's items are <em>blocked</em> when lines of its item were removed at or
 *       after the hold (those removed), or when the shipment was cancelled while held (all of
 *       them); the rest are <em>delayed</em>. Denials: hit lines with items blocked.</li>
 *   <li>An <b>impediment</b> (kind, basis) affects its shipment from {@code occurredAt} until
 *       {@code resolvedAt}, or until the shipment's cancellation if it was cancelled while the
 *       impediment stood. Its lines are every line of the shipment at {@code occurredAt} (as
 *       planned, less lines removed before); its items are blocked when the shipment was cancelled
 *       while it stood, delayed otherwise. Denials: impediments of kind LICENCE_DENIED, and any
 *       other whose shipment was cancelled while it stood. Several impediments of one row on one
 *       shipment make one span, from the first's start to the last's end.</li>
 *   <li>Days: per affected shipment, seconds from the start to the end (or to {@code asOf} while it
 *       stands: now, or the start of the day after {@code to} if earlier) / 86400; the total and
 *       the median (the mean of the two middle ones for an even count) rounded to 2 decimals,
 *       HALF_UP. Values: quantity x unit cost as the shipment was planned, per currency.</li>
 *   <li>Filters: the destination; the basis (a hit or impediment without one is OTHER); from/to:
 *       barriers that began (held, occurred) on those days (UTC), inclusive.</li>
 * </ul>
 */
@ApplicationScoped
public class Barriers {
    /** At most this many rows of measures, and of impediments, in one answer. */
    public static final int MAX_ROWS = 1000;

    static final String LICENCE_DENIED = "LICENCE_DENIED";
    private static final BigDecimal SECONDS_A_DAY = BigDecimal.valueOf(86400);
    private static final String OTHER = BarrierBasis.OTHER.name();

    private final EntityManager entityManager;
    private final ReadModelTables tables;

    public Barriers(EntityManager entityManager, ReadModelTables tables) {
        this.entityManager = entityManager;
        this.tables = tables;
    }

    /** What the report is narrowed to; every part may be null. */
    public record Filter(String country, String basis, LocalDate from, LocalDate to) {}

    /** A screening measure, as a row of the report names it. */
    public record MeasureKey(String basis, String imposedBy, String instrument, String reference, String measure) {}

    /** The report as of now. */
    @Transactional
    public BarriersReport report(Filter filter) {
        tables.guardReading();
        OffsetDateTime asOf = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        if (filter.to() != null) {
            OffsetDateTime endOfTo = filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
            if (endOfTo.isBefore(asOf)) {
                asOf = endOfTo;
            }
        }
        return fold(stories(filter.country()), filter, asOf);
    }

    // ---- the facts, shipment by shipment -------------------------------------------------------

    /** One shipment's events as the report needs them. */
    static final class Story {
        final UUID shipmentId;
        final Map<String, BarrierFact.Line> planned = new LinkedHashMap<>();
        final List<Hold> holds = new ArrayList<>();
        final List<OffsetDateTime> clearances = new ArrayList<>();
        final List<Removal> removals = new ArrayList<>();
        OffsetDateTime cancelledAt;
        final Map<UUID, Impediment> impediments = new LinkedHashMap<>();

        Story(UUID shipmentId) {
            this.shipmentId = shipmentId;
        }

        /** The first clearance, removal of lines or cancellation at or after {@code start}; null while none. */
        OffsetDateTime endOfHold(OffsetDateTime start) {
            OffsetDateTime end = null;
            for (OffsetDateTime at : clearances) {
                end = earliestFrom(start, end, at);
            }
            for (Removal r : removals) {
                end = earliestFrom(start, end, r.at());
            }
            return earliestFrom(start, end, cancelledAt);
        }

        /** Items of {@code itemCode} removed at or after {@code start}. */
        int removedFrom(String itemCode, OffsetDateTime start, boolean atOrAfter) {
            int removed = 0;
            for (Removal r : removals) {
                boolean counts = atOrAfter ? !r.at().isBefore(start) : r.at().isBefore(start);
                if (counts) {
                    for (BarrierFact.Line l : r.lines()) {
                        if (l.itemCode().equals(itemCode)) {
                            removed += l.quantity();
                        }
                    }
                }
            }
            return removed;
        }

        /** The unit cost of an item, as planned (or as a removal said, if no plan is known). */
        BarrierFact.Line cost(String itemCode) {
            BarrierFact.Line line = planned.get(itemCode);
            if (line != null && line.unitCost() != null) {
                return line;
            }
            for (Removal r : removals) {
                for (BarrierFact.Line l : r.lines()) {
                    if (l.itemCode().equals(itemCode) && l.unitCost() != null) {
                        return l;
                    }
                }
            }
            return line;
        }

        private static OffsetDateTime earliestFrom(OffsetDateTime start, OffsetDateTime current, OffsetDateTime at) {
            if (at == null || at.isBefore(start)) {
                return current;
            }
            return current == null || at.isBefore(current) ? at : current;
        }
    }

    record Hold(OffsetDateTime at, List<BarrierFact.Hit> hits) {}

    record Removal(OffsetDateTime at, List<BarrierFact.Line> lines) {}

    static final class Impediment {
        String kind;
        String basis;
        OffsetDateTime occurredAt;
        OffsetDateTime resolvedAt;
        BigDecimal extraCost;
        String extraCostCurrency;
    }

    private Map<UUID, Story> stories(String country) {
        Query query = entityManager.createNativeQuery("""
                select e.shipment_id, e.kind, e.occurred_at, e.detail::text as detail from barrier_events e
                where e.shipment_id in (select b.shipment_id from barrier_events b
                                        where b.kind in ('HELD', 'IMPEDIMENT_RECORDED')
                                          and (cast(?1 as text) is null or b.destination = cast(?1 as text)))
                order by e.occurred_at, e.event_id""", Tuple.class);
        query.setParameter(1, country);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        Map<UUID, Story> stories = new LinkedHashMap<>();
        List<Object[]> resolutions = new ArrayList<>();
        for (Tuple row : rows) {
            UUID shipmentId = row.get("shipment_id", UUID.class);
            Story story = stories.computeIfAbsent(shipmentId, Story::new);
            OffsetDateTime at = time(row.get("occurred_at"));
            BarrierFact fact = ManyRows.fromJson(row.get("detail", String.class), new TypeReference<BarrierFact>() {});
            switch (row.get("kind", String.class)) {
                case PLANNED -> {
                    for (BarrierFact.Line l : lines(fact)) {
                        story.planned.merge(
                                l.itemCode(),
                                l,
                                (a, b) -> new BarrierFact.Line(
                                        a.itemCode(), a.quantity() + b.quantity(), a.unitCost(), a.currency()));
                    }
                }
                case HELD -> story.holds.add(new Hold(at, fact.hits() == null ? List.of() : fact.hits()));
                case CLEARED -> story.clearances.add(at);
                case LINES_REMOVED -> story.removals.add(new Removal(at, lines(fact)));
                case CANCELLED ->
                    story.cancelledAt =
                            story.cancelledAt == null || at.isBefore(story.cancelledAt) ? at : story.cancelledAt;
                case IMPEDIMENT_RECORDED -> {
                    Impediment i = story.impediments.computeIfAbsent(fact.impedimentId(), id -> new Impediment());
                    i.kind = fact.kind();
                    i.basis = fact.basis() == null ? OTHER : fact.basis();
                    i.occurredAt = at;
                    i.resolvedAt = i.resolvedAt != null ? i.resolvedAt : parse(fact.resolvedAt());
                    if (i.extraCost == null) {
                        i.extraCost = fact.extraCost();
                        i.extraCostCurrency = fact.extraCostCurrency();
                    }
                }
                case IMPEDIMENT_RESOLVED -> resolutions.add(new Object[] {story, fact});
                default -> {}
            }
        }
        // resolutions in the order they were recorded: the last one's time and cost stand
        for (Object[] r : resolutions) {
            Story story = (Story) r[0];
            BarrierFact fact = (BarrierFact) r[1];
            Impediment i = story.impediments.computeIfAbsent(fact.impedimentId(), id -> new Impediment());
            if (fact.resolvedAt() != null) {
                i.resolvedAt = parse(fact.resolvedAt());
            }
            if (fact.extraCost() != null) {
                i.extraCost = fact.extraCost();
                i.extraCostCurrency = fact.extraCostCurrency();
            }
        }
        // a resolution whose recording never arrived affects nothing yet
        stories.values().forEach(s -> s.impediments.values().removeIf(i -> i.kind == null));
        return stories;
    }

    private static List<BarrierFact.Line> lines(BarrierFact fact) {
        return fact.lines() == null ? List.of() : fact.lines();
    }

    // ---- the fold ------------------------------------------------------------------------------

    /** One shipment as a row counts it: when the barrier began and ended, and its lines' items. */
    static final class Affected {
        OffsetDateTime start;
        OffsetDateTime end;
        boolean standing;
        /** itemCode → {affected, blocked}. */
        final Map<String, int[]> items = new TreeMap<>();

        final Story story;

        Affected(Story story) {
            this.story = story;
        }

        long seconds(OffsetDateTime asOf) {
            OffsetDateTime until = standing || end == null ? asOf : end;
            return Math.max(0, Duration.between(start, until).getSeconds());
        }
    }

    /** A row's shipments and its own counts (denials, extra cost). */
    static final class Row {
        final Map<UUID, Affected> shipments = new LinkedHashMap<>();
        long denials;
        final Map<String, BigDecimal> extraCost = new TreeMap<>();
    }

    static BarriersReport fold(Map<UUID, Story> stories, Filter filter, OffsetDateTime asOf) {
        Map<MeasureKey, Row> measures = new TreeMap<>(
                Comparator.comparing(MeasureKey::basis, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                        .thenComparing(MeasureKey::imposedBy, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(MeasureKey::instrument, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(MeasureKey::reference, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(MeasureKey::measure, Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<List<String>, Row> impediments = new TreeMap<>(Comparator.comparing(Object::toString));
        for (Story story : stories.values()) {
            measures(story, filter, measures);
            impediments(story, filter, impediments);
        }
        List<MeasureRow> measureRows = new ArrayList<>();
        measures.forEach((key, row) -> measureRows.add(new MeasureRow(key, figures(row, asOf))));
        List<ImpedimentRow> impedimentRows = new ArrayList<>();
        impediments.forEach(
                (key, row) -> impedimentRows.add(new ImpedimentRow(key.get(0), key.get(1), figures(row, asOf))));
        Row all = new Row();
        for (Row row : concat(measures.values(), impediments.values())) {
            all.denials += row.denials;
            row.extraCost.forEach((currency, amount) -> all.extraCost.merge(currency, amount, BigDecimal::add));
            row.shipments.forEach((id, a) -> {
                Affected total = all.shipments.computeIfAbsent(id, k -> new Affected(a.story));
                total.start = total.start == null || a.start.isBefore(total.start) ? a.start : total.start;
                total.standing |= a.standing;
                total.end = total.end == null || (a.end != null && a.end.isAfter(total.end)) ? a.end : total.end;
                a.items.forEach((item, q) -> {
                    int[] kept = total.items.computeIfAbsent(item, k -> new int[2]);
                    kept[0] = Math.max(kept[0], q[0]);
                    kept[1] = Math.max(kept[1], q[1]);
                });
            });
        }
        return new BarriersReport(
                filter.country(),
                filter.basis(),
                filter.from(),
                filter.to(),
                asOf,
                measureRows.size() <= MAX_ROWS ? measureRows : measureRows.subList(0, MAX_ROWS),
                impedimentRows.size() <= MAX_ROWS ? impedimentRows : impedimentRows.subList(0, MAX_ROWS),
                figures(all, asOf));
    }

    private static List<Row> concat(java.util.Collection<Row> a, java.util.Collection<Row> b) {
        List<Row> rows = new ArrayList<>(a);
        rows.addAll(b);
        return rows;
    }

    private static void measures(Story story, Filter filter, Map<MeasureKey, Row> measures) {
        List<Hold> holds = new ArrayList<>(story.holds);
        holds.sort(Comparator.comparing(Hold::at));
        Map<MeasureKey, Affected> mine = new HashMap<>();
        for (Hold hold : holds) {
            for (BarrierFact.Hit hit : hold.hits()) {
                MeasureKey key = new MeasureKey(
                        hit.basis() == null ? OTHER : hit.basis(),
                        hit.imposedBy(),
                        hit.instrument(),
                        hit.reference(),
                        hit.measure());
                Affected affected = mine.get(key);
                if (affected == null) {
                    if (!within(filter, key.basis(), hold.at())) {
                        continue;
                    }
                    affected = new Affected(story);
                    affected.start = hold.at();
                    affected.end = story.endOfHold(hold.at());
                    affected.standing = affected.end == null;
                    mine.put(key, affected);
                }
                if (!affected.items.containsKey(hit.itemCode())) {
                    affected.items.put(hit.itemCode(), hitLine(story, hit.itemCode(), affected));
                }
            }
        }
        mine.forEach((key, affected) -> {
            Row row = measures.computeIfAbsent(key, k -> new Row());
            row.shipments.put(story.shipmentId, affected);
            row.denials +=
                    affected.items.values().stream().filter(q -> q[1] > 0).count();
        });
    }

    /** {affected, blocked} of a hit line. */
    private static int[] hitLine(Story story, String itemCode, Affected affected) {
        BarrierFact.Line planned = story.planned.get(itemCode);
        int removed = story.removedFrom(itemCode, affected.start, true);
        int quantity = planned == null ? removed : planned.quantity();
        int blocked;
        if (removed > 0) {
            blocked = Math.min(quantity, removed);
        } else if (affected.end != null && Objects.equals(affected.end, story.cancelledAt)) {
            blocked = quantity; // cancelled while held
        } else {
            blocked = 0;
        }
        return new int[] {quantity, blocked};
    }

    private static void impediments(Story story, Filter filter, Map<List<String>, Row> impediments) {
        List<Impediment> ordered = new ArrayList<>(story.impediments.values());
        ordered.sort(Comparator.comparing(i -> i.occurredAt));
        for (Impediment i : ordered) {
            if (!within(filter, i.basis, i.occurredAt)) {
                continue;
            }
            boolean cancelledWhileStanding = story.cancelledAt != null
                    && !story.cancelledAt.isBefore(i.occurredAt)
                    && (i.resolvedAt == null || !story.cancelledAt.isAfter(i.resolvedAt));
            OffsetDateTime end = cancelledWhileStanding ? story.cancelledAt : i.resolvedAt;
            Row row = impediments.computeIfAbsent(List.of(i.kind, i.basis), k -> new Row());
            Affected affected = row.shipments.get(story.shipmentId);
            if (affected == null) {
                affected = new Affected(story);
                affected.start = i.occurredAt;
                for (BarrierFact.Line line : story.planned.values()) {
                    int left = line.quantity() - story.removedFrom(line.itemCode(), i.occurredAt, false);
                    if (left > 0) {
                        affected.items.put(line.itemCode(), new int[] {left, 0});
                    }
                }
                row.shipments.put(story.shipmentId, affected);
            }
            affected.standing |= end == null;
            affected.end = affected.end == null || (end != null && end.isAfter(affected.end)) ? end : affected.end;
            if (cancelledWhileStanding) {
                affected.items.values().forEach(q -> q[1] = q[0]);
            }
            if (LICENCE_DENIED.equals(i.kind) || cancelledWhileStanding) {
                row.denials++;
            }
            if (i.extraCost != null && i.extraCostCurrency != null) {
                row.extraCost.merge(i.extraCostCurrency, i.extraCost, BigDecimal::add);
            }
        }
    }

    private static boolean within(Filter filter, String basis, OffsetDateTime began) {
        if (filter.basis() != null && !filter.basis().equals(basis)) {
            return false;
        }
        LocalDate day = began.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        return (filter.from() == null || !day.isBefore(filter.from()))
                && (filter.to() == null || !day.isAfter(filter.to()));
    }

    private static Figures figures(Row row, OffsetDateTime asOf) {
        long lines = 0;
        long blocked = 0;
        long delayed = 0;
        long standing = 0;
        Map<String, BigDecimal> valueBlocked = new TreeMap<>();
        Map<String, BigDecimal> valueDelayed = new TreeMap<>();
        List<Long> seconds = new ArrayList<>();
        for (Affected a : row.shipments.values()) {
            seconds.add(a.seconds(asOf));
            if (a.standing) {
                standing++;
            }
            for (Map.Entry<String, int[]> item : a.items.entrySet()) {
                lines++;
                int[] q = item.getValue();
                blocked += q[1];
                delayed += q[0] - q[1];
                BarrierFact.Line cost = a.story.cost(item.getKey());
                if (cost != null && cost.unitCost() != null && cost.currency() != null) {
                    if (q[1] > 0) {
                        valueBlocked.merge(
                                cost.currency(), cost.unitCost().multiply(BigDecimal.valueOf(q[1])), BigDecimal::add);
                    }
                    if (q[0] - q[1] > 0) {
                        valueDelayed.merge(
                                cost.currency(),
                                cost.unitCost().multiply(BigDecimal.valueOf(q[0] - q[1])),
                                BigDecimal::add);
                    }
                }
            }
        }
        seconds.sort(null);
        long sum = seconds.stream().mapToLong(Long::longValue).sum();
        BigDecimal median = null;
        if (!seconds.isEmpty()) {
            int n = seconds.size();
            BigDecimal middle = n % 2 == 1
                    ? BigDecimal.valueOf(seconds.get(n / 2))
                    : BigDecimal.valueOf(seconds.get(n / 2 - 1) + seconds.get(n / 2))
                            .divide(BigDecimal.valueOf(2));
            median = days(middle);
        }
        return new Figures(
                row.shipments.size(),
                lines,
                blocked,
                amounts(valueBlocked),
                delayed,
                amounts(valueDelayed),
                days(BigDecimal.valueOf(sum)),
                median,
                standing,
                row.denials,
                amounts(row.extraCost));
    }

    /** Seconds as days, 2 decimals, HALF_UP. */
    static BigDecimal days(BigDecimal seconds) {
        return seconds.divide(SECONDS_A_DAY, 2, RoundingMode.HALF_UP);
    }

    private static List<Amount> amounts(Map<String, BigDecimal> perCurrency) {
        List<Amount> amounts = new ArrayList<>();
        perCurrency.forEach(
                (currency, amount) -> amounts.add(new Amount(currency, amount.setScale(2, RoundingMode.HALF_UP))));
        return amounts;
    }

    private static OffsetDateTime parse(String time) {
        return time == null ? null : OffsetDateTime.parse(time);
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        } else if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        } else if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
