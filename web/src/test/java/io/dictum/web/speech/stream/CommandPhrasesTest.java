package io.dictum.web.speech.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.intents.IntentCatalogue;
import io.dictum.speech.ModelVocabulary;
import io.dictum.speech.PhraseList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandPhrasesTest {

    private static final IntentCatalogue CATALOGUE = IntentCatalogue.defaults();

    @Test
    void patternsBecomeWholeCommandsWithTheFirmsNamesInTheirSlots() {
        List<String> phrases = CommandPhrases.build(CATALOGUE, Map.of("case", List.of("miller", "kowalczyk"),
                "name", List.of("acme insurance"), "template", List.of("demand letter")), List.of("start dictation"))
                .phrases();
        assertThat(phrases).contains("start dictation", "open the miller case", "pull up the kowalczyk matter",
                "deadlines for the kowalczyk case", "start a timer for the miller matter", "stop the timer",
                "run a conflict check on acme insurance", "draft a demand letter for the miller case",
                "what can i say");
        // slots that cannot be listed (a note's text, a duration) leave their patterns out; examples stay
        assertThat(phrases).noneMatch(p -> p.matches("(take|make|add|leave) a note (on|for|in|to) .*")
                || p.startsWith("log ") && p.contains("kowalczyk"));
        assertThat(phrases).contains("take a note client called about the offer", "find the police report");
        assertThat(phrases).allMatch(p -> p.matches("[a-z' ]+") && !p.contains("  ") && p.equals(p.strip()));
        assertThat(phrases).doesNotHaveDuplicates();
    }

    @Test
    void pastTheBudgetLaterPatternsContributeTheirPieces() {
        List<String> many = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "name" + (char) ('a' + i % 26)
                + (char) ('a' + i / 26)).toList();
        CommandPhrases.Listed listed = CommandPhrases.build(CATALOGUE, Map.of("case", many, "name", List.of(),
                "template", List.of()), List.of());
        List<String> phrases = listed.phrases();
        // pieces are bounded by the names and the patterns' literal runs (about 10,000 for the bundled catalogue),
        // whatever the patterns' alternatives: listed whole, 200 names would give several hundred thousand phrases
        assertThat(phrases.size()).isLessThan(CommandPhrases.MAX_PHRASES + 12_000);
        // the patterns with the fewest phrases are whole ...
        assertThat(phrases).contains("open the nameaa case", "pull up namerh matter");
        // ... the others are pieces that Vosk's grammar lets follow each other
        assertThat(phrases).contains("nameaa", "namerh", "case");
        assertThat(phrases).noneMatch(p -> p.startsWith("show me all the upcoming deadlines for the name"));
        // ... and a reading that says a pattern's pieces in its order is still a listed command
        PhraseList list = PhraseList.of(phrases, listed.patterns());
        assertThat(list.lists("show me all the upcoming deadlines for the namerh case")).isTrue();
        assertThat(list.begins("show me all the upcoming deadlines for the namerh")).isTrue();
        assertThat(list.lists("case show me all the upcoming deadlines for the namerh")).isFalse();
        assertThat(list.lists("namerh show me all the upcoming deadlines for the case")).isFalse();
    }

    @Test
    void namesAreSaidInWordsTheModelKnows(@TempDir Path model) throws Exception {
        Files.createDirectories(model.resolve("graph"));
        Files.writeString(model.resolve("graph").resolve("words.txt"), String.join("\n", "chen", "versus", "bright",
                "line", "software", "wei", "miller", "acme", "trucking", "sarah", "estate", "of", "margaret",
                "johnson", "kowal", "czyk", "garza", "gaza"));
        SpokenNames names = new SpokenNames(ModelVocabulary.of(model));
        assertThat(names.caseForms("Chen v. Brightline Software", Optional.of("Wei Chen"), true))
                .contains("chen versus bright line software", "chen", "bright line software", "bright line",
                        "chen versus bright line", "wei chen");
        assertThat(names.nameForms("Acme Trucking Inc.", false)).containsExactly("acme trucking");
        assertThat(names.nameForms("Dr. Sarah Miller", true)).containsExactly("sarah miller", "miller");
        // a name outside the lexicon: two known words, else the known word that sounds the same
        assertThat(names.render("kowalczyk")).contains("kowal czyk");
        assertThat(names.render("garzza")).contains("garza");
        assertThat(names.render("xqzt")).isEmpty();
        assertThat(names.caseForms("Patel Purchase of 14 Elm Street", Optional.empty(), false)).isEmpty();
    }
}
