package io.dictum.core.deadlines;

/** Whether a period is counted forward from its trigger (after an event) or backward (before an event). */
public enum Direction {
    AFTER, BEFORE;

    static Direction parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("after")) {
            return AFTER;
        }
        if (text.equalsIgnoreCase("before")) {
            return BEFORE;
        }
        throw new IllegalArgumentException("direction '" + text + "' must be after or before");
    }
}
