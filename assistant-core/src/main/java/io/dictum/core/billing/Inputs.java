package io.dictum.core.billing;

import io.dictum.core.errors.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Small checks shared by the billing services; each failure names the field and what to send instead. */
final class Inputs {

    static final int MAX_DESCRIPTION = 1000;

    private Inputs() {
    }

    static String description(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("description is required: say what was done, e.g. \"Drafted motion to"
                    + " compel\"");
        }
        String s = text.strip();
        if (s.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description is longer than " + MAX_DESCRIPTION + " characters");
        }
        return s;
    }

    static Optional<LocalDate> date(String name, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + " '" + text + "' is not a real calendar date; send yyyy-mm-dd,"
                    + " e.g. 2026-03-05.");
        }
    }

    static void range(Optional<LocalDate> from, Optional<LocalDate> to) {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new InvalidInputException("from " + from.get() + " is after to " + to.get()
                    + "; give from on or before to.");
        }
    }

    static LocalDate notFuture(String name, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw new InvalidInputException(name + " " + date + " is in the future (today is " + today
                    + "); record time and expenses once they happened.");
        }
        if (date.getYear() < 1970) {
            throw new InvalidInputException(name + " " + date + " is too far in the past");
        }
        return date;
    }
}
