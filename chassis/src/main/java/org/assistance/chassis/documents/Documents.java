package org.assistance.chassis.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.tika.mime.MediaType;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.DocumentEvents.ActivityDocumentAttached;
import org.assistance.chassis.events.DocumentEvents.RequestDocumentAttached;
import org.assistance.chassis.events.DocumentEvents.ShipmentDocumentAttached;
import org.assistance.chassis.ids.TimeOrderedIds;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;
import org.hibernate.Session;

/**
 * Documents attached to the services' records: stored streamed (never whole in memory), their size
 * counted against the limit as they arrive, their SHA-256 recorded, their type detected from the
 * content and only PDF, PNG, JPEG, DOCX, XLSX and ODT kept. The document's row, its content and its
 * {@code document-attached} event are written in the caller's transaction: all or nothing. Who may
 * attach to or read which record is the owning service's rule, checked before it calls here.
 */
@ApplicationScoped
public class Documents {
    public static final int MAX_TITLE = 200;
    public static final int MAX_FILENAME = 255;
    /** Documents one record can have; its list answers them all. */
    public static final int MAX_PER_ATTACHMENT = 200;
    /** assistance.documents.max-bytes unless configured otherwise: 20 MB (as the contract states it). */
    public static final int DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

    private static final String COLUMNS =
            "id, kind, title, filename, media_type, size_bytes, sha256, uploaded_by, uploaded_at";

    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final DocumentContent content;
    private final Outbox outbox;
    private final DocumentsConfig config;

    public Documents(
            EntityManager entityManager,
            DataSource dataSource,
            DocumentContent content,
            Outbox outbox,
            DocumentsConfig config) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.content = content;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Stores {@code body} as a document of {@code to}: 413 past the limit, 415 for any type but the
     * six accepted (nothing of it kept), 409 when the record has all the documents it may have.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DocumentView attach(
            Attachment to, DocumentKind kind, String title, String filename, InputStream body, String uploadedBy) {
        if (kind == null) {
            throw InvalidInput.field(
                    "kind",
                    Text.of(
                            "documents.kind-required",
                            "kinds",
                            List.of(DocumentKind.values()).toString()));
        }
        String cleanTitle = text("title", title, MAX_TITLE);
        String cleanName = text("filename", filename, MAX_FILENAME);
        if (count(to) >= MAX_PER_ATTACHMENT) {
            throw DomainRuleViolation.conflict(
                    Text.of("documents.too-many", "record", to.to().name(), "max", String.valueOf(MAX_PER_ATTACHMENT)));
        }
        try {
            Upload upload = new Upload(body, config.maxBytes().asLongValue());
            byte[] head = upload.readNBytes(DocumentTypes.HEAD_BYTES);
            if (head.length == 0) {
                throw InvalidInput.field("body", Text.of("documents.empty"));
            }
            MediaType magic = DocumentTypes.byMagic(head, head.length);
            if (!DocumentTypes.mayBeAccepted(magic)) {
                throw unsupported(magic); // refused before anything is stored or the rest is read
            }
            UUID id = TimeOrderedIds.next();
            int chunks = content.write(id, new SequenceInputStream(new ByteArrayInputStream(head), upload));
            MediaType type = DocumentTypes.isContainer(magic) ? content.inspect(id, DocumentTypes::ofContainer) : magic;
            if (!DocumentTypes.isAccepted(type)) {
                throw unsupported(type); // the transaction rolls back: the chunks go with it
            }
            DocumentView document = new DocumentView(
                    id,
                    kind,
                    cleanTitle,
                    named(cleanName, type),
                    type.getBaseType().toString(),
                    upload.size(),
                    upload.sha256(),
                    uploadedBy,
                    OffsetDateTime.now(ZoneOffset.UTC));
            insert(to, document, chunks);
            outbox.record(announced(to, document));
            return document;
        } catch (IOException e) {
            throw new DomainRuleViolation(400, "unreadable-body", Text.of("documents.unreadable"));
        }
    }

    /** The record's documents, oldest first. */
    public List<DocumentView> of(Attachment to) {
        return select(
                "select " + COLUMNS + " from documents where attached_to = ? and attached_to_id = ?"
                        + " order by uploaded_at, id limit " + MAX_PER_ATTACHMENT,
                to,
                null);
    }

    /** One of the record's documents, to download; 404 if the record has no such document. */
    public Download download(Attachment to, UUID documentId) {
        DocumentView document = select(
                        "select " + COLUMNS + " from documents where attached_to = ? and attached_to_id = ? and id = ?",
                        to,
                        documentId)
                .stream()
                .findFirst()
                .orElseThrow(() -> DomainRuleViolation.notFound(Text.of("documents.not-found", "id", documentId)));
        return new Download(document, out -> content.copyTo(document.id(), out));
    }

