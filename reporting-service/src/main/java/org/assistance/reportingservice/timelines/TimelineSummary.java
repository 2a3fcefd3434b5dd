package org.assistance.reportingservice.timelines;

import java.util.List;
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

/**
 * The one line a person reads in a timeline for each kind of event: staff read everything the
 * event told; the requesting agency reads its request's story without the platform's internal
 * money or screening detail.
 */
public final class TimelineSummary {
    /** The longest line a timeline stores and answers (a long list of questions or lines is cut). */
    public static final int MAX_LENGTH = 2000;

    /** A message's visibility that only staff read. */
    private static final String INTERNAL = "INTERNAL";

    private TimelineSummary() {}

    /** What staff read. */
    static String of(AssistanceEvent event) {
        return bounded(told(event));
    }

    /**
     * What the requesting agency reads: no amounts, donors or funds (the platform's money), no
     * export-control rule, screening measure or licence (the screening's internals). That a
     * shipment is held, cleared or delivered, and that the request was approved, it does read.
     */
    static String forPartner(AssistanceEvent event) {
        String line;
        if (event instanceof MessagePosted e && INTERNAL.equals(e.visibility())) {
            return null; // a note between staff: the partner has no line of it (see forStaffOnly)
        } else if (event instanceof RequestApproved e) {
            line = (e.partial() ? "Partially approved" : "Approved") + " under " + e.programmeCode();
        } else if (event instanceof FundsCommitted) {
            line = "Funds committed for the approved assistance";
        } else if (event instanceof ShipmentPlanned e) {
            line = "Shipment " + e.shipmentId() + " planned to " + e.destinationCountry() + ": "
                    + e.lines().size() + " line(s)";
        } else if (event instanceof ShipmentHeld e) {
            line = "Shipment " + e.shipmentId() + " held for export-control screening";
        } else if (event instanceof ShipmentCleared e) {
            line = "Shipment " + e.shipmentId() + " cleared by export-control screening";
        } else if (event instanceof ShipmentDelivered e) {
            line = "Shipment " + e.shipmentId() + " delivered";
        } else if (event instanceof ImpedimentRecorded e) {
            // who refused and what it cost is the platform's: the partner reads that it happened
            line = inWords(e.kind()) + " recorded for shipment " + e.shipmentId()
                    + (e.resolvedAt() == null
                            ? ""
                            : ", resolved " + e.resolvedAt().toLocalDate());
        } else if (event instanceof ImpedimentResolved e) {
            line = "Impediment to shipment " + e.shipmentId() + " resolved"
                    + (e.resolvedAt() == null ? "" : " on " + e.resolvedAt().toLocalDate());
        } else if (event instanceof ShipmentDocumentAttached e) {
            // which paper a shipment carries (a licence, an end-user certificate) is the screening's
            line = "A document was attached to shipment " + e.attachedToId();
        } else if (event instanceof ShipmentLinesRemoved e) {
            // the reason is the screening's (a refused licence, a rule): not the partner's to read
            line = "Shipment " + e.shipmentId() + ": lines removed at clearance (" + lines(e.lines())
                    + ") after export-control screening";
        } else {
            line = told(event);
        }
        return bounded(line);
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

    /** REQUEST_LETTER → "Request letter". */
    private static String kindInWords(String kind) {
        String words = kind.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? "Document" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String bounded(String line) {
        if (line.length() <= MAX_LENGTH) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(MAX_LENGTH - 2)) ? MAX_LENGTH - 2 : MAX_LENGTH - 1;
        return line.substring(0, end) + "\u2026";
    }

    private static String told(AssistanceEvent event) {
        if (event instanceof RequestSubmitted e) {
            return "Submitted by " + e.agencyId() + ": " + e.title() + " (" + e.country() + ", " + e.thematicArea()
                    + ", " + e.priority() + ")";
        } else if (event instanceof RequestAmended e) {
            return "Amended by " + e.agencyId() + " (version " + e.version() + ")";
        } else if (event instanceof RequestWithdrawn e) {
            return "Withdrawn by " + e.agencyId() + (e.reason() == null ? "" : ": " + e.reason());
        } else if (event instanceof MessagePosted e) {
            // what was written is read in request-service's conversation, by those who may
            if (INTERNAL.equals(e.visibility())) {
                return "Internal note by " + e.author();
            }
            return "Message from " + ("partner".equals(e.authorRole()) ? "the partner" : e.author())
                    + (e.answersInformationRequest() ? ", answering the request for information" : "");
        } else if (event instanceof DocumentAttached e) {
            // what it says is read in the owning service, by those who may
            return kindInWords(e.kind()) + " attached to the " + e.attachedTo().toLowerCase(java.util.Locale.ROOT)
                    + ("REQUEST".equals(e.attachedTo()) ? "" : " " + e.attachedToId()) + " by " + e.uploadedBy()
                    + (e.title() == null ? "" : ": " + e.title());
        } else if (event instanceof ReceiptConfirmed e) {
            int accepted =
                    e.lines().stream().mapToInt(l -> l.quantityAccepted()).sum();
            int rejected =
                    e.lines().stream().mapToInt(l -> l.quantityRejected()).sum();
            return "Receipt confirmed for shipment " + e.shipmentId() + ": " + accepted + " accepted, " + rejected
                    + " rejected";
        } else if (event instanceof RequestApproved e) {
            return (e.partial() ? "Partially approved" : "Approved") + " under " + e.programmeCode() + " for "
                    + money(e.approvedAmount());
        } else if (event instanceof RequestRejected e) {
            return "Rejected: " + e.reasonCode() + (e.comment() == null ? "" : " (" + e.comment() + ")");
        } else if (event instanceof InformationRequested e) {
            return "Information requested: " + String.join("; ", e.questions());
        } else if (event instanceof FundsCommitted e) {
            return "Funds committed from " + e.programmeCode() + ": " + money(e.amount());
        } else if (event instanceof ActivityDelivered e) {
            return e.kind() + " delivered: " + e.title()
                    + (e.participants() == null
                            ? ""
                            : " (" + e.participants().total() + " participants: "
                                    + bySex(
                                            e.participants().women(),
                                            e.participants().men(),
                                            e.participants().other(),
                                            e.participants().notDisclosed())
                                    + ")");
        } else if (event instanceof ParticipantsRecorded e && e.summary() != null) {
            return roster(e.summary());
        } else if (event instanceof ShipmentPlanned e) {
            return "Shipment " + e.shipmentId() + " planned from " + e.warehouse() + " to " + e.destinationCountry()
                    + ": " + e.lines().size() + " line(s), " + money(e.value());
        } else if (event instanceof ShipmentHeld e) {
            return "Shipment " + e.shipmentId() + " held by export controls: "
                    + e.hits().stream()
                            .map(TimelineSummary::hit)
                            .reduce((a, b) -> a + "; " + b)
                            .orElse("");
        } else if (event instanceof RequestEndorsed e) {
            return "The national focal point of " + e.country() + " endorsed the request"
                    + (e.reference() == null ? "" : " (reference " + e.reference() + ")");
        } else if (event instanceof RequestEndorsementDeclined e) {
            return "The national focal point of " + e.country() + " declined to endorse the request"
                    + (e.reference() == null ? "" : " (reference " + e.reference() + ")");
        } else if (event instanceof ImpedimentRecorded e) {
            return inWords(e.kind()) + " recorded for shipment " + e.shipmentId()
                    + (e.party() == null ? "" : " by " + e.party())
                    + " (" + basisInWords(e.basis()) + "), since "
                    + e.occurredAt().toLocalDate()
                    + (e.resolvedAt() == null
                            ? ""
                            : ", resolved " + e.resolvedAt().toLocalDate())
                    + (e.extraCost() == null ? "" : ", extra cost " + money(e.extraCost()));
        } else if (event instanceof ImpedimentResolved e) {
            return "Impediment to shipment " + e.shipmentId() + " resolved"
                    + (e.resolvedAt() == null ? "" : " on " + e.resolvedAt().toLocalDate())
                    + (e.extraCost() == null ? "" : ", extra cost " + money(e.extraCost()));
        } else if (event instanceof ShipmentCleared e) {
            return "Shipment " + e.shipmentId() + " cleared"
                    + (e.licenceReference() == null ? "" : " with licence " + e.licenceReference());
        } else if (event instanceof ShipmentDispatched e) {
            return "Shipment " + e.shipmentId() + " dispatched by " + e.mode()
                    + (e.expectedDelivery() == null ? "" : ", expected " + e.expectedDelivery());
        } else if (event instanceof ShipmentMilestone e) {
            return "Shipment " + e.shipmentId() + ": " + e.milestone()
                    + (e.location() == null ? "" : " at " + e.location());
        } else if (event instanceof ShipmentDelivered e) {
            return "Shipment " + e.shipmentId() + " delivered (" + money(e.deliveredValue()) + ")";
        } else if (event instanceof ShipmentReceived e) {
            return "Shipment " + e.shipmentId() + " received by the partner";
        } else if (event instanceof RequestDeliveryStarted e) {
            return "Delivery started (" + e.deliverableId() + ")";
        } else if (event instanceof RequestDelivered e) {
            return "Delivered: " + deliverables(e.deliverables());
        } else if (event instanceof RequestCancelled e) {
            return "Cancelled: nothing of it will be delivered (" + deliverables(e.deliverables()) + ")";
        } else if (event instanceof RequestClosed e) {
            return e.automatic()
                    ? "Closed automatically after delivery"
                    : "Closed by the partner, satisfaction " + e.satisfaction() + "/5"
                            + (e.comment() == null || e.comment().isBlank() ? "" : ": " + e.comment());
        } else if (event instanceof ActivityCancelled e) {
            return e.kind() + " cancelled: " + e.title() + (e.reason() == null ? "" : " (" + e.reason() + ")");
        } else if (event instanceof ShipmentCancelled e) {
            return "Shipment " + e.shipmentId() + " cancelled" + (e.reason() == null ? "" : ": " + e.reason()) + " ("
                    + lines(e.lines()) + (e.stockReleased() ? ", stock released" : "") + ")";
        } else if (event instanceof ShipmentLinesRemoved e) {
            return "Shipment " + e.shipmentId() + ": lines removed at clearance (" + lines(e.lines()) + ")"
                    + (e.reason() == null ? "" : ": " + e.reason());
        } else if (event instanceof LineBackordered e) {
            return "Backordered: " + e.quantity() + " x " + e.itemCode() + " waits for stock (backorder "
                    + e.backorderId() + ")";
        } else if (event instanceof BackorderFulfilled e) {
            return "Backorder " + e.backorderId() + " fulfilled: " + e.quantity() + " x " + e.itemCode()
                    + " in shipment " + e.shipmentId()
                    + (e.remaining() > 0 ? ", " + e.remaining() + " still waiting" : "");
        } else if (event instanceof BackorderCancelled e) {
            return "Backorder " + e.backorderId() + " cancelled: " + e.quantity() + " x " + e.itemCode()
                    + (e.reason() == null ? "" : " (" + e.reason() + ")");
        } else if (event instanceof LineRefused e) {
            return "Line refused: " + e.quantity() + " x " + e.itemCode()
                    + (e.reason() == null ? "" : " (" + e.reason() + ")");
        } else if (event instanceof EndUseMonitoringStarted e) {
            return endUseMonitoring(e);
        } else if (event instanceof EndUseCheckRecorded e) {
            return endUseCheck(e, null);
        }
        return event.getClass().getSimpleName();
    }

    /** "End-use monitoring: 3 units, checks due 2027-06-01 and 2027-12-01": the same for staff and partner. */
    static String endUseMonitoring(EndUseMonitoringStarted e) {
        int units = e.units() == null ? 0 : e.units().size();
        List<String> due = e.checksDue() == null
                ? List.of()
                : e.checksDue().stream().map(Object::toString).toList();
        String days = due.size() <= 1
                ? String.join("", due)
                : String.join(", ", due.subList(0, due.size() - 1)) + " and " + due.get(due.size() - 1);
        return "End-use monitoring: " + units + (units == 1 ? " unit" : " units")
                + (due.isEmpty() ? "" : (due.size() == 1 ? ", check due " : ", checks due ") + days);
    }

    /**
     * "End-use check of SN-123 (Forensic workstation): in use, 2027-06-03": the item by its name
     * when known ({@code itemName}), else by its code; the same for staff and partner.
     */
    public static String endUseCheck(EndUseCheckRecorded e, String itemName) {
        String item = itemName != null ? itemName : e.itemCode();
        String result = e.result() == null
                ? "result not recorded"
                : e.result().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return bounded("End-use check of " + e.serialNumber() + (item == null ? "" : " (" + item + ")") + ": " + result
                + (e.checkedAt() == null ? "" : ", " + e.checkedAt()));
    }

    /**
     * A screening hit as staff read it: "SUR-1 LICENCE_REQUIRED under Regulation (EU) 2021/821
     * (unilateral measure, imposed by the European Union)"; older hits without a basis say less.
     */
    private static String hit(ScreeningHit h) {
        StringBuilder line = new StringBuilder(h.itemCode()).append(' ').append(h.measure());
        if (h.instrument() != null) {
            line.append(" under ").append(h.instrument());
        } else if (h.reference() != null) {
            line.append(" under ").append(h.reference());
        }
        if (h.basis() != null || h.imposedBy() != null) {
            line.append(" (").append(basisInWords(h.basis()));
            if (h.imposedBy() != null) {
                line.append(", imposed by ").append(h.imposedBy());
            }
            line.append(')');
        }
        return line.toString();
    }

    /** UN_SECURITY_COUNCIL → "UN Security Council measure"; none → "basis not recorded". */
    static String basisInWords(String basis) {
        if (basis == null) {
            return "basis not recorded";
        }
        return switch (basis) {
            case "UN_SECURITY_COUNCIL" -> "UN Security Council measure";
            case "UNILATERAL_MEASURE" -> "unilateral measure";
            case "NATIONAL_EXPORT_CONTROL" -> "national export control";
            case "OTHER" -> "other basis";
            default -> basis;
        };
    }

    /** CARRIER_REFUSAL → "Carrier refusal". */
    private static String inWords(String kind) {
        if (kind == null || kind.isEmpty()) {
            return "Impediment";
        }
        String words = kind.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String deliverables(List<Deliverable> deliverables) {
        if (deliverables == null || deliverables.isEmpty()) {
            return "no deliverables";
        }
        long delivered =
                deliverables.stream().filter(d -> "DELIVERED".equals(d.state())).count();
        long cancelled =
                deliverables.stream().filter(d -> "CANCELLED".equals(d.state())).count();
        return delivered + " deliverable(s) delivered, " + cancelled + " cancelled";
    }

    private static String lines(List<ShipmentLine> lines) {
        if (lines == null || lines.isEmpty()) {
            return "no lines";
        }
        return String.join(
                ", ",
                lines.stream().map(l -> l.quantity() + " x " + l.itemCode()).toList());
    }

    private static String money(Money money) {
        return money == null ? "no amount" : money.amount().toPlainString() + " " + money.currency();
    }

    /**
     * An activity's roster in aggregates (staff and partner read the same): "Roster: 18
     * participants (8 women, 9 men, 1 other); 16 completed, average score gain 21.5".
     */
    static String roster(ParticipantSummary s) {
        return "Roster: " + s.total() + " participants (" + bySex(s.women(), s.men(), s.other(), s.notDisclosed())
                + "); " + s.completed() + " completed"
                + (s.averageScoreGain() == null
                        ? ""
                        : ", average score gain "
                                + s.averageScoreGain().stripTrailingZeros().toPlainString());
    }

    /** Counts by sex: women and men always, other and not disclosed when any. */
    private static String bySex(int women, int men, int other, int notDisclosed) {
        return women + " women, " + men + " men" + (other > 0 ? ", " + other + " other" : "")
                + (notDisclosed > 0 ? ", " + notDisclosed + " not disclosed" : "");
    }
}
