package org.assistance.chassis.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * Documents' content in the service's PostgreSQL, table {@code document_chunks}: chunks of 256 KiB
 * written as the upload streams in and read back one at a time. Writing goes through the
 * transaction's own connection, so the chunks commit or roll back with the document's row and its
 * event; a download reads committed chunks on a connection of its own, after the request's
 * transaction has ended.
 */
@ApplicationScoped
public class PostgresDocumentContent implements DocumentContent {
    /** One row's share of a document: large enough for few round trips, small enough to hold one at a time. */
    static final int CHUNK_BYTES = 256 * 1024;

    private static final String WRITE = "insert into document_chunks (document_id, seq, data) values (?, ?, ?)";
    private static final String READ = "select data from document_chunks where document_id = ? and seq = ?";

    private final EntityManager entityManager;
    private final DataSource dataSource;

    public PostgresDocumentContent(EntityManager entityManager, DataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    @Override
    public int write(UUID documentId, InputStream content) throws IOException {
        try {
            return entityManager.unwrap(Session.class).doReturningWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(WRITE)) {
                    byte[] chunk = new byte[CHUNK_BYTES];
                    int seq = 0;
                    while (true) {
                        int length = content.readNBytes(chunk, 0, CHUNK_BYTES);
                        if (length == 0) {
                            return seq;
                        }
                        insert.setObject(1, documentId);
                        insert.setInt(2, seq++);
                        insert.setBytes(3, length == CHUNK_BYTES ? chunk : Arrays.copyOf(chunk, length));
                        insert.executeUpdate();
                        if (length < CHUNK_BYTES) {
                            return seq;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public <T> T inspect(UUID documentId, Inspection<T> inspection) throws IOException {
        try {
            return entityManager.unwrap(Session.class).doReturningWork(connection -> {
                try (InputStream content = new Chunks(connection, documentId)) {
                    return inspection.of(content);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void copyTo(UUID documentId, OutputStream out) throws IOException {
        try (Connection connection = dataSource.getConnection();
                InputStream content = new Chunks(connection, documentId)) {
            content.transferTo(out);
        } catch (SQLException e) {
            throw new IOException("Could not read document " + documentId, e);
        }
    }

    /** A document's chunks in order, each fetched when the one before has been read. */
    private static final class Chunks extends InputStream {
        private final PreparedStatement read;
        private final UUID documentId;
        private int next;
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        Chunks(Connection connection, UUID documentId) throws SQLException {
            this.read = connection.prepareStatement(READ);
            this.documentId = documentId;
        }

        private boolean fill() throws IOException {
            while (!ended && position == current.length) {
                try {
                    read.setObject(1, documentId);
                    read.setInt(2, next++);
                    try (ResultSet row = read.executeQuery()) {
                        if (row.next()) {
                            current = row.getBytes(1);
                            position = 0;
                        } else {
                            ended = true;
                        }
                    }
                } catch (SQLException e) {
                    throw new IOException("Could not read document " + documentId, e);
                }
            }
            return !ended || position < current.length;
        }

        @Override
        public int read() throws IOException {
            return fill() && position < current.length ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill() || position == current.length) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            try {
                read.close();
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }
}
