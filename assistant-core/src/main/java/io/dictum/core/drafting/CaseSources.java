package io.dictum.core.drafting;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.documents.Document;
import io.dictum.core.documents.DocumentRepository;
import io.dictum.core.documents.DocumentService;
import io.dictum.core.notes.NoteService;
import io.dictum.core.paging.Page;
import io.dictum.core.paging.PageRequest;
import io.dictum.templates.docx.DraftSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The texts a case file holds for the sources of {@code [#draft]} sections: the extracted text of the newest version
 * of each document of a named kind, the case's notes, and field values. Each text is bounded, so that a long file
 * neither floods the model nor leaves the machine whole.
 */
@Component
public class CaseSources {

    /** Characters of one document (or of the notes together) given to the model. */
    static final int MAX_PER_SOURCE = 12_000;

    /** One source text: what it is (for the label and the prompt) and its text, shortened when it was longer. */
    public record SourceText(String label, String text, boolean shortened) {
    }

    /** The texts found for each source as a template names it (lower-case kinds, "notes", field names). */
    public record Found(Map<String, List<SourceText>> bySource) {

        List<SourceText> of(String source) {
            return bySource.getOrDefault(source, List.of());
        }
    }

    private final DocumentService documents;
    private final DocumentRepository documentRows;
    private final NoteService notes;
    private final FirmCalendar calendar;

    public CaseSources(DocumentService documents, DocumentRepository documentRows, NoteService notes,
                       FirmCalendar calendar) {
        this.documents = documents;
        this.documentRows = documentRows;
        this.notes = notes;
        this.calendar = calendar;
    }

    /** Everything the sections name, read with the actor's access; nothing is read when no section needs it. */
    public Mono<Found> gather(Actor actor, CaseId caseId, List<DraftSection> sections, Map<String, Object> values) {
        Set<String> sources = sections.stream().flatMap(s -> s.sources().stream())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        Map<String, List<SourceText>> found = new LinkedHashMap<>();
        for (String source : sources) {
            if (DraftSection.isField(source) && values.get(source) != null && !values.get(source).toString().isBlank()) {
                found.put(source, List.of(bounded(source, values.get(source).toString())));
            }
        }
        Set<String> kinds = sources.stream().filter(s -> !DraftSection.isField(s) && !DraftSection.isNotes(s))
                .map(CaseSources::kindKey).collect(Collectors.toSet());
        Mono<Void> readDocuments = kinds.isEmpty() ? Mono.empty() : allDocuments(actor, caseId)
                .filter(d -> d.kind() != null && kinds.contains(kindKey(d.kind())))
                .concatMap(d -> documentRows.newestText(d.id()).filter(t -> !t.isBlank())
                        .map(text -> Map.entry(d, text)))
                .doOnNext(e -> sources.stream().filter(s -> kindKey(s).equals(kindKey(e.getKey().kind())))
                        .forEach(s -> found.computeIfAbsent(s, k -> new ArrayList<>()).add(bounded(e.getKey().name()
                                + " (" + e.getKey().kind() + ", version " + e.getKey().version() + ")",
                                e.getValue()))))
                .then();
        Mono<Void> readNotes = sources.stream().noneMatch(DraftSection::isNotes) ? Mono.empty()
                : notes.list(actor, caseId).collectList().doOnNext(list -> {
                    if (!list.isEmpty()) {
                        String text = list.stream().map(n -> calendar.dayOf(n.createdAt()) + ", " + n.authorName()
                                + ": " + n.text()).collect(Collectors.joining("\n"));
                        SourceText notesText = bounded("the case notes (" + list.size() + ")", text);
                        sources.stream().filter(DraftSection::isNotes).forEach(s -> found.put(s, List.of(notesText)));
                    }
                }).then();
        return readDocuments.then(readNotes).then(Mono.fromSupplier(() -> new Found(Map.copyOf(found))));
    }

    /** Every document of the case, page by page, newest first. */
    private Flux<Document> allDocuments(Actor actor, CaseId caseId) {
        return page(actor, caseId, 0).expand(p -> p.items().size() < PageRequest.MAX_SIZE ? Mono.empty()
                        : page(actor, caseId, p.page() + 1))
                .flatMapIterable(Page::items);
    }

    private Mono<Page<Document>> page(Actor actor, CaseId caseId, int page) {
        return documents.inCase(actor, caseId, PageRequest.of(page, PageRequest.MAX_SIZE, "updatedAt,desc"));
    }

    /** "Medical Records" and "medical record" name the same kind. */
    static String kindKey(String kind) {
        String k = kind.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return k.endsWith("s") ? k.substring(0, k.length() - 1) : k;
    }

    private static SourceText bounded(String label, String text) {
        String t = text.strip();
        return t.length() <= MAX_PER_SOURCE ? new SourceText(label, t, false)
                : new SourceText(label, t.substring(0, MAX_PER_SOURCE), true);
    }
}
