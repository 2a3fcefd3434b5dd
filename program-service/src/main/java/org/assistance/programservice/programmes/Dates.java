package org.assistance.programservice.programmes;

import java.time.LocalDate;
import java.util.List;
import org.assistance.chassis.problems.InvalidInput.Field;
import org.assistance.chassis.texts.Text;

/**
 * The oldest date program-service records: a fund's value date, an activity's planned or actual
 * dates. java.time and PostgreSQL hold dates millions of years away (and not the same ones), so a
 * date far away would fail in the database; none is real here. Kept beside the funds, the
 * feature activities and reviews already build on.
 */
public final class Dates {
    /** No value date, planned or actual date of the platform is older. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private Dates() {}

    /** Adds a field error when a (non-null) date is before {@link #EARLIEST}. */
    public static void notTooOld(String field, LocalDate date, List<Field> errors) {
        if (date != null && date.isBefore(EARLIEST)) {
            errors.add(new Field(field, notBefore(EARLIEST.toString())));
        }
    }

    /** "must not be before {other}": another field's name or a date. */
    public static Text notBefore(String other) {
        return Text.of("date.not-before", "other", other);
    }
}
