package org.assistance.programservice.activities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.events.ResultEvents.Sex;
import org.assistance.chassis.events.ReviewEvents.ParticipantsRecorded;
import org.assistance.chassis.events.Values.ParticipantSummary;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;
import org.assistance.programservice.programmes.RowLocks;

/**
 * Who took part in an activity: a roster of the agency's pseudonyms for its people, with their sex,
 * scores, attendance and certificates. Every change publishes, in its transaction, what the whole
 * roster adds up to ({@link ParticipantsRecorded}) and nothing about anyone on it.
 */
@ApplicationScoped
public class Roster {
    /** The most people one activity's roster holds (and lists). */
    public static final int MAX_PARTICIPANTS = 1_000;
    /** The roster's summary is read at {@code participants/summary}: no participant may be named so. */
    private static final String SUMMARY = "summary";
    /** The roster's entries are audited by pseudonym only, as the roster holds them: nobody is named. */
    static final String AUDIT_KIND = "participant";

    private final Outbox outbox;
    private final RowLocks rowLocks;
    private final ParticipantSettings settings;
    private final AuditTrail audit;

    public Roster(Outbox outbox, RowLocks rowLocks, ParticipantSettings settings, AuditTrail audit) {
        this.outbox = outbox;
        this.rowLocks = rowLocks;
        this.settings = settings;
        this.audit = audit;
    }

    /** A participant on the roster, with whether (and in how many earlier activities) the agency saw them before. */
    public record Participant(RosterEntry entry, int earlierActivities) {
        public boolean returning() {
            return earlierActivities > 0;
        }
    }

    /** Puts a person on an activity's roster: once per activity, and not on a cancelled one. */
    @Transactional
    public Participant add(UUID activityId, String participantId, RosterEntry.Details details, String by) {
        if (SUMMARY.equals(participantId)) {
            throw InvalidInput.field("participantId", Text.of("roster.summary-reserved"));
        }
        rowLocks.bounded();
        Activity activity = lockedActivity(activityId);
        activity.requireRosterOpen();
        if (entry(activityId, participantId) != null) {
            throw new DomainRuleViolation(
                    409,
                    "participant-already-on-roster",
                    Text.of("roster.already-on", "participant", participantId, "activity", activityId.toString()));
        }
        if (RosterEntry.count("activityId", activityId) >= MAX_PARTICIPANTS) {
            throw new DomainRuleViolation(422, "roster-full", Text.of("roster.full", "max", MAX_PARTICIPANTS));
        }
        OffsetDateTime now = OffsetDateTime.now();
        RosterEntry entry = RosterEntry.of(activity, agencyOf(activity), participantId, by, now);
        entry.take(details, now);
        entry.persist();
        recorded(activity, now);
        Participant added = participant(activity, entry);
        audit.created(AUDIT_KIND, subject(activityId, participantId), Audited.of(null, ParticipantView.of(added)));
        return added;
    }

    /** Replaces what is recorded about a participant (post-test scores and certificates usually come later). */
    @Transactional
    public Participant replace(UUID activityId, String participantId, RosterEntry.Details details) {
        rowLocks.bounded();
        Activity activity = lockedActivity(activityId);
        activity.requireRosterOpen();
        RosterEntry entry = entry(activityId, participantId);
        if (entry == null) {
            throw DomainRuleViolation.notFound(Text.of(
                    "roster.participant-not-found", "participant", participantId, "activity", activityId.toString()));
        }
        ParticipantView before = ParticipantView.of(participant(activity, entry));
        OffsetDateTime now = OffsetDateTime.now();
        entry.take(details, now);
        recorded(activity, now);
        Participant replaced = participant(activity, entry);
        ParticipantView after = ParticipantView.of(replaced);
        audit.changed(
                AUDIT_KIND,
                subject(activityId, participantId),
                new Audited(participantId, List.of()),
                Audited.of(before, after));
        return replaced;
    }