    private static DomainRuleViolation unsupported(MediaType type) {
        return new DomainRuleViolation(
                415,
                "unsupported-media-type",
                Text.of(
                        "documents.unsupported-type",
                        "type",
                        type.getBaseType(),
                        "types",
                        DocumentTypes.ACCEPTED.keySet().stream()
                                .sorted()
                                .toList()
                                .toString()));
    }

    /** Optional plain text: no control characters, at most {@code max} characters; blank is none. */
    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw InvalidInput.field(field, Text.of("text.at-most-characters", "max", String.valueOf(max)));
        }
        if (stripped.codePoints()
                .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw InvalidInput.field(field, Text.of("text.no-control-characters"));
        }
        return stripped;
    }

    /**
     * The name a download is saved under: the last segment of what the client gave, ending in the
     * detected type's extension (a PDF named invoice.html is saved as invoice.html.pdf).
     */
    static String named(String given, MediaType type) {
        String extension = DocumentTypes.ACCEPTED.get(type.getBaseType().toString());
        String name =
                given == null ? "" : given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        name = name.strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "document";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean jpeg = extension.equals("jpg") && lower.endsWith(".jpeg");
        if (!lower.endsWith("." + extension) && !jpeg) {
            name = name + "." + extension;
        }
        if (name.length() > MAX_FILENAME) {
            name = name.substring(name.length() - MAX_FILENAME);
        }
        return name;
    }

    private long count(Attachment to) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "select count(*) from documents where attached_to = ? and attached_to_id = ?")) {
                count.setString(1, to.to().name());
                count.setObject(2, to.id());
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private void insert(Attachment to, DocumentView d, int chunks) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into documents (" + COLUMNS
                            + ", attached_to, attached_to_id, request_id, chunks) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, d.id());
                insert.setString(2, d.kind().name());
                insert.setString(3, d.title());
                insert.setString(4, d.filename());
                insert.setString(5, d.mediaType());
                insert.setLong(6, d.size());
                insert.setString(7, d.sha256());
                insert.setString(8, d.uploadedBy());
                insert.setObject(9, d.uploadedAt());
                insert.setString(10, to.to().name());
                insert.setObject(11, to.id());
                insert.setObject(12, to.requestId());
                insert.setInt(13, chunks);
                insert.executeUpdate();
            }
        });
    }

    private static AssistanceEvent announced(Attachment to, DocumentView d) {
        return switch (to.to()) {
            case REQUEST, RECEIPT ->
                new RequestDocumentAttached(
                        to.requestId(),
                        d.id(),
                        to.to().name(),
                        to.id(),
                        d.kind().name(),
                        d.title(),
                        d.filename(),
                        d.mediaType(),
                        d.size(),
                        d.sha256(),
                        d.uploadedBy(),
                        d.uploadedAt());
            case SHIPMENT ->
                new ShipmentDocumentAttached(
                        to.requestId(),
                        d.id(),
                        to.to().name(),
                        to.id(),
                        d.kind().name(),
                        d.title(),
                        d.filename(),
                        d.mediaType(),
                        d.size(),
                        d.sha256(),
                        d.uploadedBy(),
                        d.uploadedAt());
            case ACTIVITY ->
                new ActivityDocumentAttached(
                        to.requestId(),
                        d.id(),
                        to.to().name(),
                        to.id(),
                        d.kind().name(),
                        d.title(),
                        d.filename(),
                        d.mediaType(),
                        d.size(),
                        d.sha256(),
                        d.uploadedBy(),
                        d.uploadedAt());
        };
    }

    private List<DocumentView> select(String sql, Attachment to, UUID documentId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, to.to().name());
            select.setObject(2, to.id());
            if (documentId != null) {
                select.setObject(3, documentId);
            }
            List<DocumentView> documents = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    documents.add(new DocumentView(
                            rs.getObject("id", UUID.class),
                            DocumentKind.valueOf(rs.getString("kind")),
                            rs.getString("title"),
                            rs.getString("filename"),
                            rs.getString("media_type"),
                            rs.getLong("size_bytes"),
                            rs.getString("sha256"),
                            rs.getString("uploaded_by"),
                            rs.getObject("uploaded_at", OffsetDateTime.class)));
                }
            }
            return documents;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the documents of " + to, e);
        }
    }
}
