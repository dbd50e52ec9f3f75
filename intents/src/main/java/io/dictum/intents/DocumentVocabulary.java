package io.dictum.intents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The firm's words for kinds of document. A spoken document phrase is lower-cased, stripped of articles and
 * similar words, then looked up with each word singularised so that "police reports" finds "police report" and
 * "medical record" finds "medical records"; a phrase outside the vocabulary is kept as spoken.
 */
final class DocumentVocabulary {

    /** A normalised document phrase; {@code known} when it is one of the vocabulary's kinds. */
    record Normalised(String value, boolean known) {
    }

    /** Words and phrases dropped from a document phrase ("the", "most recent", "copy of"), longest first. */
    private final List<List<String>> dropWords;
    /** A phrase that begins with one of these is no document ("find me anything on the lien", "show me what's due"). */
    private final Set<String> neverFirst;
    /** A phrase that ends with one of these names a matter, not a document ("the lease case for Okafor"). */
    private final Set<String> neverLast;
    private final Map<String, String> kindByKey = new HashMap<>();

    /**
     * @param neverFirst words no document phrase begins with: pronouns and question words
     * @param neverLast  words no document phrase ends with: what a matter is called
     * @param kinds      canonical kind → its synonyms; a synonym claimed by two kinds is rejected
     */
    DocumentVocabulary(Set<String> dropWords, Set<String> neverFirst, Set<String> neverLast,
                       Map<String, List<String>> kinds) {
        this.dropWords = dropWords.stream().map(SpeechNormaliser::words).filter(w -> !w.isEmpty())
                .sorted(Comparator.comparingInt((List<String> w) -> w.size()).reversed()).toList();
        this.neverFirst = Set.copyOf(neverFirst);
        this.neverLast = Set.copyOf(neverLast);
        kinds.forEach((kind, synonyms) -> {
            String canonical = String.join(" ", SpeechNormaliser.words(kind));
            register(canonical, canonical);
            synonyms.forEach(s -> register(s, canonical));
        });
    }

    private void register(String phrase, String canonical) {
        String key = key(SpeechNormaliser.words(phrase));
        String previous = kindByKey.putIfAbsent(key, canonical);
        if (previous != null && !previous.equals(canonical)) {
            throw new IllegalArgumentException("document phrase '" + phrase + "' belongs both to '" + previous
                    + "' and to '" + canonical + "'");
        }
    }

    /** Empty when nothing is left once articles are removed. */
    Optional<Normalised> normalise(List<String> words) {
        String beforeRelative = kindBeforeRelative(words);
        if (beforeRelative != null) {
            return Optional.of(new Normalised(beforeRelative, true));
        }
        List<String> kept = kept(words);
        if (kept.isEmpty() || neverFirst.contains(kept.get(0)) || neverLast.contains(kept.get(kept.size() - 1))) {
            return Optional.empty();
        }
        String kind = kindByKey.get(key(kept));
        if (kind == null) {
            kind = kindBeforeClause(kept);
        }
        if (kind == null) {
            kind = kindOfSomeone(kept);
        }
        return Optional.of(kind != null ? new Normalised(kind, true) : new Normalised(String.join(" ", kept), false));
    }

    /**
     * "The demand letter we sent", "the complaint they filed": a known kind followed by a clause, which begins with a
     * word no document phrase begins with (neverFirst: "we", "they", "you" ...), is that kind.
     */
    private String kindBeforeClause(List<String> kept) {
        for (int end = 1; end < kept.size(); end++) {
            if (neverFirst.contains(kept.get(end))) {
                return kindByKey.get(key(kept.subList(0, end)));
            }
        }
        return null;
    }

    /** Words that begin a relative clause after a document: "the privilege log that Mitchell sent us". */
    private static final Set<String> RELATIVES = Set.of("that", "which");

    /**
     * "The privilege log that Mitchell sent us": a known kind followed by "that" or "which" and a clause is that kind
     * ("that" is otherwise a word dropped from a phrase, as in "that police report").
     */
    private String kindBeforeRelative(List<String> words) {
        for (int at = 1; at < words.size() - 1; at++) {
            if (RELATIVES.contains(words.get(at))) {
                List<String> kind = kept(words.subList(0, at));
                if (!kind.isEmpty()) {
                    String known = kindByKey.get(key(kind));
                    if (known != null) {
                        return known;
                    }
                }
            }
        }
        return null;
    }

    /** At most this many words after "of" or "to" say whose a document is or whom it is for: "of Officer Boyle". */
    private static final int MAX_OWNER_WORDS = 3;

    /**
     * "The deposition transcript of Officer Boyle", "a preservation letter to Acme Trucking": a known kind of two words
     * or more followed by "of" or "to" and a few words that say whose it is or whom it is for, is that kind. (Words said
     * before a kind are left alone: the slot-first reader looks for kinds in every span, and "share the closing
     * disclosure" must keep its verb.)
     */
    private String kindOfSomeone(List<String> kept) {
        for (int owner = 1; owner <= MAX_OWNER_WORDS && owner + 3 <= kept.size(); owner++) {
            int of = kept.size() - owner - 1;
            if (kept.get(of).equals("of") || kept.get(of).equals("to")) {
                return kindByKey.get(key(kept.subList(0, of)));
            }
        }
        return null;
    }

    private String key(List<String> words) {
        return String.join(" ", kept(words).stream().map(DocumentVocabulary::singular).toList());
    }

    /** The words without the drop words and phrases: "a copy of the most recent lease" keeps "lease". */
    private List<String> kept(List<String> words) {
        List<String> kept = new ArrayList<>();
        int at = 0;
        while (at < words.size()) {
            int dropped = 0;
            for (List<String> drop : dropWords) {
                if (at + drop.size() <= words.size() && words.subList(at, at + drop.size()).equals(drop)) {
                    dropped = drop.size();
                    break;
                }
            }
            if (dropped > 0) {
                at += dropped;
            } else {
                kept.add(words.get(at++));
            }
        }
        return kept;
    }

    /** A crude English singular, used only to compare phrases, never shown: both sides go through it. */
    static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
