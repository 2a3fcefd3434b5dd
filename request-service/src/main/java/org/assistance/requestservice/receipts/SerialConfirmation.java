package org.assistance.requestservice.receipts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;

/**
 * How a receipt confirms the units of a shipment that were dispatched with serial numbers: a line
 * of such an item names the units it accepts (the others of the line are the rejected ones), or
 * leaves them out when it accepts every unit (or rejects every unit). A line of an item dispatched without serials names
 * none. Older dispatches recorded no serials at all, so their receipts confirm quantities only.
 */
final class SerialConfirmation {
    static final String TO_CONFIRM = "serials-to-confirm";
    static final String NOT_DISPATCHED = "serial-not-dispatched";
    static final String COUNT_MISMATCH = "serial-count-mismatch";
    static final String NOT_RECORDED = "serials-not-recorded";

    /** How many serials a problem's detail names before it says how many more there are. */
    private static final int NAMED_AT_MOST = 20;

    private final UUID shipmentId;
    /** The dispatched serials of each item, in the order of the dispatch. */
    private final Map<String, List<String>> dispatched;

    private final List<Refusal> refusals = new ArrayList<>();

    private record Refusal(String slug, Text detail) {}

    private SerialConfirmation(UUID shipmentId, Map<String, List<String>> dispatched) {
        this.shipmentId = shipmentId;
        this.dispatched = dispatched;
    }

    /** The serials recorded when the shipment was dispatched (none for a dispatch written before serials). */
    static SerialConfirmation of(UUID shipmentId) {
        Map<String, List<String>> dispatched = new LinkedHashMap<>();
        for (DispatchedUnit unit :
                DispatchedUnit.<DispatchedUnit>list("key.shipmentId = ?1 order by dispatchOrder", shipmentId)) {
            dispatched.computeIfAbsent(unit.itemCode, code -> new ArrayList<>()).add(unit.key.serialNumber());
        }
        return new SerialConfirmation(shipmentId, dispatched);
    }

    /**
     * The serials a line accepts: those it names, or every dispatched one when it names none and
     * rejects nothing; null for an item dispatched without serials. A line that breaks a rule is
     * noted (see {@link #refuseWhatBreaksTheRules()}) and answers null.
     */
    List<String> acceptedBy(ReceiptDraft.Line line) {
        List<String> serials = dispatched.get(line.itemCode());
        List<String> named = line.serialsAccepted();
        if (serials == null) {
            if (named != null && !named.isEmpty()) {
                refuse(
                        NOT_RECORDED,
                        Text.of(
                                "receipt.serials-not-recorded",
                                "item",
                                line.itemCode(),
                                "shipment",
                                shipmentId.toString()));
            }
            return null;
        }
        if (named == null) {
            if (line.quantityRejected() == 0) {
                return List.copyOf(serials);
            }
            if (line.quantityAccepted() == 0) {
                return List.of(); // every unit rejected: nothing to name
            }
            refuse(
                    TO_CONFIRM,
                    Text.of(
                            "receipt.serials-to-confirm",
                            "item",
                            line.itemCode(),
                            "rejected",
                            line.quantityRejected(),
                            "accepted",
                            line.quantityAccepted(),
                            "serials",
                            named(serials)));
            return null;
        }
        Set<String> ofTheItem = Set.copyOf(serials);
        List<String> unknown = named.stream()
                .filter(serial -> !ofTheItem.contains(serial))
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            refuse(
                    NOT_DISPATCHED,
                    Text.of(
                            unknown.size() == 1
                                    ? "receipt.serial-not-dispatched.one"
                                    : "receipt.serial-not-dispatched.many",
                            "item",
                            line.itemCode(),
                            "serials",
                            named(unknown),
                            "shipment",
                            shipmentId.toString()));
            return null;
        }
        Set<String> distinct = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String serial : named) {
            if (!distinct.add(serial)) {
                repeated.add(serial);
            }
        }
        if (!repeated.isEmpty() || named.size() != line.quantityAccepted()) {
            refuse(
                    COUNT_MISMATCH,
                    repeated.isEmpty()
                            ? Text.of(
                                    "receipt.serial-count-mismatch",
                                    "item",
                                    line.itemCode(),
                                    "accepted",
                                    line.quantityAccepted(),
                                    "distinct",
                                    distinct.size())
                            : Text.of(
                                    "receipt.serial-count-mismatch.repeated",
                                    "item",
                                    line.itemCode(),
                                    "accepted",
                                    line.quantityAccepted(),
                                    "distinct",
                                    distinct.size(),
                                    "repeated",
                                    named(List.copyOf(repeated))));
            return null;
        }
        return List.copyOf(named);
    }

    /** Refuses the receipt (422) when a line broke a rule: the first one's kind, every one's detail. */
    void refuseWhatBreaksTheRules() {
        if (refusals.isEmpty()) {
            return;
        }
        Text detail = refusals.get(refusals.size() - 1).detail();
        for (int i = refusals.size() - 2; i >= 0; i--) {
            detail = Text.of("receipt.refusals", "first", refusals.get(i).detail(), "next", detail);
        }
        throw new DomainRuleViolation(422, refusals.get(0).slug(), detail);
    }

    private void refuse(String slug, Text detail) {
        refusals.add(new Refusal(slug, detail));
    }

    /** The serials as one text: the first {@value #NAMED_AT_MOST}, and how many more. */
    private static Text named(List<String> serials) {
        if (serials.size() <= NAMED_AT_MOST) {
            return Text.of("text.verbatim", "text", String.join(", ", serials));
        }
        return Text.of(
                "receipt.serials-and-more",
                "serials",
                String.join(", ", serials.subList(0, NAMED_AT_MOST)),
                "more",
                serials.size() - NAMED_AT_MOST);
    }
}
