package org.assistance.reportingservice.timelines;

import java.util.List;
import java.util.Locale;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.DocumentEvents.DocumentAttached;
import org.assistance.chassis.events.DocumentEvents.ShipmentDocumentAttached;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.MessagePosted;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestCancelled;
import org.assistance.chassis.events.RequestEvents.RequestClosed;
import org.assistance.chassis.events.RequestEvents.RequestDelivered;
import org.assistance.chassis.events.RequestEvents.RequestDeliveryStarted;
import org.assistance.chassis.events.RequestEvents.RequestEndorsed;
import org.assistance.chassis.events.RequestEvents.RequestEndorsementDeclined;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.RequestEvents.RequestWithdrawn;
import org.assistance.chassis.events.ReviewEvents.ActivityCancelled;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.FundsCommitted;
import org.assistance.chassis.events.ReviewEvents.InformationRequested;
import org.assistance.chassis.events.ReviewEvents.ParticipantsRecorded;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ReviewEvents.RequestRejected;
import org.assistance.chassis.events.ShipmentEvents.BackorderCancelled;
import org.assistance.chassis.events.ShipmentEvents.BackorderFulfilled;
import org.assistance.chassis.events.ShipmentEvents.EndUseCheckRecorded;
import org.assistance.chassis.events.ShipmentEvents.EndUseMonitoringStarted;
import org.assistance.chassis.events.ShipmentEvents.ImpedimentRecorded;
import org.assistance.chassis.events.ShipmentEvents.ImpedimentResolved;
import org.assistance.chassis.events.ShipmentEvents.LineBackordered;
import org.assistance.chassis.events.ShipmentEvents.LineRefused;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentLinesRemoved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentMilestone;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.ShipmentEvents.ShipmentReceived;
import org.assistance.chassis.events.Values.Deliverable;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ParticipantSummary;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Text;

/**
 * The one line a person reads in a timeline for each kind of event: staff read everything the
 * event told; the requesting agency reads its request's story without the platform's internal
 * money or screening detail. A line is words not yet in a language ({@link Text}, with the
 * values of {@link TimelineTexts}): it is put into the reader's language when read.
 */
public final class TimelineSummary {
    /** The longest line a timeline stores and answers (a long list of questions or lines is cut). */
    public static final int MAX_LENGTH = 2000;

    /** A message's visibility that only staff read. */
    private static final String INTERNAL = "INTERNAL";

    private static final String SEMICOLON = "timeline.separator.semicolon";
    private static final String COMMA = "timeline.separator.comma";

    private TimelineSummary() {}

    /** What staff read. */
    static Text of(AssistanceEvent event) {
        return told(event);
    }

    /** The line in a language, cut to {@link #MAX_LENGTH}. */
    public static String in(Text line, Locale language) {
        return line == null ? null : bounded(TimelineTexts.render(line, language));
    }

    /**
     * What the requesting agency reads: no amounts, donors or funds (the platform's money), no
     * export-control rule, screening measure or licence (the screening's internals). That a
     * shipment is held, cleared or delivered, and that the request was approved, it does read.
     * Null: the partner has no line of it.
     */
    static Text forPartner(AssistanceEvent event) {
        if (event instanceof MessagePosted e && INTERNAL.equals(e.visibility())) {
            return null; // a note between staff: the partner has no line of it (see forStaffOnly)
        } else if (event instanceof RequestApproved e) {
            return e.partial()
                    ? Text.of("timeline.approved.partial.partner", "programme", e.programmeCode())
                    : Text.of("timeline.approved.partner", "programme", e.programmeCode());
        } else if (event instanceof FundsCommitted) {
            return Text.of("timeline.funds-committed.partner");
        } else if (event instanceof ShipmentPlanned e) {
            return Text.of(
                    "timeline.shipment-planned.partner",
                    "shipment",
                    id(e.shipmentId()),
                    "country",
                    e.destinationCountry(),
                    "lines",
                    e.lines().size());
        } else if (event instanceof ShipmentHeld e) {
            return Text.of("timeline.shipment-held.partner", "shipment", id(e.shipmentId()));
        } else if (event instanceof ShipmentCleared e) {
            return Text.of("timeline.shipment-cleared.partner", "shipment", id(e.shipmentId()));
        } else if (event instanceof ShipmentDelivered e) {
            return Text.of("timeline.shipment-delivered.partner", "shipment", id(e.shipmentId()));
        } else if (event instanceof ImpedimentRecorded e) {
            // who refused and what it cost is the platform's: the partner reads that it happened
            Text line = Text.of(
                    "timeline.impediment.partner", "kind", impedimentKind(e.kind()), "shipment", id(e.shipmentId()));
            return e.resolvedAt() == null
                    ? line
                    : Text.of("timeline.with-resolved", "line", line, "date", day(e.resolvedAt()));
        } else if (event instanceof ImpedimentResolved e) {
            return resolved(e);
        } else if (event instanceof ShipmentDocumentAttached e) {
            // which paper a shipment carries (a licence, an end-user certificate) is the screening's
            return Text.of("timeline.document.partner", "shipment", e.attachedToId());
        } else if (event instanceof ShipmentLinesRemoved e) {
            // the reason is the screening's (a refused licence, a rule): not the partner's to read
            return Text.of("timeline.lines-removed.partner", "shipment", id(e.shipmentId()), "lines", lines(e.lines()));
        }
        return told(event);
    }

