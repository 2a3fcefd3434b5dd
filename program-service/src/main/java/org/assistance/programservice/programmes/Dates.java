package org.assistance.programservice.programmes;

import java.time.LocalDate;
import java.util.List;
import org.assistance.chassis.problems.Problem.FieldError;

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
    public static void notTooOld(String field, LocalDate date, List<FieldError> errors) {
        if (date != null && date.isBefore(EARLIEST)) {
            errors.add(new FieldError(field, "must not be before " + EARLIEST));
        }
    }
}
