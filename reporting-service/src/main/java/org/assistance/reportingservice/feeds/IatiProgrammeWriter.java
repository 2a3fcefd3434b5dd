package org.assistance.reportingservice.feeds;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamException;
import org.assistance.reportingservice.results.ProgrammeResults;
import org.assistance.reportingservice.results.ProgrammeResults.IndicatorResult;
import org.assistance.reportingservice.results.ProgrammeResults.Period;
import org.assistance.reportingservice.results.Results;

/**
 * The programmes as IATI 2.03 activities of hierarchy 1 (the requests are their hierarchy-2
 * activities, related to them): their donors, the SDG targets their indicators serve (tag
 * vocabulary 3) and, per indicator, a result with its baseline and one period per year measured
 * and the target's year: the target, the programme-wide actual and one actual per country and
 * per sex.
 */
final class IatiProgrammeWriter {
    /** A programme to write: its results, its donors and when it started. */
    record Programme(ProgrammeResults results, List<Results.Donor> donors, LocalDate start) {}

    private final FeedSettings settings;
    private XmlOutput xml;

    IatiProgrammeWriter(FeedSettings settings) {
        this.settings = settings;
    }

    /** The iati-activities document of the programmes (a few: one activity each). */
    byte[] document(List<Programme> programmes) throws XMLStreamException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlOutput out = new XmlOutput(bytes)) {
            xml = out;
            xml.writeStartDocument();
            xml.writeStartElement("iati-activities");
            xml.writeAttribute("version", "2.03");
            xml.writeAttribute("generated-datetime", now());
            for (Programme programme : programmes) {
                activity(programme);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
        }
        return bytes.toByteArray();
    }

    private void activity(Programme p) throws XMLStreamException {
        String code = p.results().programme();
        xml.writeStartElement("iati-activity");
        xml.writeAttribute("last-updated-datetime", now());
        xml.writeAttribute("xml:lang", "en");
        xml.writeAttribute("hierarchy", "1");
        text("iati-identifier", IatiMapping.programmeIdentifier(settings, code));
        xml.writeStartElement("reporting-org");
        xml.writeAttribute("ref", settings.reportingOrgRef());
        xml.writeAttribute("type", settings.reportingOrgType());
        narrative(settings.reportingOrgName());
        xml.writeEndElement();
        narrativeElement("title", "Programme " + code);
        xml.writeStartElement("description");
        xml.writeAttribute("type", "1");
        narrative("Programme " + code + " of " + settings.reportingOrgName()
                + ": technical assistance to States' authorities, each approved request an activity of its own"
                + " (hierarchy 2); its results framework's indicators, targets and actuals.");
        xml.writeEndElement();
        for (Results.Donor donor : p.donors()) {
            participatingOrg("1", donor.iatiIdentifier(), donor.name() != null ? donor.name() : donor.id());
        }
        if (settings.extendingOrgRef().isPresent()) {
            participatingOrg(
                    "3",
                    settings.extendingOrgRef().get(),
                    settings.extendingOrgName().orElse(null));
        }
        participatingOrg("4", settings.reportingOrgRef(), settings.reportingOrgName());
        empty("activity-status", "code", "2");
        xml.writeStartElement("activity-date");
        xml.writeAttribute("type", "2");
        xml.writeAttribute("iso-date", p.start().toString());
        xml.writeEndElement();
        TreeSet<String> sdgTargets = new TreeSet<>();
        p.results().indicators().stream()
                .map(IndicatorResult::sdgTarget)
                .filter(t -> t != null && !t.isBlank())
                .forEach(sdgTargets::add);
        for (String target : sdgTargets) {
            xml.writeStartElement("tag");
            xml.writeAttribute("vocabulary", "3");
            xml.writeAttribute("code", target);
            xml.writeEndElement();
        }
        for (IndicatorResult indicator : p.results().indicators()) {
            result(indicator);
        }
        xml.writeEndElement();
    }

    private void result(IndicatorResult i) throws XMLStreamException {
        xml.writeStartElement("result");
        xml.writeAttribute("type", "OUTCOME".equals(i.kind()) ? "2" : "1");
        narrativeElement("title", i.title());
        xml.writeStartElement("indicator");
        xml.writeAttribute("measure", "%".equals(i.unit()) ? "2" : "1");
        xml.writeAttribute("ascending", "1");
        narrativeElement("title", i.title());
        if (i.baseline() != null && i.baseline().year() > 0) {
            xml.writeStartElement("baseline");
            xml.writeAttribute("year", Integer.toString(i.baseline().year()));
            if (i.baseline().value() != null) {
                xml.writeAttribute("value", i.baseline().value().toPlainString());
            }
            xml.writeEndElement();
        }
        for (Period period : i.periods()) {
            xml.writeStartElement("period");
            empty("period-start", "iso-date", period.periodStart().toString());
            empty("period-end", "iso-date", period.periodEnd().toString());
            if (period.target() != null) {
                empty("target", "value", period.target().toPlainString());
            }
            if (period.actual() != null) {
                empty("actual", "value", period.actual().toPlainString());
            }
            dimensions("country", period.byCountry());
            dimensions("sex", period.bySex());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** One actual per value of the dimension present (a count of 0 is no figure to report). */
    private void dimensions(String name, Map<String, BigDecimal> values) throws XMLStreamException {
        if (values == null) {
            return;
        }
        for (Map.Entry<String, BigDecimal> value : values.entrySet()) {
            if (value.getValue() == null || value.getValue().signum() <= 0) {
                continue;
            }
            xml.writeStartElement("actual");
            xml.writeAttribute("value", value.getValue().toPlainString());
            xml.writeStartElement("dimension");
            xml.writeAttribute("name", name);
            xml.writeAttribute("value", value.getKey());
            xml.writeEndElement();
            xml.writeEndElement();
        }
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

    private void narrativeElement(String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        narrative(text);
        xml.writeEndElement();
    }

    private void narrative(String text) throws XMLStreamException {
        text("narrative", text);
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
}
