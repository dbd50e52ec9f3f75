package io.dictum.speech;

/** The bytes given are not audio we can decode; the message says what was wrong and what to send instead. */
public class InvalidAudioException extends RuntimeException {
    public InvalidAudioException(String message) {
        super(message);
    }
}