    /**
     * Whether a line is the staff's alone, left out of the partner's timeline: an internal note of
     * the request's conversation, which has no line for the partner ({@link #forPartner}).
     */
    static boolean forStaffOnly(String eventType, String partnerSummary) {
        return partnerSummary == null && EventType.MESSAGE_POSTED.typeName().equals(eventType);
    }

    /** For rows recorded before partners had a line of their own: the kind of event only. */
    static String kindOnly(String eventType) {
        String[] parts = eventType.split("\\.");
        if (parts.length < 3) {
            return "Event";
        }
        String subject = parts[1].substring(0, 1).toUpperCase() + parts[1].substring(1);
        return subject + " " + parts[2].replace('-', ' ');
    }

    private static String bounded(String line) {
        if (line.length() <= MAX_LENGTH) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(MAX_LENGTH - 2)) ? MAX_LENGTH - 2 : MAX_LENGTH - 1;
        return line.substring(0, end) + "\u2026";
    }

    private static Text told(AssistanceEvent event) {
        if (event instanceof RequestSubmitted e) {
            return Text.of(
                    "timeline.submitted",
                    "agency",
                    e.agencyId(),
                    "title",
                    e.title(),
                    "country",
                    e.country(),
                    "area",
                    TimelineTexts.name("thematic-area", e.thematicArea()),
                    "priority",
                    TimelineTexts.name("priority", e.priority()));
        } else if (event instanceof RequestAmended e) {
            return Text.of("timeline.amended", "agency", e.agencyId(), "version", e.version());
        } else if (event instanceof RequestWithdrawn e) {
            return e.reason() == null
                    ? Text.of("timeline.withdrawn", "agency", e.agencyId())
                    : Text.of("timeline.withdrawn.reason", "agency", e.agencyId(), "reason", e.reason());
        } else if (event instanceof MessagePosted e) {
            // what was written is read in request-service's conversation, by those who may
            if (INTERNAL.equals(e.visibility())) {
                return Text.of("timeline.internal-note", "author", e.author());
            }
            if ("partner".equals(e.authorRole())) {
                return e.answersInformationRequest()
                        ? Text.of("timeline.message.partner.answer")
                        : Text.of("timeline.message.partner");
            }
            return e.answersInformationRequest()
                    ? Text.of("timeline.message.answer", "author", e.author())
                    : Text.of("timeline.message", "author", e.author());
        } else if (event instanceof DocumentAttached e) {
            // what it says is read in the owning service, by those who may
            Object to = "REQUEST".equals(e.attachedTo())
                    ? attachedTo(e.attachedTo())
                    : Text.of("timeline.attached-to.with-id", "to", attachedTo(e.attachedTo()), "id", e.attachedToId());
            Text line = Text.of("timeline.document", "kind", documentKind(e.kind()), "to", to, "by", e.uploadedBy());
            return e.title() == null ? line : Text.of("timeline.with-title", "line", line, "title", e.title());
        } else if (event instanceof ReceiptConfirmed e) {
            int accepted =
                    e.lines().stream().mapToInt(l -> l.quantityAccepted()).sum();
            int rejected =
                    e.lines().stream().mapToInt(l -> l.quantityRejected()).sum();
            return Text.of(
                    "timeline.receipt-confirmed",
                    "shipment",
                    id(e.shipmentId()),
                    "accepted",
                    accepted,
                    "rejected",
                    rejected);
        } else if (event instanceof RequestApproved e) {
            return Text.of(
                    e.partial() ? "timeline.approved.partial" : "timeline.approved",
                    "programme",
                    e.programmeCode(),
                    "amount",
                    money(e.approvedAmount()));
        } else if (event instanceof RequestRejected e) {
            return e.comment() == null
                    ? Text.of("timeline.rejected", "reason", e.reasonCode())
                    : Text.of("timeline.rejected.comment", "reason", e.reasonCode(), "comment", e.comment());
        } else if (event instanceof InformationRequested e) {
            return Text.of(
                    "timeline.information-requested",
                    "questions",
                    new TimelineTexts.Joined(SEMICOLON, List.copyOf(e.questions())));
        } else if (event instanceof FundsCommitted e) {
            return Text.of("timeline.funds-committed", "programme", e.programmeCode(), "amount", money(e.amount()));
        } else if (event instanceof ActivityDelivered e) {
            if (e.participants() == null) {
                return Text.of("timeline.activity-delivered", "kind", e.kind(), "title", e.title());
            }
            return Text.of(
                    "timeline.activity-delivered.participants",
                    "kind",
                    e.kind(),
                    "title",
                    e.title(),
                    "total",
                    e.participants().total(),
                    "bySex",
                    bySex(
                            e.participants().women(),
                            e.participants().men(),
                            e.participants().other(),
                            e.participants().notDisclosed()));
        } else if (event instanceof ParticipantsRecorded e && e.summary() != null) {
            return roster(e.summary());
        } else if (event instanceof ShipmentPlanned e) {
            return Text.of(
                    "timeline.shipment-planned",
                    "shipment",
                    id(e.shipmentId()),
                    "warehouse",
                    e.warehouse(),
                    "country",
                    e.destinationCountry(),
                    "lines",
                    e.lines().size(),
                    "amount",
                    money(e.value()));
        } else if (event instanceof ShipmentHeld e) {
            return Text.of(
                    "timeline.shipment-held",
                    "shipment",
                    id(e.shipmentId()),
                    "hits",
                    new TimelineTexts.Joined(
                            SEMICOLON,
                            e.hits().stream().<Object>map(TimelineSummary::hit).toList()));
        } else if (event instanceof RequestEndorsed e) {
            return e.reference() == null
                    ? Text.of("timeline.endorsed", "country", e.country())
                    : Text.of("timeline.endorsed.reference", "country", e.country(), "reference", e.reference());
        } else if (event instanceof RequestEndorsementDeclined e) {
            return e.reference() == null
                    ? Text.of("timeline.endorsement-declined", "country", e.country())
                    : Text.of(
                            "timeline.endorsement-declined.reference",
                            "country",
                            e.country(),
                            "reference",
                            e.reference());
        } else if (event instanceof ImpedimentRecorded e) {
            Text line = e.party() == null
                    ? Text.of(
                            "timeline.impediment",
                            "kind",
                            impedimentKind(e.kind()),
                            "shipment",
                            id(e.shipmentId()),
                            "basis",
                            basis(e.basis()),
                            "since",
                            day(e.occurredAt()))
                    : Text.of(
                            "timeline.impediment.party",
                            "kind",
                            impedimentKind(e.kind()),
                            "shipment",
                            id(e.shipmentId()),
                            "party",
                            e.party(),
                            "basis",
                            basis(e.basis()),
                            "since",
                            day(e.occurredAt()));
            if (e.resolvedAt() != null) {
                line = Text.of("timeline.with-resolved", "line", line, "date", day(e.resolvedAt()));
            }
            return e.extraCost() == null
                    ? line
                    : Text.of("timeline.with-extra-cost", "line", line, "amount", money(e.extraCost()));
        } else if (event instanceof ImpedimentResolved e) {
            Text line = resolved(e);
            return e.extraCost() == null
                    ? line
                    : Text.of("timeline.with-extra-cost", "line", line, "amount", money(e.extraCost()));
        } else if (event instanceof ShipmentCleared e) {
            return e.licenceReference() == null
                    ? Text.of("timeline.shipment-cleared", "shipment", id(e.shipmentId()))
                    : Text.of(
                            "timeline.shipment-cleared.licence",
                            "shipment",
                            id(e.shipmentId()),
                            "licence",
                            e.licenceReference());
        } else if (event instanceof ShipmentDispatched e) {
            return e.expectedDelivery() == null
                    ? Text.of("timeline.shipment-dispatched", "shipment", id(e.shipmentId()), "mode", e.mode())
                    : Text.of(
                            "timeline.shipment-dispatched.expected",
                            "shipment",
                            id(e.shipmentId()),
                            "mode",
                            e.mode(),
                            "date",
                            String.valueOf(e.expectedDelivery()));
        } else if (event instanceof ShipmentMilestone e) {
            return e.location() == null
                    ? Text.of("timeline.shipment-milestone", "shipment", id(e.shipmentId()), "milestone", e.milestone())
                    : Text.of(
                            "timeline.shipment-milestone.location",
                            "shipment",
                            id(e.shipmentId()),
                            "milestone",
                            e.milestone(),
                            "location",
                            e.location());
        } else if (event instanceof ShipmentDelivered e) {
            return Text.of(
                    "timeline.shipment-delivered", "shipment", id(e.shipmentId()), "amount", money(e.deliveredValue()));
        } else if (event instanceof ShipmentReceived e) {
            return Text.of("timeline.shipment-received", "shipment", id(e.shipmentId()));
        } else if (event instanceof RequestDeliveryStarted e) {
            return Text.of("timeline.delivery-started", "deliverable", e.deliverableId());
        } else if (event instanceof RequestDelivered e) {
            return Text.of("timeline.delivered", "deliverables", deliverables(e.deliverables()));
        } else if (event instanceof RequestCancelled e) {
            return Text.of("timeline.cancelled", "deliverables", deliverables(e.deliverables()));
        } else if (event instanceof RequestClosed e) {
            if (e.automatic()) {
                return Text.of("timeline.closed.automatic");
            }
            return e.comment() == null || e.comment().isBlank()
                    ? Text.of("timeline.closed", "satisfaction", e.satisfaction())
                    : Text.of("timeline.closed.comment", "satisfaction", e.satisfaction(), "comment", e.comment());
        } else if (event instanceof ActivityCancelled e) {
            return e.reason() == null
                    ? Text.of("timeline.activity-cancelled", "kind", e.kind(), "title", e.title())
                    : Text.of(
                            "timeline.activity-cancelled.reason",
                            "kind",
                            e.kind(),
                            "title",
                            e.title(),
                            "reason",
                            e.reason());
        } else if (event instanceof ShipmentCancelled e) {
            Object lines = e.stockReleased()
                    ? Text.of("timeline.lines.stock-released", "lines", lines(e.lines()))
                    : lines(e.lines());
            return e.reason() == null
                    ? Text.of("timeline.shipment-cancelled", "shipment", id(e.shipmentId()), "lines", lines)
                    : Text.of(
                            "timeline.shipment-cancelled.reason",
                            "shipment",
                            id(e.shipmentId()),
                            "reason",
                            e.reason(),
                            "lines",
                            lines);
        } else if (event instanceof ShipmentLinesRemoved e) {
            return e.reason() == null
                    ? Text.of("timeline.lines-removed", "shipment", id(e.shipmentId()), "lines", lines(e.lines()))
                    : Text.of(
                            "timeline.lines-removed.reason",
                            "shipment",
                            id(e.shipmentId()),
                            "lines",
                            lines(e.lines()),
                            "reason",
                            e.reason());
        } else if (event instanceof LineBackordered e) {
            return Text.of(
                    "timeline.backordered",
                    "quantity",
                    e.quantity(),
                    "item",
                    e.itemCode(),
                    "backorder",
                    Long.toString(e.backorderId()));
        } else if (event instanceof BackorderFulfilled e) {
            Text line = Text.of(
                    "timeline.backorder-fulfilled",
                    "backorder",
                    Long.toString(e.backorderId()),
                    "quantity",
                    e.quantity(),
                    "item",
                    e.itemCode(),
                    "shipment",
                    id(e.shipmentId()));
            return e.remaining() > 0
                    ? Text.of("timeline.with-remaining", "line", line, "remaining", e.remaining())
                    : line;
        } else if (event instanceof BackorderCancelled e) {
            Text line = Text.of(
                    "timeline.backorder-cancelled",
                    "backorder",
                    Long.toString(e.backorderId()),
                    "quantity",
                    e.quantity(),
                    "item",
                    e.itemCode());
            return e.reason() == null ? line : Text.of("timeline.with-reason", "line", line, "reason", e.reason());
        } else if (event instanceof LineRefused e) {
            Text line = Text.of("timeline.line-refused", "quantity", e.quantity(), "item", e.itemCode());
            return e.reason() == null ? line : Text.of("timeline.with-reason", "line", line, "reason", e.reason());
        } else if (event instanceof EndUseMonitoringStarted e) {
            return endUseMonitoring(e);
        } else if (event instanceof EndUseCheckRecorded e) {
            return endUseCheck(e, null);
        }
        return Text.of("timeline.event", "name", event.getClass().getSimpleName());
    }

    private static Text resolved(ImpedimentResolved e) {
        return e.resolvedAt() == null
                ? Text.of("timeline.impediment-resolved", "shipment", id(e.shipmentId()))
                : Text.of(
                        "timeline.impediment-resolved.on", "shipment", id(e.shipmentId()), "date", day(e.resolvedAt()));
    }

    /** "End-use monitoring: 3 units, checks due 2027-06-01 and 2027-12-01": the same for staff and partner. */
    static Text endUseMonitoring(EndUseMonitoringStarted e) {
        int units = e.units() == null ? 0 : e.units().size();
        List<String> due = e.checksDue() == null
                ? List.of()
                : e.checksDue().stream().map(Object::toString).toList();
        Text line = units == 1
                ? Text.of("timeline.end-use-monitoring.one", "units", units)
                : Text.of("timeline.end-use-monitoring", "units", units);
        if (due.isEmpty()) {
            return line;
        } else if (due.size() == 1) {
            return Text.of("timeline.end-use-monitoring.check-due", "line", line, "day", due.get(0));
        }
        Text days = Text.of(
                "timeline.list.and",
                "list",
                new TimelineTexts.Joined(COMMA, List.copyOf(due.subList(0, due.size() - 1))),
                "last",
                due.get(due.size() - 1));
        return Text.of("timeline.end-use-monitoring.checks-due", "line", line, "days", days);
    }

    /**
     * "End-use check of SN-123 (Forensic workstation): in use, 2027-06-03": the item by its name
     * when known ({@code itemName}), else by its code; the same for staff and partner.
     */
    public static Text endUseCheck(EndUseCheckRecorded e, String itemName) {
        String item = itemName != null ? itemName : e.itemCode();
        Object result = e.result() == null
                ? Text.of("timeline.end-use-result.none")
                : TimelineTexts.name(
                        "timeline.end-use-result",
                        e.result(),
                        e.result().replace('_', ' ').toLowerCase(Locale.ROOT));
        Text line = item == null
                ? Text.of("timeline.end-use-check", "serial", e.serialNumber(), "result", result)
                : Text.of("timeline.end-use-check.item", "serial", e.serialNumber(), "item", item, "result", result);
        return e.checkedAt() == null
                ? line
                : Text.of(
                        "timeline.with-date",
                        "line",
                        line,
                        "date",
                        e.checkedAt().toString());
    }

    /**
     * A screening hit as staff read it: "SUR-1 LICENCE_REQUIRED under Regulation (EU) 2021/821
     * (unilateral measure, imposed by the European Union)"; older hits without a basis say less.
     */
    private static Text hit(ScreeningHit h) {
        String under = h.instrument() != null ? h.instrument() : h.reference();
        Text line = under == null
                ? Text.of("timeline.hit", "item", h.itemCode(), "measure", h.measure())
                : Text.of("timeline.hit.under", "item", h.itemCode(), "measure", h.measure(), "instrument", under);
        if (h.basis() == null && h.imposedBy() == null) {
            return line;
        }
        return h.imposedBy() == null
                ? Text.of("timeline.hit.basis", "hit", line, "basis", basis(h.basis()))
                : Text.of(
                        "timeline.hit.basis-imposed",
                        "hit",
                        line,
                        "basis",
                        basis(h.basis()),
                        "imposedBy",
                        h.imposedBy());
    }

    /** UN_SECURITY_COUNCIL → "UN Security Council measure"; none → "basis not recorded". */
    private static Object basis(String basis) {
        return basis == null ? Text.of("timeline.basis.none") : TimelineTexts.name("timeline.basis", basis, basis);
    }

    /** CARRIER_REFUSAL → "Carrier refusal". */
    private static Object impedimentKind(String kind) {
        if (kind == null || kind.isEmpty()) {
            return Text.of("timeline.impediment-kind.none");
        }
        return TimelineTexts.name("timeline.impediment-kind", kind, capitalized(kind));
    }

    /** REQUEST_LETTER → "Request letter". */
    private static Object documentKind(String kind) {
        String words = capitalized(kind);
        return words.isEmpty()
                ? Text.of("timeline.document-kind.none")
                : TimelineTexts.name("timeline.document-kind", kind, words);
    }

    /** SHIPMENT → "shipment". */
    private static Object attachedTo(String to) {
        return TimelineTexts.name("timeline.attached-to", to, to.toLowerCase(Locale.ROOT));
    }

    private static String capitalized(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Text deliverables(List<Deliverable> deliverables) {
        if (deliverables == null || deliverables.isEmpty()) {
            return Text.of("timeline.deliverables.none");
        }
        long delivered =
                deliverables.stream().filter(d -> "DELIVERED".equals(d.state())).count();
        long cancelled =
                deliverables.stream().filter(d -> "CANCELLED".equals(d.state())).count();
        return Text.of("timeline.deliverables", "delivered", delivered, "cancelled", cancelled);
    }

    private static Object lines(List<ShipmentLine> lines) {
        if (lines == null || lines.isEmpty()) {
            return Text.of("timeline.lines.none");
        }
        return new TimelineTexts.Joined(
                COMMA,
                lines.stream()
                        .<Object>map(l -> Text.of("timeline.line", "quantity", l.quantity(), "item", l.itemCode()))
                        .toList());
    }

    private static Object money(Money money) {
        return money == null ? Text.of("timeline.no-amount") : money.amount().toPlainString() + " " + money.currency();
    }

    private static String id(Object id) {
        return String.valueOf(id);
    }

    private static String day(java.time.OffsetDateTime time) {
        return time.toLocalDate().toString();
    }

    /**
     * An activity's roster in aggregates (staff and partner read the same): "Roster: 18
     * participants (8 women, 9 men, 1 other); 16 completed, average score gain 21.5".
     */
    static Text roster(ParticipantSummary s) {
        Text line = Text.of(
                "timeline.roster",
                "total",
                s.total(),
                "bySex",
                bySex(s.women(), s.men(), s.other(), s.notDisclosed()),
                "completed",
                s.completed());
        return s.averageScoreGain() == null
                ? line
                : Text.of(
                        "timeline.roster.gain",
                        "line",
                        line,
                        "gain",
                        s.averageScoreGain().stripTrailingZeros().toPlainString());
    }

    /** Counts by sex: women and men always, other and not disclosed when any. */
    private static Text bySex(int women, int men, int other, int notDisclosed) {
        Text counts = Text.of("timeline.by-sex", "women", women, "men", men);
        if (other > 0) {
            counts = Text.of("timeline.by-sex.other", "counts", counts, "other", other);
        }
        if (notDisclosed > 0) {
            counts = Text.of("timeline.by-sex.not-disclosed", "counts", counts, "notDisclosed", notDisclosed);
        }
        return counts;
    }

    /** The language every line is stored in besides its words: English. */
    static String english(Text line) {
        return in(line, Languages.ENGLISH);
    }
}
