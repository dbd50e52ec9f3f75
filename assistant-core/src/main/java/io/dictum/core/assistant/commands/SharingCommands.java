package io.dictum.core.assistant.commands;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.assistant.CommandContext;
import io.dictum.core.assistant.CommandHandler;
import io.dictum.core.assistant.CommandPayload;
import io.dictum.core.assistant.CommandResult;
import io.dictum.core.assistant.CommandResults;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.documents.Document;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.documents.DocumentService;
import io.dictum.core.index.IndexService;
import io.dictum.intents.EntityMatch;
import io.dictum.intents.Intent;
import io.dictum.intents.Interpretation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * "Share the police report with the client": shares one document of the case with its client. It acts only when
 * exactly one document's name or kind holds every word said; otherwise it lists the candidates and asks.
 */
@Component
class SharingCommands implements CommandHandler {

    record DocumentShared(Document document) implements CommandPayload {
    }

    private static final int CANDIDATES = 10;
    private static final Set<String> FILLER = Set.of("the", "a", "an", "my", "our", "of", "in", "for", "on", "from",
            "to", "and", "with", "client", "clients");

    private final IndexService index;
    private final CaseService cases;
    private final DocumentService documents;

    SharingCommands(IndexService index, CaseService cases, DocumentService documents) {
        this.index = index;
        this.cases = cases;
        this.documents = documents;
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.SHARE_DOCUMENT);
    }

    /** A document candidate chosen in a follow-up ("the second one") comes back as its id in the document slot. */
    @Override
    public boolean takesChosenId(String slot) {
        return slot.equals("document") || CommandHandler.super.takesChosenId(slot);
    }

    @Override
    public Mono<CommandResult> execute(Actor actor, Interpretation reading, CommandContext context) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "share documents with clients");
            String caseSlot = reading.slots().get("case");
            if (caseSlot == null) {
                return Mono.just(CommandResults.askBack(reading, "Which case is the document in? Open the case"
                        + " first, or name it: \"share the police report in the Miller case\".",
                        new CommandPayload.Nothing()));
            }
            String wanted = reading.slots().getOrDefault("document", "");
            Optional<DocumentId> chosen = chosenId(wanted);
            if (chosen.isPresent()) {
                return cases.get(actor, CaseId.parse(caseSlot)).flatMap(c -> documents.get(actor, chosen.get())
                        .filter(d -> d.caseId().equals(c.id()))
                        .flatMap(d -> share(actor, reading, c.title(), d))
                        .switchIfEmpty(Mono.fromSupplier(() -> CommandResults.rejected(reading,
                                "That document is not in " + c.title() + ". Say the document's name again."))));
            }
            return cases.get(actor, CaseId.parse(caseSlot)).flatMap(c -> index.read(i -> i.documents(wanted,
                            Optional.of(List.of(c.id().toString())), CANDIDATES))
                    .flatMapMany(hits -> Flux.fromIterable(hits).concatMap(hit -> documents.get(actor,
                            DocumentId.parse(hit.id())).onErrorResume(e -> Mono.empty())))
                    .collectList()
                    .flatMap(found -> {
                        if (found.isEmpty()) {
                            return Mono.just(CommandResults.rejected(reading, "I found no " + wanted + " in "
                                    + c.title() + ". Check the name, or upload it to the case first."));
                        }
                        List<Document> exact = found.stream().filter(d -> namesEveryWord(d, wanted)).toList();
                        if (exact.size() != 1) {
                            List<Document> options = exact.isEmpty() ? found : exact;
                            return Mono.just(CommandResults.askBack(reading, "Which document should I share: "
                                    + options.stream().map(Document::name).collect(Collectors.joining("; "))
                                    + "? Say its name as it is listed.", new CommandPayload.Candidates("document",
                                    options.stream().map(d -> new EntityMatch(d.id().toString(), d.name(),
                                            1.0)).toList())));
                        }
                        return share(actor, reading, c.title(), exact.get(0));
                    }));
        });
    }

    private Mono<CommandResult> share(Actor actor, Interpretation reading, String caseTitle, Document chosen) {
        return documents.share(actor, chosen.id()).map(shared -> CommandResults.done(reading,
                (chosen.shared() ? chosen.name() + " was already shared with the client."
                        : "Shared " + shared.name() + " with the client of " + caseTitle + "."),
                new DocumentShared(shared)));
    }

    private static Optional<DocumentId> chosenId(String slot) {
        try {
            return Optional.of(DocumentId.parse(slot.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether every word said (but filler) is a word of the document's name or kind, allowing a plural -s. */
    static boolean namesEveryWord(Document d, String said) {
        Set<String> named = words(d.name() + " " + (d.kind() == null ? "" : d.kind())).collect(Collectors.toSet());
        List<String> spoken = words(said).filter(w -> !FILLER.contains(w)).toList();
        return !spoken.isEmpty() && spoken.stream().allMatch(w -> named.contains(w) || named.contains(w + "s")
                || (w.endsWith("s") && named.contains(w.substring(0, w.length() - 1))));
    }

    private static java.util.stream.Stream<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty());
    }
}
