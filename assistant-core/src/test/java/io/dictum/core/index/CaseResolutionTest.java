package io.dictum.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spoken case references, including recogniser slips, ranked by the index and {@link NameSimilarity}. */
class CaseResolutionTest {

    private static SearchIndex index;

    private static final List<CaseEntry> CASES = List.of(
            new CaseEntry("miller", "2025-PI-0012", "Miller v. Acme Trucking", "c-miller",
                    List.of("Sarah Miller", "Acme Trucking Inc.", "Karen Mitchell", "Officer James Boyle")),
            new CaseEntry("johnson-acme", "2025-PI-0019", "Johnson v. Acme Insurance", "c-rjohnson",
                    List.of("Robert Johnson", "Bob Johnson", "Acme Insurance Co.", "Gregory Shaw")),
            new CaseEntry("johnson-estate", "2025-E-0004", "Estate of Margaret Johnson", "c-djohnson",
                    List.of("David Johnson")),
            new CaseEntry("kowalczyk", "2025-E-0011", "Kowalczyk v. Northside Logistics", "c-anna",
                    List.of("Anna Kowalczyk", "Northside Logistics LLC")),
            new CaseEntry("garcia", "2024-MM-0003", "Garcia v. Bayview Medical Center", "c-garcia",
                    List.of("Maria Garcia", "Bayview Medical Center")),
            new CaseEntry("garza", "2024-E-0009", "Garza Family Trust", "c-garza", List.of("Elena Garza")),
            new CaseEntry("delgado", "2026-PI-0004", "Delgado v. Acme Trucking", "c-delgado",
                    List.of("Frank Delgado", "Acme Trucking Inc.", "Karen Mitchell")),
            new CaseEntry("thompson", "2026-CD-0005", "United States v. Thompson", "c-thompson",
                    List.of("Marcus Thompson")));

    @BeforeAll
    static void build() {
        index = new SearchIndex(new ByteBuffersDirectory());
        CASES.forEach(index::upsertCase);
        index.commit(1);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static List<Map.Entry<String, Double>> rank(String spoken, Optional<String> client) {
        List<String> words = NameSimilarity.words(spoken);
        List<CaseEntry> candidates = index.caseCandidates(words, client, 30);
        List<Double> scores = NameSimilarity.scores(words, candidates);
        return IntStream.range(0, candidates.size()).mapToObj(i -> Map.entry(candidates.get(i).id(), scores.get(i)))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .collect(Collectors.toList());
    }

    private static void assertResolves(String spoken, String expectedId) {
        List<Map.Entry<String, Double>> ranked = rank(spoken, Optional.empty());
        assertThat(ranked).as("candidates for '%s'", spoken).isNotEmpty();
        assertThat(ranked.get(0).getKey()).as("best case for '%s' in %s", spoken, ranked).isEqualTo(expectedId);
        assertThat(ranked.get(0).getValue()).as("score for '%s'", spoken).isGreaterThanOrEqualTo(0.55);
        double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        assertThat(ranked.get(0).getValue() - second).as("margin for '%s' in %s", spoken, ranked)
                .isGreaterThanOrEqualTo(0.12);
    }

    @Test
    void exactNamesResolve() {
        assertResolves("the miller case", "miller");
        assertResolves("kowalczyk", "kowalczyk");
        assertResolves("garcia", "garcia");
        assertResolves("garza", "garza");
    }

    @Test
    void recogniserSlipsResolveByGistOfSpellingAndSound() {
        assertResolves("the middle or case", "miller");
        assertResolves("mueller", "miller");
        assertResolves("cow al chick", "kowalczyk");
        assertResolves("tomson", "thompson");
    }

    @Test
    void severalWordsNarrowDownTheMatter() {
        assertResolves("johnson versus acme", "johnson-acme");
        assertResolves("the johnson estate", "johnson-estate");
        assertResolves("delgado v acme trucking", "delgado");
    }

    @Test
    void aGivenNameAloneSettlesNoCaseButWithItsSurnameItDoes() {
        // "Sarah" is the Miller client and the firm's paralegal: "a task for Sarah" must not land on Miller
        for (String spoken : List.of("sarah", "anna", "bob", "karen")) {
            assertThat(rank(spoken, Optional.empty())).as(spoken)
                    .allSatisfy(e -> assertThat(e.getValue()).isLessThan(0.55));
        }
        assertResolves("sarah miller", "miller");
        assertResolves("bob johnson", "johnson-acme");
        assertResolves("anna kowalczyk", "kowalczyk");
        // a given name in the title is the title's word: "the Margaret Johnson estate"
        assertResolves("margaret johnson", "johnson-estate");
    }

    @Test
    void aCaseNumberResolvesHowEverItIsPunctuated() {
        assertResolves("2025 PI 0012", "miller");
        assertResolves("2026-cd-0005", "thompson");
    }

    @Test
    void twoEquallyGoodCandidatesStayTied() {
        List<Map.Entry<String, Double>> ranked = rank("johnson", Optional.empty());
        assertThat(ranked).hasSizeGreaterThanOrEqualTo(2);
        assertThat(ranked.get(0).getValue() - ranked.get(1).getValue()).isLessThan(0.12);
        assertThat(ranked.subList(0, 2)).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("johnson-acme", "johnson-estate");
    }

    @Test
    void unrelatedWordsFindNothingConvincing() {
        for (String spoken : List.of("the weather", "lunch order", "banana")) {
            assertThat(rank(spoken, Optional.empty())).as(spoken)
                    .allSatisfy(e -> assertThat(e.getValue()).isLessThan(0.55));
        }
    }

    @Test
    void whatWasBeingDoneNamesNoCaseHoweverItSounds() {
        // "log thirty minutes for reviewing the file" had logged the time on Delgado: "reviewing" sounds like "Frank"
        // (RFNK and FRNK), "calling" like "Kowalczyk" (KLNK and KLSK)
        for (String spoken : List.of("reviewing", "calling", "drafting", "reviewing the", "meeting", "status",
                "deed", "wei")) {
            assertThat(rank(spoken, Optional.empty())).as(spoken)
                    .allSatisfy(e -> assertThat(e.getValue()).isLessThan(0.55));
        }
    }

    @Test
    void aNameSaidIsNeverRunTogetherWithOtherWordsIntoAnother() {
        // "drivermiller" sounds like "Rivera"; the spoken "miller" is Miller's own word
        assertThat(rank("the driver in miller", Optional.empty())).filteredOn(e -> !e.getKey().equals("miller"))
                .allSatisfy(e -> assertThat(e.getValue()).isLessThan(0.55));
        assertResolves("the middle or case", "miller");
    }

    @Test
    void aClientOnlyEverSeesTheirOwnCases() {
        assertThat(rank("johnson", Optional.of("c-rjohnson"))).extracting(Map.Entry::getKey)
                .containsExactly("johnson-acme");
        assertThat(rank("miller", Optional.of("c-rjohnson"))).isEmpty();
    }

    @Test
    void similarityIsSymmetricAndBounded() {
        for (String[] pair : new String[][] {{"miller", "middleor"}, {"johnson", "jonson"}, {"a", "b"}}) {
            double ab = NameSimilarity.similarity(pair[0], pair[1]);
            assertThat(ab).isBetween(0.0, 1.0).isEqualTo(NameSimilarity.similarity(pair[1], pair[0]));
        }
        assertThat(NameSimilarity.similarity("miller", "miller")).isEqualTo(1.0);
        assertThat(CASES.stream().map(CaseEntry::id).sorted(Comparator.naturalOrder()).count()).isEqualTo(8);
    }
}
