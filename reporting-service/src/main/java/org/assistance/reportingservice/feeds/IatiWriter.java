package org.assistance.reportingservice.feeds;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.assistance.reportingservice.enduse.EndUseFigures;

/** Writes an IATI 2.03 iati-activities document one activity at a time (streamed: nothing held in memory). */
final class IatiWriter implements AutoCloseable {
    /** The activity's xml:lang: a narrative in another language names its own. */
    private static final String DEFAULT_LANGUAGE = "en";
    /** An ISO 639-1 code, once trimmed and in lower case. */
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2}");

    private final XmlOutput xml;
    private final FeedSettings settings;

    IatiWriter(OutputStream response, FeedSettings settings) throws XMLStreamException {
        this.xml = new XmlOutput(response);
        this.settings = settings;
        xml.writeStartDocument();
        xml.writeStartElement("iati-activities");
        xml.writeAttribute("version", "2.03");
        xml.writeAttribute("generated-datetime", now());
        // the prolog goes out at once (with the response's headers), before the first row is read
        xml.writeCharacters("\n");
        xml.flush();
    }

    void write(FeedActivity a) throws XMLStreamException {
        LocalDate start = a.approvedAt().toLocalDate();
        xml.writeStartElement("iati-activity");
        xml.writeAttribute(
                "last-updated-datetime",
                (a.lastUpdated() == null ? OffsetDateTime.now(ZoneOffset.UTC) : a.lastUpdated())
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        xml.writeAttribute("xml:lang", DEFAULT_LANGUAGE);
        // a request is an activity of its programme's (hierarchy 1: IatiProgrammeWriter)
        xml.writeAttribute("hierarchy", "2");
        if (a.currency() != null) {
            xml.writeAttribute("default-currency", a.currency());
        }
        text("iati-identifier", IatiMapping.identifier(settings, a));
        xml.writeStartElement("reporting-org");
        xml.writeAttribute("ref", settings.reportingOrgRef());
        xml.writeAttribute("type", settings.reportingOrgType());
        narrative(settings.reportingOrgName());
        xml.writeEndElement();
        xml.writeStartElement("title");
        narrative(
                a.title() == null ? "Technical assistance request " + a.requestId() : a.title(),
                a.title() == null ? null : a.language(),
                false);
        for (FeedActivity.Translation t : translations(a)) {
            if (t.title() != null && !t.title().isBlank()) {
                narrative(t.title(), t.language(), true);
            }
        }
        xml.writeEndElement();
        xml.writeStartElement("description");
        xml.writeAttribute("type", "1");
        narrative("Technical assistance to " + a.country() + " against "
                + a.thematicArea().replace('_', ' ').toLowerCase()
                + ", requested by a partner agency on behalf of the State's authorities and approved under programme "
                + a.programme() + ".");
        xml.writeEndElement();
        // what the requesting authorities need (IATI description type 2: objectives), in every language given
        List<FeedActivity.Translation> needs = translations(a).stream()
                .filter(t -> t.needsStatement() != null && !t.needsStatement().isBlank())
                .toList();
        boolean original = a.needsStatement() != null && !a.needsStatement().isBlank();
        if (original || !needs.isEmpty()) {
            xml.writeStartElement("description");
            xml.writeAttribute("type", "2");
            if (original) {
                narrative(a.needsStatement(), a.language(), false);
            }
            for (FeedActivity.Translation t : needs) {
                narrative(t.needsStatement(), t.language(), true);
            }
            xml.writeEndElement();
        }
        // what held or stopped delivery, as facts (IATI description type 4: other)
        for (FeedActivity.DeliveryNote note : notes(a)) {
            xml.writeStartElement("description");
            xml.writeAttribute("type", "4");
            narrative(note.narrative());
            xml.writeEndElement();
        }
        for (FeedActivity.Donor donor : a.donors()) {
            participatingOrg("1", donor.iatiIdentifier(), donor.name());
        }
        if (settings.extendingOrgRef().isPresent()) {
            participatingOrg(
                    "3",
                    settings.extendingOrgRef().get(),
                    settings.extendingOrgName().orElse(null));
        }
        participatingOrg("4", settings.reportingOrgRef(), settings.reportingOrgName());
        empty("activity-status", "code", IatiMapping.activityStatus(a.stage()));
        activityDate("1", start);
        activityDate("2", start);
        activityDate("3", IatiMapping.budgetEnd(start, a.desiredBy()));
        if (a.deliveredAt() != null) {
            activityDate("4", a.deliveredAt().toLocalDate());
        } else if (a.cancelledAt() != null) {
            activityDate("4", a.cancelledAt().toLocalDate());
        }
        xml.writeStartElement("recipient-country");
        xml.writeAttribute("code", a.country());
        xml.writeAttribute("percentage", "100");
        xml.writeEndElement();
        for (IatiMapping.Sector sector : IatiMapping.sectors(a.thematicArea())) {
            xml.writeStartElement("sector");
            xml.writeAttribute("vocabulary", "1");
            xml.writeAttribute("code", sector.code());
            xml.writeAttribute("percentage", Integer.toString(sector.percentage()));
            xml.writeEndElement();
        }
        xml.writeStartElement("default-aid-type");
        xml.writeAttribute("code", "D02");
        xml.writeAttribute("vocabulary", "1");
        xml.writeEndElement();
        if (a.approvedAmount() != null) {
            xml.writeStartElement("budget");
            xml.writeAttribute("type", "1");
            xml.writeAttribute("status", "2");
            empty("period-start", "iso-date", start.toString());
            empty(
                    "period-end",
                    "iso-date",
                    IatiMapping.budgetEnd(start, a.desiredBy()).toString());
            value(a.approvedAmount(), a.currency(), start);
            xml.writeEndElement();
        }
        for (FeedActivity.Transaction t : a.transactions()) {
            xml.writeStartElement("transaction");
            empty("transaction-type", "code", t.type());
            empty("transaction-date", "iso-date", t.date().toString());
            value(t.value(), t.currency(), t.date());
            // the donor whose money this part is: each amount is credited once, split between its donors
            xml.writeStartElement("provider-org");
            if (t.donorIatiIdentifier() != null && !t.donorIatiIdentifier().isBlank()) {
                xml.writeAttribute("ref", t.donorIatiIdentifier());
            }
            narrative(t.donorName() != null ? t.donorName() : t.donor());
            xml.writeEndElement();
            xml.writeStartElement("receiver-org");
            narrative("Requesting authorities of " + a.country());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        if (a.programme() != null) {
            xml.writeStartElement("related-activity");
            xml.writeAttribute("ref", IatiMapping.programmeIdentifier(settings, a.programme()));
            xml.writeAttribute("type", "1");
            xml.writeEndElement();
        }
        conditions(a);
        result(a, start);
        xml.writeEndElement();
    }

    private static List<FeedActivity.DeliveryNote> notes(FeedActivity a) {
        return a.deliveryNotes() == null ? List.of() : a.deliveryNotes();
    }

    /**
     * A shipment held now by a measure is a condition attached to the activity (IATI condition
     * type 1, policy), naming the measure, its basis and since when; after the transactions and
     * before the results, as the schema orders them.
     */
    private void conditions(FeedActivity a) throws XMLStreamException {
        List<FeedActivity.DeliveryNote> held = notes(a).stream()
                .filter(n -> DeliveryNotes.HELD.equals(n.kind()))
                .toList();
        if (held.isEmpty()) {
            return;
        }
        xml.writeStartElement("conditions");
        xml.writeAttribute("attached", "1");
        for (FeedActivity.DeliveryNote note : held) {
            xml.writeStartElement("condition");
            xml.writeAttribute("type", "1");
            narrative(note.narrative());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /**
     * The request's results: equipment accepted when it approved equipment, participants trained
     * when it has a training course or anyone took part (the total, then one actual per sex
     * counted); a request with neither has no result.
     */
    private void result(FeedActivity a, LocalDate start) throws XMLStreamException {
        boolean equipment = a.approvedUnits() > 0;
        boolean participants = a.training() || a.participantsTotal() > 0;
        if (!equipment && !participants && a.endUse() == null) {
            return;
        }
        LocalDate end = a.deliveredAt() != null
                ? a.deliveredAt().toLocalDate()
                : a.cancelledAt() != null ? a.cancelledAt().toLocalDate() : IatiMapping.budgetEnd(start, a.desiredBy());
        if (end.isBefore(start)) {
            end = start;
        }
        xml.writeStartElement("result");
        xml.writeAttribute("type", "1");
        narrativeElement("title", "Capacity delivered to the requesting authorities");
        if (equipment) {
            indicator(
                    "Equipment items accepted by the recipient (of those approved)",
                    start,
                    end,
                    Integer.toString(a.approvedUnits()),
                    Integer.toString(a.acceptedUnits()),
                    new int[0]);
        }
        if (participants) {
            indicator("Participants trained", start, end, null, Integer.toString(a.participantsTotal()), new int[] {
                a.participantsWomen(), a.participantsMen(), a.participantsOther(), a.participantsNotDisclosed()
            });
        }
        endUseIndicator(a, start, end);
        xml.writeEndElement();
    }

    /**
     * For a request with monitored units: the units whose latest end-use check found them in use,
     * over the request's period, with what the checks stood at as a comment (facts, no judgement).
     */
    private void endUseIndicator(FeedActivity a, LocalDate start, LocalDate end) throws XMLStreamException {
        EndUseFigures e = a.endUse();
        if (e == null) {
            return;
        }
        xml.writeStartElement("indicator");
        xml.writeAttribute("measure", "1");
        narrativeElement("title", "Monitored equipment units found in use at end-use checks");
        xml.writeStartElement("period");
        empty("period-start", "iso-date", start.toString());
        empty("period-end", "iso-date", end.toString());
        xml.writeStartElement("actual");
        xml.writeAttribute("value", Long.toString(e.unitsFoundInUse()));
        xml.writeStartElement("comment");
        narrative(e.unitsFoundInUse() + " of " + e.unitsMonitored() + " monitored units found in use at their latest"
                + " check; checks due " + e.checksDue() + ", met " + e.checksMet() + ", overdue " + e.checksOverdue()
                + ".");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** An indicator of one period: its total actual, then one actual per sex counted (in SEXES' order, > 0 only). */
    private void indicator(String title, LocalDate start, LocalDate end, String target, String actual, int[] bySex)
            throws XMLStreamException {
        xml.writeStartElement("indicator");
        xml.writeAttribute("measure", "1");
        narrativeElement("title", title);
        xml.writeStartElement("period");
        empty("period-start", "iso-date", start.toString());
        empty("period-end", "iso-date", end.toString());
        if (target != null) {
            empty("target", "value", target);
        }
        empty("actual", "value", actual);
        for (int i = 0; i < bySex.length; i++) {
            if (bySex[i] > 0) {
                xml.writeStartElement("actual");
                xml.writeAttribute("value", Integer.toString(bySex[i]));
                xml.writeStartElement("dimension");
                xml.writeAttribute("name", "sex");
                xml.writeAttribute("value", IatiMapping.SEXES.get(i));
                xml.writeEndElement();
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void participatingOrg(String role, String ref, String name) throws XMLStreamException {
        xml.writeStartElement("participating-org");
        if (ref != null && !ref.isBlank()) {
            xml.writeAttribute("ref", ref);
        }
        xml.writeAttribute("role", role);
        if (name != null) {
            narrative(name);
        }
        xml.writeEndElement();
    }

    private void activityDate(String type, LocalDate date) throws XMLStreamException {
        xml.writeStartElement("activity-date");
        xml.writeAttribute("type", type);
        xml.writeAttribute("iso-date", date.toString());
        xml.writeEndElement();
    }

    private void value(BigDecimal amount, String currency, LocalDate valueDate) throws XMLStreamException {
        xml.writeStartElement("value");
        if (currency != null) {
            xml.writeAttribute("currency", currency);
        }
        xml.writeAttribute("value-date", valueDate.toString());
        xml.writeCharacters(amount.toPlainString());
        xml.writeEndElement();
    }

    private void narrativeElement(String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        narrative(text);
        xml.writeEndElement();
    }

    private void narrative(String text) throws XMLStreamException {
        text("narrative", text);
    }

    /**
     * A narrative in {@code language} (ISO 639-1): xml:lang names it when {@code named} (a
     * translation) or when it is not the document's default, English.
     */
    private void narrative(String text, String language, boolean named) throws XMLStreamException {
        String lang = language(language);
        xml.writeStartElement("narrative");
        if (named || !DEFAULT_LANGUAGE.equals(lang)) {
            xml.writeAttribute("xml:lang", lang);
        }
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** The translations to write: each in a language named by its code, other than the original's, once. */
    private static List<FeedActivity.Translation> translations(FeedActivity a) {
        if (a.translations() == null || a.translations().isEmpty()) {
            return List.of();
        }
        java.util.Set<String> written = new java.util.HashSet<>();
        written.add(language(a.language()));
        return a.translations().stream()
                .filter(t -> t.language() != null
                        && LANGUAGE_CODE
                                .matcher(t.language().trim().toLowerCase(java.util.Locale.ROOT))
                                .matches())
                .filter(t -> written.add(language(t.language())))
                .toList();
    }

    /** The ISO 639-1 code, lower case; English for none or for anything that is no two-letter code. */
    static String language(String code) {
        if (code == null) {
            return DEFAULT_LANGUAGE;
        }
        String lower = code.trim().toLowerCase(java.util.Locale.ROOT);
        return LANGUAGE_CODE.matcher(lower).matches() ? lower : DEFAULT_LANGUAGE;
    }

    private void text(String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void empty(String element, String attribute, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute(attribute, value);
        xml.writeEndElement();
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Override
    public void close() throws XMLStreamException {
        xml.writeEndDocument();
        xml.close();
    }
}