    /** The activity's roster, by participant id. */
    @Transactional
    public List<Participant> of(UUID activityId) {
        Activity activity = activity(activityId);
        List<RosterEntry> entries = entries(activityId);
        Map<String, Integer> earlier = earlierActivities(activity, entries);
        return entries.stream()
                .map(e -> new Participant(e, earlier.getOrDefault(e.participantId, 0)))
                .toList();
    }

    /** One participant of the activity's roster. */
    @Transactional
    public Participant one(UUID activityId, String participantId) {
        Activity activity = activity(activityId);
        RosterEntry entry = entry(activityId, participantId);
        if (entry == null) {
            throw DomainRuleViolation.notFound(Text.of(
                    "roster.participant-not-found", "participant", participantId, "activity", activityId.toString()));
        }
        return participant(activity, entry);
    }

    /** What the activity's whole roster adds up to now. */
    @Transactional
    public ParticipantSummary summaryOf(UUID activityId) {
        return summary(activity(activityId));
    }

    /** What the roster adds up to, or null when the activity has nobody on its roster. */
    @Transactional(Transactional.TxType.MANDATORY)
    ParticipantSummary summaryIfAny(Activity activity) {
        ParticipantSummary summary = summary(activity);
        return summary.total() == 0 ? null : summary;
    }

    private void recorded(Activity activity, OffsetDateTime now) {
        outbox.record(new ParticipantsRecorded(
                activity.requestId,
                activity.id,
                activity.programmeCode,
                activity.country,
                activity.kind.name(),
                summary(activity),
                now));
    }

    private ParticipantSummary summary(Activity activity) {
        List<RosterEntry> entries = entries(activity.id);
        Map<String, Integer> earlier = earlierActivities(activity, entries);
        int returning = (int) entries.stream()
                .filter(e -> earlier.getOrDefault(e.participantId, 0) > 0)
                .count();
        return summarise(
                entries, returning, settings.completionAttendancePercent(), settings.minimumGroupForAverages());
    }

    /**
     * The roster's totals: counts by sex, those who attended at least {@code completionPercent},
     * those certified, and the average scores (pre over those with one, post over those with one,
     * the gain over those with both), to two decimals (half even), null when fewer than {@code
     * minimumGroup} have one.
     */
    static ParticipantSummary summarise(
            List<RosterEntry> entries, int returning, int completionPercent, int minimumGroup) {
        Map<Sex, Integer> bySex = new HashMap<>();
        int completed = 0;
        int certified = 0;
        BigDecimal pre = BigDecimal.ZERO;
        int withPre = 0;
        BigDecimal post = BigDecimal.ZERO;
        int withPost = 0;
        BigDecimal gain = BigDecimal.ZERO;
        int withBoth = 0;
        for (RosterEntry e : entries) {
            bySex.merge(e.sex, 1, Integer::sum);
            if (e.attendancePercent != null && e.attendancePercent >= completionPercent) {
                completed++;
            }
            if (e.certificateIssued) {
                certified++;
            }
            if (e.preTestScore != null) {
                pre = pre.add(e.preTestScore);
                withPre++;
            }
            if (e.postTestScore != null) {
                post = post.add(e.postTestScore);
                withPost++;
            }
            if (e.preTestScore != null && e.postTestScore != null) {
                gain = gain.add(e.postTestScore.subtract(e.preTestScore));
                withBoth++;
            }
        }
        return new ParticipantSummary(
                entries.size(),
                bySex.getOrDefault(Sex.FEMALE, 0),
                bySex.getOrDefault(Sex.MALE, 0),
                bySex.getOrDefault(Sex.OTHER, 0),
                bySex.getOrDefault(Sex.NOT_DISCLOSED, 0),
                completed,
                certified,
                returning,
                average(pre, withPre, minimumGroup),
                average(post, withPost, minimumGroup),
                average(gain, withBoth, minimumGroup));
    }

