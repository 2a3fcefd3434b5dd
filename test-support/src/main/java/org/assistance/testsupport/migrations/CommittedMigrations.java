package org.assistance.testsupport.migrations;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration is never edited or removed once committed: a database that already ran it does not
 * run it again (and Flyway refuses to start on a changed checksum), so it would no longer match a
 * new one. Each folder of migrations holds {@value #LIST}, the SHA-256 of every committed
 * migration ({@code sha256sum} format); this test compares the files with it. Extend it once per
 * module ({@code class CommittedMigrationsTest extends CommittedMigrations {}}); the chassis
 * points {@link #folder()} at its own migrations.
 */
public abstract class CommittedMigrations {
    public static final String LIST = "applied-migrations.sha256";

    /** The module's migrations, from the module's directory (where Maven runs its tests). */
    protected Path folder() {
        return Path.of("src/main/resources/db/migration");
    }

    @Test
    public void no_committed_migration_was_edited_or_removed_and_every_migration_is_listed() throws IOException {
        Path folder = folder();
        Path listFile = folder.resolve(LIST);
        if (!Files.exists(listFile)) {
            fail(listFile + " is missing: it lists every committed migration of " + folder
                    + " with its SHA-256. Create it: " + "(cd " + folder + " && sha256sum V*.sql > " + LIST + ")");
        }
        Map<String, String> listed = listed(listFile);
        Map<String, String> present = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList()) {
                present.put(file.getFileName().toString(), sha256(file));
            }
        }
        String next =
                "a new migration with the next version (" + nextVersion(present.keySet()) + "__<what it does>.sql)";
        List<String> problems = new ArrayList<>();
        listed.forEach((name, hash) -> {
            if (!present.containsKey(name)) {
                problems.add(name + " was removed, but databases have run it. Put it back as it was committed "
                        + "(git checkout <last commit with it> -- " + folder.resolve(name)
                        + "); to undo what it did, write " + next + ".");
            } else if (!present.get(name).equals(hash)) {
                problems.add(
                        name + " was edited after it was committed (its SHA-256 is no longer the one in " + LIST + "). "
                                + "Databases that ran it will not run it again. Put it back as committed (git checkout HEAD -- "
                                + folder.resolve(name) + ") and make your change in " + next + ".");
            }
        });
        present.forEach((name, hash) -> {
            if (!listed.containsKey(name)) {
                problems.add(name + " is not in " + folder.resolve(LIST)
                        + ". From its commit on it must never change: add its line "
                        + "with the commit (edit the migration freely before, then update the line):\n    " + hash
                        + "  " + name);
            }
        });
        if (!problems.isEmpty()) {
            fail("Migrations in " + folder + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    private static Map<String, String> listed(Path listFile) throws IOException {
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(listFile)) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+", 2);
            if (parts.length != 2) {
                fail(listFile + ": '" + line + "' is not '<sha256>  <file name>'");
            }
            listed.put(
                    parts[1].startsWith("*") ? parts[1].substring(1) : parts[1],
                    parts[0].toLowerCase(java.util.Locale.ROOT));
        }
        return listed;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The highest version's last number plus one: V8 -> V9, V0_4 -> V0_5. */
    static String nextVersion(Iterable<String> names) {
        List<Integer> highest = List.of();
        for (String name : names) {
            if (!name.startsWith("V") || !name.contains("__")) {
                continue;
            }
            List<Integer> version = Stream.of(
                            name.substring(1, name.indexOf("__")).split("[._]"))
                    .map(Integer::valueOf)
                    .toList();
            if (compare(version, highest) > 0) {
                highest = version;
            }
        }
        if (highest.isEmpty()) {
            return "V1";
        }
        List<String> parts =
                new ArrayList<>(highest.stream().map(String::valueOf).toList());
        parts.set(parts.size() - 1, String.valueOf(highest.get(highest.size() - 1) + 1));
        return "V" + String.join("_", parts);
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
