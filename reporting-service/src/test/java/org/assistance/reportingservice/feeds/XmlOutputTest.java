package org.assistance.reportingservice.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The feeds' XML writer, read back by the JDK's own XML parser: whatever a partner typed comes
 * back as it was, less the characters XML 1.0 forbids, in text and in attributes alike.
 */
class XmlOutputTest {

    @Test
    void any_text_a_partner_typed_reads_back_as_typed_less_what_xml_forbids() throws Exception {
        Random random = new Random(18);
        for (int n = 0; n < 5_000; n++) {
            String typed = randomText(random);
            Element read = writtenAndRead(typed);
            String expected = allowedByXml(typed);
            assertThat(read.getTextContent()).as("text of %s", codes(typed)).isEqualTo(expected);
            assertThat(read.getAttribute("title"))
                    .as("attribute of %s", codes(typed))
                    .isEqualTo(expected);
        }
    }

    @Test
    void markup_quotes_line_ends_and_characters_beyond_the_basic_plane_survive() throws Exception {
        String typed = "Fish & <chips> \"quoted\" 'single'\r\nnext\tline ]]> \uD83D\uDC1F done";
        Element read = writtenAndRead(typed);
        assertThat(read.getTextContent()).isEqualTo(typed);
        assertThat(read.getAttribute("title")).isEqualTo(typed);
    }

    @Test
    void control_characters_and_lone_surrogates_are_dropped_not_written() throws Exception {
        Element read = writtenAndRead("a\u0000b\u0001c\u001Fd\uD800e\uDC00f\uFFFEg\uFFFFh");
        assertThat(read.getTextContent()).isEqualTo("abcdefgh");
        assertThat(read.getAttribute("title")).isEqualTo("abcdefgh");
    }

    @Test
    void an_element_without_content_is_written_empty_and_nesting_is_kept() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlOutput xml = new XmlOutput(bytes)) {
            xml.writeStartDocument();
            xml.writeStartElement("iati-activities");
            xml.writeStartElement("activity-date");
            xml.writeAttribute("iso-date", "2026-12-03");
            xml.writeEndElement();
            xml.writeStartElement("narrative");
            xml.writeAttribute("xml:lang", "fr");
            xml.writeCharacters("Formation");
            xml.writeEndDocument();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><iati-activities>"
                        + "<activity-date iso-date=\"2026-12-03\"/><narrative xml:lang=\"fr\">Formation</narrative>"
                        + "</iati-activities>");
        Document document = parse(bytes.toByteArray());
        assertThat(document.getDocumentElement()
                        .getElementsByTagName("narrative")
                        .item(0)
                        .getAttributes()
                        .item(0)
                        .getNodeName())
                .isEqualTo("xml:lang");
    }

    @Test
    void a_document_larger_than_the_buffer_is_written_whole() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String line = "Équipement de criminalistique numérique & formation <niveau 2> ".repeat(20);
        try (XmlOutput xml = new XmlOutput(bytes)) {
            xml.writeStartDocument();
            xml.writeStartElement("iati-activities");
            for (int i = 0; i < 60; i++) { // some 78,000 characters: the buffer drained twice
                xml.writeStartElement("narrative");
                xml.writeAttribute("n", Integer.toString(i));
                xml.writeCharacters(line);
                xml.writeEndElement();
            }
            xml.writeEndDocument();
        }
        Document document = parse(bytes.toByteArray());
        var narratives = document.getDocumentElement().getElementsByTagName("narrative");
        assertThat(narratives.getLength()).isEqualTo(60);
        assertThat(narratives.item(59).getTextContent()).isEqualTo(line);
    }

    @Test
    void misuse_is_refused_not_written() throws Exception {
        XmlOutput xml = new XmlOutput(new ByteArrayOutputStream());
        assertThatThrownBy(xml::writeEndElement).isInstanceOf(XMLStreamException.class);
        xml.writeStartElement("a");
        xml.writeCharacters("text");
        assertThatThrownBy(() -> xml.writeAttribute("late", "x")).isInstanceOf(XMLStreamException.class);
    }

    private static Element writtenAndRead(String typed) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlOutput xml = new XmlOutput(bytes)) {
            xml.writeStartDocument();
            xml.writeStartElement("narrative");
            xml.writeAttribute("title", typed);
            xml.writeCharacters(typed);
            xml.writeEndElement();
        }
        return parse(bytes.toByteArray()).getDocumentElement();
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** Text mixing what partners type with what breaks XML: markup, quotes, line ends, controls, surrogates. */
    private static String randomText(Random random) {
        char[] pool = {
            'a', 'Z', ' ', 'é', 'ß', 'ع', '中', '&', '<', '>', '"', '\'', '\n', '\r', '\t', '\u0000', '\u0008', '\u001F',
            '\uD83D', '\uDC1F', '\uFFFE', '\uFFFF', '\uE000', '\uFFFD', ']', ';', '#'
        };
        int length = random.nextInt(24);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(6) == 0) {
                text.append("\uD83D\uDC1F"); // a well-formed pair beyond the basic plane
            } else {
                text.append(pool[random.nextInt(pool.length)]);
            }
        }
        return text.toString();
    }

    /** What XML 1.0 allows of the text, by its production Char (unpaired surrogates are no characters). */
    private static String allowedByXml(String text) {
        StringBuilder allowed = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(allowed::appendCodePoint);
        return allowed.toString();
    }

    private static String codes(String text) {
        StringBuilder codes = new StringBuilder();
        text.chars().forEach(c -> codes.append(String.format("U+%04X ", c)));
        return codes.toString();
    }
}
