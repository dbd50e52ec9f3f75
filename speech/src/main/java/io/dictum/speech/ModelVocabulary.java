package io.dictum.speech;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words a Vosk model can output. A grammar can only produce these: Vosk drops a phrase word it does not know,
 * so a name outside the lexicon has to be spelt with words inside it ("brightline" as "bright line").
 *
 * <p>Read from {@code graph/words.txt} when the model has one, otherwise from the word symbol table that the
 * small models keep in the header of {@code graph/Gr.fst} (OpenFst's binary format: header, then the input and
 * output symbol tables). A model with neither gives an empty vocabulary, which {@link #isKnown()} reports so that
 * callers do not drop every word.
 */
public final class ModelVocabulary {

    private static final int FST_MAGIC = 0x7eb2fdd6;
    private static final int SYMBOL_TABLE_MAGIC = 0x7eb2fb74;
    private static final int HAS_ISYMBOLS = 1;
    private static final int HAS_OSYMBOLS = 2;

    private final Set<String> words;

    private ModelVocabulary(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** The vocabulary of the model in {@code modelDirectory}; empty (unknown) when it cannot be read. */
    public static ModelVocabulary of(Path modelDirectory) {
        Path wordsTxt = modelDirectory.resolve("graph").resolve("words.txt");
        try {
            if (Files.isRegularFile(wordsTxt)) {
                Set<String> words = new HashSet<>();
                for (String line : Files.readAllLines(wordsTxt, StandardCharsets.UTF_8)) {
                    int space = line.indexOf(' ');
                    String word = space < 0 ? line.strip() : line.substring(0, space);
                    if (ordinary(word)) {
                        words.add(word);
                    }
                }
                return new ModelVocabulary(words);
            }
            Path gr = modelDirectory.resolve("graph").resolve("Gr.fst");
            if (Files.isRegularFile(gr)) {
                try (InputStream in = Files.newInputStream(gr)) {
                    return new ModelVocabulary(fstOutputSymbols(in));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable table only costs the biasing its vocabulary check
        }
        return new ModelVocabulary(Set.of());
    }

    /** Whether the vocabulary could be read; when not, {@link #contains} answers true for every word. */
    public boolean isKnown() {
        return !words.isEmpty();
    }

    public boolean contains(String word) {
        return words.isEmpty() || words.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Every word (empty when unknown); for sound-alike searches. */
    public Set<String> words() {
        return words;
    }

    public int size() {
        return words.size();
    }

    /** The output symbols of a binary OpenFst file (little-endian; strings are int32 length + bytes). */
    static Set<String> fstOutputSymbols(InputStream raw) throws IOException {
        LittleEndian in = new LittleEndian(raw);
        if (in.int32() != FST_MAGIC) {
            throw new IOException("not an OpenFst file");
        }
        in.string(); // fst type
        in.string(); // arc type
        in.int32(); // version
        int flags = in.int32();
        in.skip(8 * 4); // properties, start, states, arcs
        if ((flags & HAS_OSYMBOLS) == 0) {
            throw new IOException("the FST carries no output symbols");
        }
        if ((flags & HAS_ISYMBOLS) != 0) {
            symbols(in); // input symbols come first
        }
        return symbols(in);
    }

    /** Not epsilon, silence, unknown-word or disambiguation symbols. */
    private static boolean ordinary(String symbol) {
        return !symbol.isEmpty() && !symbol.startsWith("<") && !symbol.startsWith("!") && !symbol.startsWith("#")
                && !symbol.equals("[unk]");
    }

    private static Set<String> symbols(LittleEndian in) throws IOException {
        if (in.int32() != SYMBOL_TABLE_MAGIC) {
            throw new IOException("not an OpenFst symbol table");
        }
        in.string(); // name
        in.int64(); // available key
        long size = in.int64();
        if (size < 0 || size > 10_000_000) {
            throw new IOException("implausible symbol table size " + size);
        }
        Set<String> words = new HashSet<>((int) size * 2);
        for (long i = 0; i < size; i++) {
            String symbol = in.string();
            in.int64(); // key
            if (ordinary(symbol)) {
                words.add(symbol);
            }
        }
        return words;
    }

    private static final class LittleEndian {
        private final DataInputStream in;

        LittleEndian(InputStream in) {
            this.in = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
        }

        int int32() throws IOException {
            return Integer.reverseBytes(in.readInt());
        }

        long int64() throws IOException {
            return Long.reverseBytes(in.readLong());
        }

        String string() throws IOException {
            int n = int32();
            if (n < 0 || n > 4096) {
                throw new IOException("implausible string length " + n);
            }
            byte[] bytes = in.readNBytes(n);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        void skip(int n) throws IOException {
            in.skipNBytes(n);
        }
    }
}
