package io.dictum.core.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The everyday English words (about 64,000 lower-case words of a spelling dictionary; common-words.NOTICE says which):
 * a spoken word that is one of them names a case only by being that case's word exactly. "Status" sounds like
 * "States" and "reviewing" like "Frank", but a speaker who says them means the words, not United States v. Thompson or
 * Frank Delgado; a recogniser's slip for a name ("Mueller", "tomson", "middle or" run together) is no such word.
 */
public final class CommonWords {

    private static final Set<String> WORDS = load();

    private CommonWords() {
    }

    /** Whether the lower-case word, or the word without a plural or possessive "s", is an everyday English word. */
    public static boolean contains(String word) {
        return WORDS.contains(word) || (word.length() > 3 && word.endsWith("s")
                && WORDS.contains(word.substring(0, word.length() - 1)));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(100_000);
        try (InputStream in = CommonWords.class.getResourceAsStream("common-words.txt.gz")) {
            if (in == null) {
                throw new IllegalStateException("common-words.txt.gz is missing from the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                    StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("common-words.txt.gz cannot be read", e);
        }
        return Collections.unmodifiableSet(words);
    }
}
