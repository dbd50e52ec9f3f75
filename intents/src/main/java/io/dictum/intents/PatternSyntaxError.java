package io.dictum.intents;

/** A phrase pattern that cannot be compiled; the catalogue adds the file and intent to the message. */
final class PatternSyntaxError extends Exception {

    PatternSyntaxError(String reason) {
        super(reason);
    }
}
