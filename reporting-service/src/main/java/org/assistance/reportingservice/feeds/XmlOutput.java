package org.assistance.reportingservice.feeds;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLStreamException;

/**
 * The feeds' XML writer: the few StAX calls the IATI writers make (same names), written as UTF-8
 * XML 1.0 into a buffer of its own. The JDK's StAX writer handed every name, quote and escaped
 * character to the writer below as a call of its own: in a profile of a 10,000-activity feed
 * (36 MB) that was half of the request thread's CPU. Here text runs needing no escape are copied
 * at once, and a character XML 1.0 forbids (a control character in a partner's title, a lone
 * surrogate) is dropped, in text and attributes alike, so one record never makes the whole feed
 * unreadable for every donor.
 */
final class XmlOutput implements AutoCloseable {
    private static final int BUFFER = 1 << 15;

    private final Writer out;
    private final char[] buffer = new char[BUFFER];
    private int used;
    private final Deque<String> open = new ArrayDeque<>();
    /** An element's start tag is written up to its attributes; closed by its content or its end. */
    private boolean startTagOpen;

    /** Writes to {@code bytes} as UTF-8; nothing reaches it before {@link #flush()} or a full buffer. */
    XmlOutput(OutputStream bytes) {
        this.out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    }

    void writeStartDocument() throws XMLStreamException {
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    void writeStartElement(String name) throws XMLStreamException {
        closeStartTag();
        append('<');
        append(name);
        open.push(name);
        startTagOpen = true;
    }

    /** An attribute of the element just started; a prefixed name (xml:lang) is written as it is. */
    void writeAttribute(String name, String value) throws XMLStreamException {
        if (!startTagOpen) {
            throw new XMLStreamException("attribute " + name + " outside a start tag");
        }
        append(' ');
        append(name);
        append("=\"");
        escaped(value, true);
        append('"');
    }

    void writeCharacters(String text) throws XMLStreamException {
        closeStartTag();
        escaped(text, false);
    }

    /** Ends the innermost open element: {@code <a/>} when it has no content. */
    void writeEndElement() throws XMLStreamException {
        if (open.isEmpty()) {
            throw new XMLStreamException("no element to end");
        }
        String name = open.pop();
        if (startTagOpen) {
            append("/>");
            startTagOpen = false;
        } else {
            append("</");
            append(name);
            append('>');
        }
    }

    /** Ends every element still open. */
    void writeEndDocument() throws XMLStreamException {
        while (!open.isEmpty()) {
            writeEndElement();
        }
    }

    /** Hands everything written so far to the byte stream, and flushes it. */
    void flush() throws XMLStreamException {
        try {
            drain();
            out.flush();
        } catch (IOException e) {
            throw new XMLStreamException(e);
        }
    }

    /** Flushes; the byte stream stays open (the response's, closed by whoever opened it). */
    @Override
    public void close() throws XMLStreamException {
        flush();
    }

    private void closeStartTag() throws XMLStreamException {
        if (startTagOpen) {
            append('>');
            startTagOpen = false;
        }
    }

    /**
     * The text escaped: {@code & < >} always; a carriage return always (a parser reads a raw one as
     * a line feed); {@code "}, tab and line feed in an attribute (normalisation would turn them into
     * spaces); characters XML forbids dropped.
     */
    private void escaped(String text, boolean attribute) throws XMLStreamException {
        if (text == null) {
            return;
        }
        int run = 0; // start of the current run of characters written as they are
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String replacement;
            if (c >= 0x20 && c < 0xD800 && c != '&' && c != '<' && c != '>' && c != '"') {
                continue; // the common case: written as it is
            } else if (c == '&') {
                replacement = "&amp;";
            } else if (c == '<') {
                replacement = "&lt;";
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (c == '"') {
                if (!attribute) {
                    continue;
                }
                replacement = "&quot;";
            } else if (c == '\n' || c == '\r' || c == '\t') {
                if (!attribute && c != '\r') {
                    continue;
                }
                replacement = c == '\n' ? "&#10;" : c == '\r' ? "&#13;" : "&#9;";
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: a character beyond the basic plane, allowed
                continue;
            } else if (c >= 0xE000 && c <= 0xFFFD) {
                continue;
            } else {
                replacement = ""; // forbidden in XML 1.0: a control character, a lone surrogate, U+FFFE/U+FFFF
            }
            append(text, run, i);
            append(replacement);
            run = i + 1;
        }
        append(text, run, length);
    }

    private void append(char c) throws XMLStreamException {
        if (used == BUFFER) {
            drainQuietly();
        }
        buffer[used++] = c;
    }

    private void append(String s) throws XMLStreamException {
        append(s, 0, s.length());
    }

    private void append(String s, int from, int to) throws XMLStreamException {
        while (from < to) {
            if (used == BUFFER) {
                drainQuietly();
            }
            int n = Math.min(to - from, BUFFER - used);
            s.getChars(from, from + n, buffer, used);
            used += n;
            from += n;
        }
    }

    private void drainQuietly() throws XMLStreamException {
        try {
            drain();
        } catch (IOException e) {
            throw new XMLStreamException(e);
        }
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }
}
