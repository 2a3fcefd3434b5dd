package org.assistance.reportingservice.feeds;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.assistance.reportingservice.barriers.BarrierFact;
import org.assistance.reportingservice.readmodels.ManyRows;

/**
 * The words a donor reads of what held or stopped delivery: facts only (what was held, by which
 * measure, since when; what was cancelled), never a judgement.
 */
final class DeliveryNotes {
    static final String HELD = "HELD";
    static final String CANCELLED = "CANCELLED";

    private DeliveryNotes() {}

    static FeedActivity.DeliveryNote of(
            String kind,
            String subject,
            OffsetDateTime since,
            String hits,
            String description,
            int quantity,
            int ofQuantity,
            String reason,
            boolean whileHeld) {
        LocalDate day = since == null ? null : since.toLocalDate();
        return switch (kind) {
            case "HELD" -> new FeedActivity.DeliveryNote(HELD, day, held(subject, day, hits));
            case "SHIPMENT_CANCELLED" ->
                new FeedActivity.DeliveryNote(
                        CANCELLED,
                        day,
                        "Equipment shipment " + subject + " cancelled" + (day == null ? "" : " on " + day)
                                + (whileHeld ? " while held by export-control screening" : "") + ": its " + quantity
                                + " item(s) were not delivered.");
            default ->
                new FeedActivity.DeliveryNote(
                        CANCELLED,
                        null,
                        "Deliverable " + (description == null ? subject : description) + " cancelled: " + quantity
                                + " of " + ofQuantity + " not delivered" + (reason == null ? "" : " (" + reason + ")")
                                + ".");
        };
    }

    /** "Equipment shipment S held since D: licence required for SUR-1 under R (UN Security Council measure, imposed by X)." */
    private static String held(String shipment, LocalDate since, String hitsJson) {
        StringBuilder line = new StringBuilder("Equipment shipment ")
                .append(shipment)
                .append(" held")
                .append(since == null ? "" : " since " + since);
        BarrierFact fact = hitsJson == null ? null : ManyRows.fromJson(hitsJson, new TypeReference<BarrierFact>() {});
        List<String> measures = new ArrayList<>();
        if (fact != null && fact.hits() != null) {
            for (BarrierFact.Hit h : fact.hits()) {
                String measure = "PROHIBITED".equals(h.measure()) ? "export prohibited" : "licence required";
                String under = h.instrument() != null ? h.instrument() : h.reference();
                String said = measure + " for " + h.itemCode() + (under == null ? "" : " under " + under) + " ("
                        + basisInWords(h.basis()) + (h.imposedBy() == null ? "" : ", imposed by " + h.imposedBy())
                        + ")";
                if (!measures.contains(said)) {
                    measures.add(said);
                }
            }
        }
        if (measures.isEmpty()) {
            line.append(" by export-control screening");
        } else {
            line.append(": ").append(String.join("; ", measures));
        }
        return line.append('.').toString();
    }

    static String basisInWords(String basis) {
        if (basis == null) {
            return "basis not recorded";
        }
        return switch (basis) {
            case "UN_SECURITY_COUNCIL" -> "UN Security Council measure";
            case "UNILATERAL_MEASURE" -> "unilateral measure";
            case "NATIONAL_EXPORT_CONTROL" -> "national export control";
            default -> "other basis";
        };
    }
}
