package io.dictum.core;

import io.dictum.core.errors.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The days a listing is asked for ({@code from} and {@code to}, both included, either open), read from a request's
 * query parameters: a date that is no calendar day, or a {@code from} after the {@code to}, is the caller's mistake.
 */
public record DateRange(Optional<LocalDate> from, Optional<LocalDate> to) {

    /** The range the texts give; blank is open. */
    public static DateRange of(String from, String to) {
        Optional<LocalDate> f = day("from", from);
        Optional<LocalDate> t = day("to", to);
        if (f.isPresent() && t.isPresent() && f.get().isAfter(t.get())) {
            throw new InvalidInputException("from " + f.get() + " is after to " + t.get() + "; give from on or before to.");
        }
        return new DateRange(f, t);
    }

    /** A day given as {@code yyyy-mm-dd}; empty when blank. */
    public static Optional<LocalDate> day(String name, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + " '" + text + "' is not a real calendar date; send yyyy-mm-dd,"
                    + " e.g. 2026-12-10.");
        }
    }
}
