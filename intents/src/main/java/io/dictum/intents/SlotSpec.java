package io.dictum.intents;

/**
 * A slot declared for an intent in the catalogue.
 *
 * @param optional    when false, every pattern of the intent must capture it
 * @param fromContext for a case slot: when no case is spoken, take the conversation's current case
 */
record SlotSpec(String name, SlotType type, boolean optional, boolean fromContext) {
}
