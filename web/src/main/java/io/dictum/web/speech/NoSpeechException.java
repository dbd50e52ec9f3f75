package io.dictum.web.speech;

/** The audio was readable but held no words we could recognise. */
public class NoSpeechException extends RuntimeException {
    public NoSpeechException(double seconds) {
        super(String.format(java.util.Locale.ROOT, "No speech was recognised in %.1f s of audio. Speak close to the"
                + " microphone, in English, and try again.", seconds));
    }
}
