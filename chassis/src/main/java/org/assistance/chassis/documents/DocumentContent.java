package org.assistance.chassis.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Where documents' content is kept, streamed in and out, never whole in memory. The platform keeps it
 * in the service's PostgreSQL ({@link PostgresDocumentContent}); an S3-compatible object store can take
 * its place behind this interface when documents outgrow the database (README "Documents").
 */
public interface DocumentContent {
    /** Reads a stored document's content within the transaction that stores it. */
    @FunctionalInterface
    interface Inspection<T> {
        T of(InputStream content) throws IOException;
    }

    /**
     * Stores the content of a new document in the current transaction: gone again if it rolls back.
     * Reads {@code content} to its end (the caller bounds it); returns how many pieces were written.
     */
    int write(UUID documentId, InputStream content) throws IOException;

    /** Reads back what {@link #write} stored, in the same transaction (e.g. to look inside a container). */
    <T> T inspect(UUID documentId, Inspection<T> inspection) throws IOException;

    /** Copies a stored document to {@code out}, piece by piece, outside any transaction (a download). */
    void copyTo(UUID documentId, OutputStream out) throws IOException;
}
