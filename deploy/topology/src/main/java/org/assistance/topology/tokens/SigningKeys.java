package org.assistance.topology.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local identity provider's keys, in the launcher's state folder ({@code STATE/jwt}, never
 * committed): {@code keys/KID.pem} the private keys, {@code signing.kid} names the one that signs,
 * {@code keys/KID.retired} (epoch seconds) when another took over, and {@code jwks.json} publishes
 * the public half of every key not retired for longer than a token lives.
 */
public final class SigningKeys {
    private final Path folder;
    private final Duration tokenLifetime;
    private SigningKey cached;

    private SigningKeys(Path folder, Duration tokenLifetime) {
        this.folder = folder;
        this.tokenLifetime = tokenLifetime;
    }

    /** The keys of the launcher's state folder (the folder holding {@code jwt/}). */
    public static SigningKeys ofState(Path state) {
        return new SigningKeys(state.resolve("jwt"), TokenRules.LOCAL_MAXIMUM_LIFETIME);
    }

    public Path jwksFile() {
        return folder.resolve("jwks.json");
    }

    /** The key that signs now (after a rotation the new one, read again without a restart); the first is made on first use. */
    public synchronized SigningKey signing() {
        ensure();
        String kid = read(folder.resolve("signing.kid")).trim();
        if (cached == null || !cached.kid().equals(kid)) {
            cached = SigningKey.fromPem(read(keyFile(kid)));
        }
        return cached;
    }

    /** The JWKS the services read, made with the first key if there is none yet. */
    public String jwks() {
        ensure();
        return read(jwksFile());
    }

    public record Rotation(String previous, String next) {}

    /**
     * A new signing key, published in the JWKS before it signs anything; the previous key stays
     * published until the last token it signed has expired, so no token is refused on the way.
     */
    public synchronized Rotation rotate() {
        String previous = signing().kid();
        String next = store(SigningKey.generate());
        publish(); // 1. the new key next to the old one
        writeAtomically(folder.resolve("signing.kid"), next + "\n", false); // 2. the new key signs from now on
        writeAtomically(
                keyFile(previous).resolveSibling(previous + ".retired"),
                Instant.now().getEpochSecond() + "\n",
                false);
        publish(); // 3. keys retired longer than a token lives leave the JWKS
        return new Rotation(previous, next);
    }

    /** The first signing key and its JWKS; an older state folder's single key pair is kept as it is. */
    public synchronized void ensure() {
        try {
            Files.createDirectories(folder.resolve("keys"));
            if (Files.exists(folder.resolve("signing.kid")) && Files.exists(jwksFile())) {
                return;
            }
            String kid;
            Path legacy = folder.resolve("private.pem");
            if (Files.exists(legacy)) {
                SigningKey key = SigningKey.fromPem(read(legacy));
                kid = store(key);
                Files.delete(legacy);
                Files.deleteIfExists(folder.resolve("public.pem"));
            } else if (Files.exists(folder.resolve("signing.kid"))) {
                kid = read(folder.resolve("signing.kid")).trim();
            } else {
                kid = store(SigningKey.generate());
            }
            writeAtomically(folder.resolve("signing.kid"), kid + "\n", false);
            publish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the JWKS of every key not retired for longer than a token lives (plus clock skew), atomically. */
    private void publish() {
        long now = Instant.now().getEpochSecond();
        long keep = tokenLifetime.plus(TokenRules.CLOCK_SKEW).toSeconds();
        List<SigningKey> published = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder.resolve("keys"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem"))
                    .sorted()
                    .toList()) {
                String kid = file.getFileName().toString().replaceFirst("\\.pem$", "");
                Path retired = file.resolveSibling(kid + ".retired");
                if (Files.exists(retired) && now - Long.parseLong(read(retired).trim()) > keep) {
                    Files.delete(file);
                    Files.delete(retired);
                    continue;
                }
                published.add(new SigningKey(kid, SigningKey.fromPem(read(file)).privateKey()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeAtomically(jwksFile(), SigningKey.jwks(published) + "\n", true);
    }

    private String store(SigningKey key) {
        writeAtomically(keyFile(key.kid()), key.pem(), false);
        return key.kid();
    }

    private Path keyFile(String kid) {
        return folder.resolve("keys").resolve(kid + ".pem");
    }

    /** Readable by this user only unless {@code public}; readers never see half a file. */
    private static void writeAtomically(Path file, String content, boolean readableByAll) {
        try {
            Path next = Files.createTempFile(
                    file.getParent(),
                    file.getFileName() + ".",
                    ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(next, content);
            if (readableByAll) {
                Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
