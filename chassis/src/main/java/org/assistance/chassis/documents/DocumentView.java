package org.assistance.chassis.documents;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document as listed: what it is, never its content (GET .../documents/{documentId} downloads that). */
@Schema(name = "Document", description = "A document's metadata; its content is downloaded from its own URL")
public record DocumentView(
        @Schema(format = "uuid") UUID id,
        DocumentKind kind,

        @Schema(maxLength = Documents.MAX_TITLE, nullable = true)
        String title,

        @Schema(maxLength = Documents.MAX_FILENAME, example = "export-licence.pdf")
        String filename,

        @Schema(
                description = "As detected from the content, whatever the upload claimed",
                enumeration = {
                    DocumentTypes.PDF,
                    DocumentTypes.PNG,
                    DocumentTypes.JPEG,
                    DocumentTypes.DOCX,
                    DocumentTypes.XLSX,
                    DocumentTypes.ODT
                })
        String mediaType,

        @Schema(description = "Bytes", minimum = "1", maximum = "1073741824")
        long size,

        @Schema(description = "SHA-256 of the content, lower-case hex", pattern = "^[0-9a-f]{64}$", maxLength = 64)
        String sha256,

        @Schema(maxLength = 200) String uploadedBy,
        OffsetDateTime uploadedAt) {}
