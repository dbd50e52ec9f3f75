package io.dictum.intents;

import java.util.Optional;

/**
 * A later stage of the chain, asked only about utterances that no pattern matched. It answers with an intent of the
 * catalogue whose slots Dictum read itself, or with nothing: a stage never guesses past its own threshold.
 */
public interface Fallback {

    Optional<Interpretation> interpret(Utterance utterance, EntityResolver resolver);
}
