package org.assistance.chassis.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.tika.detect.microsoft.ooxml.OPCPackageDetector;
import org.apache.tika.detect.zip.DefaultZipContainerDetector;
import org.apache.tika.detect.zip.OpenDocumentDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of a document as its content shows it (Apache Tika), never as the client names it:
 * magic numbers for PDF, PNG and JPEG; DOCX, XLSX and ODT are ZIP containers, told apart by what
 * they contain ([Content_Types].xml's main part, the mimetype entry). Only the six types below are
 * accepted.
 */
public final class DocumentTypes {
    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String ODT = "application/vnd.oasis.opendocument.text";

    /** Each accepted type and the file extension a download is named with when no filename was given. */
    public static final Map<String, String> ACCEPTED =
            Map.of(PDF, "pdf", PNG, "png", JPEG, "jpg", DOCX, "docx", XLSX, "xlsx", ODT, "odt");

    /** As many leading bytes as the magic detection reads. */
    public static final int HEAD_BYTES = 64 * 1024;

    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = MAGIC.getMediaTypeRegistry();

    private DocumentTypes() {}

    /** What the first bytes of a document say it is (a ZIP container says only that it is a ZIP, or which). */
    public static MediaType byMagic(byte[] head, int length) throws IOException {
        return MAGIC.detect(new ByteArrayInputStream(head, 0, length), new Metadata());
    }

    /** Whether a document whose first bytes say {@code magic} may still turn out to be of an accepted type. */
    public static boolean mayBeAccepted(MediaType magic) {
        return isAccepted(magic) || isContainer(magic);
    }

    public static boolean isAccepted(MediaType type) {
        return ACCEPTED.containsKey(type.getBaseType().toString());
    }

    /** A ZIP (or a type Tika knows to be one, such as a generic OOXML or an OpenDocument): look inside. */
    public static boolean isContainer(MediaType type) {
        return type.getBaseType().equals(MediaType.APPLICATION_ZIP)
                || REGISTRY.isSpecializationOf(type.getBaseType(), MediaType.APPLICATION_ZIP);
    }

    /**
     * The type of a whole ZIP container, read from {@code content} (spooled to a temporary file by
     * Tika, which opens the ZIP's directory rather than holding the content in memory).
     */
    public static MediaType ofContainer(InputStream content) throws IOException {
        // only the two container detectors the accepted types need (no service loading of the rest)
        DefaultZipContainerDetector zip =
                new DefaultZipContainerDetector(List.of(new OPCPackageDetector(), new OpenDocumentDetector()));
        zip.setMarkLimit(-1); // detect on the whole file, not on a prefix held in memory
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            return zip.detect(stream, new Metadata());
        }
    }
}
