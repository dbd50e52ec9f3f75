package io.dictum.core.search;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseTeamRepository;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.documents.DocumentService;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.index.IndexService;
import io.dictum.core.index.SearchHit;
import io.dictum.core.index.VectorBuild;
import io.dictum.core.users.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * One query across the cases, contacts, documents and notes the user may see, ranked, with highlighted snippets.
 * Contacts and notes are firm-internal; a screened user finds nothing of the case, its documents or its notes.
 */
@Service
public class SearchService {

    public static final int MAX_RESULTS = 100;
    private static final int MAX_QUERY = 500;

    private final IndexService index;
    private final CaseService cases;
    private final CaseTeamRepository teams;
    private final DocumentService documents;

    public SearchService(IndexService index, CaseService cases, CaseTeamRepository teams, DocumentService documents) {
        this.documents = documents;
        this.index = index;
        this.cases = cases;
        this.teams = teams;
    }

    public Mono<List<SearchHit>> search(Actor actor, String query, Optional<CaseId> inCase, int limit) {
        if (query == null || query.isBlank()) {
            return Mono.error(new InvalidInputException("q is required: the words to search for"));
        }
        if (query.length() > MAX_QUERY || limit < 1 || limit > MAX_RESULTS) {
            return Mono.error(new InvalidInputException("q must be at most " + MAX_QUERY
                    + " characters and limit between 1 and " + MAX_RESULTS));
        }
        Mono<Optional<Collection<String>>> scope = inCase.isPresent()
                ? cases.get(actor, inCase.get()).map(c -> Optional.of(List.of(c.id().toString())))
                : actor.role().isFirmMember() ? Mono.just(Optional.empty())
                : cases.list(actor, Optional.empty(), 0, CaseService.MAX_PAGE_SIZE).map(c -> c.id().toString())
                        .collectList().map(Optional::of);
        Mono<Set<String>> screened = teams.screenedFrom(actor.userId()).map(CaseId::toString)
                .collect(Collectors.toSet());
        if (actor.role().isFirmMember()) {
            return Mono.zip(scope, screened).flatMap(t -> index.read(i -> i.search(query, t.getT1(), t.getT2(),
                    true, limit)));
        }
        // A client sees only the documents shared with them: ask for every hit the index allows, keep the shared.
        return Mono.zip(scope, screened, documents.sharedWithClient(actor)).flatMap(t -> index.read(i -> i.search(
                        query, t.getT1(), t.getT2(), false, MAX_RESULTS))
                .map(hits -> hits.stream()
                        .filter(h -> !h.kind().equals("document") || t.getT3().contains(DocumentId.parse(h.id())))
                        .limit(limit)
                        .toList()));
    }

    /**
     * How the index ranks: {@code hybrid} is whether sentence vectors are switched on, {@code ranking} what a query
     * without operators gets now ({@code bm25} while the background build still fills vectors), and the build.
     */
    public record Status(boolean hybrid, String ranking, VectorBuild.Status vectors) {
    }

    /** How a query of these words is ranked at this moment: {@code hybrid} or {@code bm25}. */
    public String ranking(String query) {
        return index.index().rankingFor(query);
    }

    /** The search index's ranking and vector build, for administrators. */
    public Mono<Status> status(Actor actor) {
        return Mono.defer(() -> {
            if (actor.role() != Role.ADMIN) {
                throw new ForbiddenException("Only administrators may see the search index status.");
            }
            return index.read(i -> new Status(i.hybrid(), i.vectorsReady() ? "hybrid" : "bm25",
                    index.vectorStatus()));
        });
    }
}
