package io.dictum.speech;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.vosk.Recognizer;

/**
 * Recognisers built before a stream asks for them. Building one costs about as much as decoding half a second of
 * speech (measured with the small model: 48 ms for an open recogniser, about 50 ms more for one listening for some
 * 24,000 command phrases), and a client that opens a stream for each press of the talk button would pay it
 * before its first word is decoded — eight users pressing at once, eight times over. Kept ready, it is paid in
 * spare time instead. Each pair holds about 4 MB of native memory.
 *
 * <p>Two kinds are kept: open recognisers, and recognisers listening for one phrase list (the one streams use now;
 * those built for an earlier list are freed once the list changes). A stream that ends gives its recognisers back
 * ({@link #takeBack}): a Vosk recogniser whose utterance was ended with a final result starts the next one with a
 * new feature pipeline and decoder, as a new recogniser does, only its word times count on from the samples it has
 * heard. So a client that opens a stream per press of the talk button rarely needs a new one built. Thread-safe;
 * building and finishing happen outside its lock.
 */
final class RecognizerReserve implements AutoCloseable {

    /** What the reserve lacks: nothing, an open recogniser, or one listening for the given phrase list. */
    enum Lack { NOTHING, OPEN, LISTENING }

    /**
     * A Vosk recogniser and the 16 kHz samples it has heard in its life: Vosk times words from its first sample, so a
     * stream that takes a used one moves its word times back by that much.
     */
    record Ready(Recognizer vosk, long heard) {
        static Ready built(Recognizer vosk) {
            return new Ready(vosk, 0);
        }
    }

    /**
     * A recogniser is given back only until it has heard this much (an hour of audio), then freed: whatever Vosk
     * keeps beyond an utterance, nothing lives long.
     */
    static final long MAX_HEARD = 3600L * AudioClip.SAMPLE_RATE;

    private int size;
    private final Deque<Ready> open = new ArrayDeque<>();
    private final Deque<Ready> listening = new ArrayDeque<>();
    /** The phrase list the listening recognisers were built for. */
    private PhraseList listeningFor = PhraseList.EMPTY;
    private long taken;
    private long missed;
    private long givenBack;
    private long freed;
    private boolean closed;

    /** Sets how many of each kind to keep; fewer frees the surplus at once. */
    void resize(int size) {
        List<Ready> surplus = new ArrayList<>();
        synchronized (this) {
            this.size = Math.max(0, size);
            while (open.size() > this.size) {
                surplus.add(open.pollLast());
            }
            while (listening.size() > this.size) {
                surplus.add(listening.pollLast());
            }
        }
        free(surplus);
    }

    private static void free(List<Ready> recognizers) {
        recognizers.forEach(r -> r.vosk().close());
    }

    /** What to build next for streams listening for {@code phrases} (empty for none): open ones first. */
    synchronized Lack lack(PhraseList phrases) {
        if (closed || size == 0) {
            return Lack.NOTHING;
        }
        if (open.size() < size) {
            return Lack.OPEN;
        }
        boolean current = phrases == listeningFor;
        return !phrases.isEmpty() && (!current || listening.size() < size) ? Lack.LISTENING : Lack.NOTHING;
    }

    /** Adds a recogniser built for what {@link #lack} answered; one that is no longer lacking is freed. */
    void add(Recognizer recognizer, PhraseList builtFor) {
        List<Ready> freed = new ArrayList<>();
        Ready ready = Ready.built(recognizer);
        synchronized (this) {
            if (closed) {
                freed.add(ready);
            } else if (builtFor == null) {
                (open.size() < size ? open : freed).add(ready);
            } else {
                if (builtFor != listeningFor) {
                    freed.addAll(listening);
                    listening.clear();
                    listeningFor = builtFor;
                }
                (listening.size() < size ? listening : freed).add(ready);
            }
        }
        free(freed);
    }

    /** Whether a recogniser listening for {@code phrases} (null: an open one) would be taken back now. */
    synchronized boolean wants(PhraseList phrases) {
        if (closed) {
            return false;
        }
        return phrases == null ? open.size() < size : phrases == listeningFor && listening.size() < size;
    }

    /**
     * Takes back a recogniser a stream has finished with, its last utterance ended with a final result (the engine
     * has checked {@link #MAX_HEARD}); frees it when the reserve has meanwhile filled or moved on to another phrase list.
     */
    void takeBack(Ready recognizer, PhraseList listensFor) {
        boolean kept = false;
        synchronized (this) {
            if (wants(listensFor)) {
                (listensFor == null ? open : listening).addLast(recognizer);
                kept = true;
                givenBack++;
            }
        }
        if (!kept) {
            freed(recognizer.vosk());
        }
    }

    /** Frees a recogniser a stream has finished with and that is not kept. */
    void freed(Recognizer recognizer) {
        synchronized (this) {
            freed++;
        }
        recognizer.close();
    }

    /** A ready open recogniser, or null (counted as missed while the reserve is kept). */
    synchronized Ready takeOpen() {
        return counted(open.pollFirst());
    }

    /** A ready recogniser listening for exactly {@code phrases}, or null. */
    synchronized Ready takeListening(PhraseList phrases) {
        return counted(phrases == listeningFor ? listening.pollFirst() : null);
    }

    private Ready counted(Ready recognizer) {
        if (recognizer != null) {
            taken++;
        } else if (size > 0) {
            missed++;
        }
        return recognizer;
    }

    synchronized SpeechEngine.Readiness readiness() {
        return new SpeechEngine.Readiness(size, open.size(), listening.size(), taken, missed, givenBack, freed);
    }

    @Override
    public void close() {
        List<Ready> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(open);
            all.addAll(listening);
            open.clear();
            listening.clear();
        }
        free(all);
    }
}
