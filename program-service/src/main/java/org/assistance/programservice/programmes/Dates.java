package org.assistance.programservice;

import org.assistance.chassis.problems.Problem.FieldError;

import java.time.LocalDate;
import java.util.List;

/**
 * The dates program-service records. java.time and PostgreSQL hold dates millions of years away
 * (and not the same ones), so a date far away would fail in the database; none is real here.
 */
public final class Dates {
    /** No value date, planned or actual date of the platform is older. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** How far ahead an activity may be planned. */
    public static final int PLANNING_YEARS = 10;

    private Dates() {
    }

    /** Adds a field error when a (non-null) date is before {@link #EARLIEST}. */
    public static void notTooOld(String field, LocalDate date, List<FieldError> errors) {
        if (date != null && date.isBefore(EARLIEST)) {
            errors.add(new FieldError(field, "must not be before " + EARLIEST));
        }
    }

    /** Adds a field error when a (non-null) planned date is before {@link #EARLIEST} or too far ahead. */
    public static void plannable(String field, LocalDate date, List<FieldError> errors) {
        notTooOld(field, date, errors);
        LocalDate latest = LocalDate.now().plusYears(PLANNING_YEARS);
        if (date != null && date.isAfter(latest)) {
            errors.add(new FieldError(field, "must not be after " + latest + " (" + PLANNING_YEARS
                    + " years ahead at most)"));
        }
    }
}
