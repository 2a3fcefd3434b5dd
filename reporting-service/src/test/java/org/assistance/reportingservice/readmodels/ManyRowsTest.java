package org.assistance.reportingservice.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a read model's rows hold reaches PostgreSQL as it was, whichever way they are written (the
 * array literal of an upsert, made by ManyRows itself, and the text of a COPY): quotes, backslashes,
 * braces, commas, tabs and newlines, the literal word NULL, an empty text, no value, right-to-left and
 * CJK scripts, times with and without seconds, with an offset.
 */
@QuarkusTest
class ManyRowsTest {
    private static final List<String> ODD_TEXTS = Arrays.asList(
            "plain",
            "",
            null,
            "NULL",
            "a \"quoted\" word",
            "back\\slash \\\" and \\\\",
            "{braces}, commas, (parentheses)",
            "tab\there, newline\nthere, return\rthere",
            "trailing backslash \\",
            "مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
            "联合国毒品和犯罪问题办公室",
            "  spaces around  ");

    private static final List<OffsetDateTime> TIMES = List.of(
            OffsetDateTime.of(2026, 12, 3, 10, 15, 0, 0, ZoneOffset.UTC),
            OffsetDateTime.of(2026, 12, 3, 10, 15, 30, 123_456_000, ZoneOffset.ofHours(3)),
            OffsetDateTime.of(1999, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(-9, -30)));

    @Inject
    AgroalDataSource dataSource;

    @Test
    void odd_texts_and_times_arrive_as_they_were_by_upsert_and_by_copy() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table odd_rows (n int primary key, words text, at timestamptz,"
                        + " amount numeric) on commit drop");
            }
            ManyRows upserted = ManyRows.of("odd_rows", "n int", "words", "at timestamptz", "amount numeric");
            ManyRows copied = ManyRows.of("odd_rows", "n int", "words", "at timestamptz", "amount numeric");
            for (int i = 0; i < ODD_TEXTS.size(); i++) {
                OffsetDateTime at = TIMES.get(i % TIMES.size());
                BigDecimal amount = new BigDecimal("1234567.89").movePointLeft(i);
                upserted.add(i, ODD_TEXTS.get(i), at, amount);
                copied.add(100 + i, ODD_TEXTS.get(i), at, amount);
            }
            upserted.upsert(c, "n");
            copied.copy(c);

            List<String> viaUpsert = new ArrayList<>();
            List<String> viaCopy = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select n, words, at, amount from odd_rows order by n")) {
                while (rs.next()) {
                    int n = rs.getInt(1);
                    int i = n % 100;
                    assertThat(rs.getString(2)).as("row %d's words", n).isEqualTo(ODD_TEXTS.get(i));
                    assertThat(rs.getObject(3, OffsetDateTime.class).toInstant())
                            .as("row %d's time", n)
                            .isEqualTo(TIMES.get(i % TIMES.size()).toInstant());
                    assertThat(rs.getBigDecimal(4))
                            .as("row %d's amount", n)
                            .isEqualByComparingTo(new BigDecimal("1234567.89").movePointLeft(i));
                    (n < 100 ? viaUpsert : viaCopy).add(rs.getString(2));
                }
            }
            assertThat(viaUpsert).hasSize(ODD_TEXTS.size()).isEqualTo(viaCopy);
            c.rollback();
        }
    }

    @Test
    void an_upsert_overwrites_the_row_of_its_key_with_odd_texts_too() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table odd_rows (n int primary key, words text) on commit drop");
            }
            ManyRows.of("odd_rows", "n int", "words").add(1, "before").upsert(c, "n");
            ManyRows.of("odd_rows", "n int", "words")
                    .add(1, "after \"it\" \\ {,}")
                    .upsert(c, "n");
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select words from odd_rows where n = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("after \"it\" \\ {,}");
            }
            c.rollback();
        }
    }
}
