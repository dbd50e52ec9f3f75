package io.dictum.intents;

/**
 * How sure a reading is. A full match scores {@code matchFloor + (1 - matchFloor) × share of literal words}, then is
 * multiplied by a factor for each slot that is less than settled. The router also uses the product of the factors to
 * choose between equally specific readings, so their order is part of the design: a case reference that matched
 * nothing still outranks a document phrase outside the vocabulary ("open Zebulon" is a case request).
 *
 * @param matchFloor       confidence of a match whose words were all captured by slots, before slot factors
 * @param ambiguousEntity  factor for an entity slot with several close candidates
 * @param entityNotFound   factor for an entity slot with no credible candidate
 * @param freeTextDocument factor for a document slot outside the catalogue's vocabulary
 */
record ConfidencePolicy(double matchFloor, double ambiguousEntity, double entityNotFound, double freeTextDocument) {

    ConfidencePolicy {
        check("matchFloor", matchFloor);
        check("ambiguousEntity", ambiguousEntity);
        check("entityNotFound", entityNotFound);
        check("freeTextDocument", freeTextDocument);
    }

    private static void check(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within (0, 1]: " + value);
        }
    }
}
