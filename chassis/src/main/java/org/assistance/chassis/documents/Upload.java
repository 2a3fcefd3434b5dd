package org.assistance.chassis.documents;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload's body as it streams in: counted (a body past the limit is refused when its first byte
 * too many arrives, whatever its Content-Length said) and hashed on the way.
 */
final class Upload extends FilterInputStream {
    private final long maxBytes;
    private final MessageDigest sha256;
    private long count;

    Upload(InputStream body, long maxBytes) {
        super(body);
        this.maxBytes = maxBytes;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
            sha256.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
            sha256.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0; // every byte is counted and hashed: nothing is skipped
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(int n) {
        count += n;
        if (count > maxBytes) {
            throw new DocumentTooLarge(maxBytes);
        }
    }

    long size() {
        return count;
    }

    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