    private static BigDecimal average(BigDecimal sum, int count, int minimumGroup) {
        return count == 0 || count < minimumGroup
                ? null
                : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN);
    }

    private Participant participant(Activity activity, RosterEntry entry) {
        return new Participant(
                entry, earlierActivities(activity, List.of(entry)).getOrDefault(entry.participantId, 0));
    }

    /**
     * For each of the entries, in how many of the agency's other activities that started before
     * this one (and were not cancelled) the same person took part.
     */
    private static Map<String, Integer> earlierActivities(Activity activity, List<RosterEntry> entries) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        List<String> ids = entries.stream().map(e -> e.participantId).toList();
        List<Object[]> rows = RosterEntry.getEntityManager()
                .createQuery(
                        "select p.participantId, count(distinct a.id) from RosterEntry p, Activity a"
                                + " where a.id = p.activityId and p.agencyId = ?1 and p.participantId in ?2"
                                + " and a.id <> ?3 and a.status <> ?4"
                                + " and coalesce(a.actualStart, a.plannedStart) < ?5"
                                + " group by p.participantId",
                        Object[].class)
                .setParameter(1, agencyOf(activity))
                .setParameter(2, ids)
                .setParameter(3, activity.id)
                .setParameter(4, Activity.Status.CANCELLED)
                .setParameter(5, activity.start())
                .getResultList();
        Map<String, Integer> earlier = new HashMap<>();
        rows.forEach(r -> earlier.put((String) r[0], ((Number) r[1]).intValue()));
        return earlier;
    }

    /** Whose pseudonyms the roster holds: the request's agency (its request, for an activity kept without one). */
    private static String agencyOf(Activity activity) {
        return activity.agencyId != null ? activity.agencyId : "request:" + activity.requestId;
    }

    /** Which entry: a pseudonym is the agency's, unique only within one activity's roster. */
    private static String subject(UUID activityId, String participantId) {
        return activityId + "/" + participantId;
    }

    private static List<RosterEntry> entries(UUID activityId) {
        return RosterEntry.list("activityId = ?1 order by participantId", activityId);
    }

    private static RosterEntry entry(UUID activityId, String participantId) {
        return RosterEntry.<RosterEntry>find("activityId = ?1 and participantId = ?2", activityId, participantId)
                .firstResult();
    }

    private static Activity lockedActivity(UUID activityId) {
        Activity activity = Activity.findById(activityId, LockModeType.PESSIMISTIC_WRITE);
        if (activity == null) {
            throw Activities.notFound(activityId);
        }
        return activity;
    }

    private static Activity activity(UUID activityId) {
        Activity activity = Activity.findById(activityId);
        if (activity == null) {
            throw Activities.notFound(activityId);
        }
        return activity;
    }

    /**
     * What the audit trail keeps of a roster change: who (the pseudonym) and which fields were recorded
     * or changed, never their values. The trail can never be erased, and a participant's sex, rank,
     * organisation and scores are personal data that must stay erasable with the roster.
     */
    record Audited(String participantId, List<String> fields) {
        static Audited of(ParticipantView before, ParticipantView after) {
            List<String> fields = new java.util.ArrayList<>();
            field(fields, "sex", before == null ? null : before.sex(), after.sex());
            field(fields, "roleOrRank", before == null ? null : before.roleOrRank(), after.roleOrRank());
            field(fields, "organisation", before == null ? null : before.organisation(), after.organisation());
            field(fields, "preTestScore", before == null ? null : before.preTestScore(), after.preTestScore());
            field(fields, "postTestScore", before == null ? null : before.postTestScore(), after.postTestScore());
            field(
                    fields,
                    "attendancePercent",
                    before == null ? null : before.attendancePercent(),
                    after.attendancePercent());
            field(
                    fields,
                    "certificateIssued",
                    before == null ? null : before.certificateIssued(),
                    after.certificateIssued());
            return new Audited(after.participantId(), List.copyOf(fields));
        }

        private static void field(List<String> fields, String name, Object before, Object after) {
            boolean same = before instanceof java.math.BigDecimal b && after instanceof java.math.BigDecimal a
                    ? b.compareTo(a) == 0
                    : java.util.Objects.equals(before, after);
            if (!same && !(before == null && Boolean.FALSE.equals(after))) {
                fields.add(name);
            }
        }
    }
}
