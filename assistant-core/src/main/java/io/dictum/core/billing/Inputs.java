package io.dictum.core.billing;

import io.dictum.core.errors.InvalidInputException;
import java.time.LocalDate;

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
