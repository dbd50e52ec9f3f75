package io.dictum.core.conflicts;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.cases.PartyRole;
import io.dictum.core.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Conflict checks over every contact, alias and party of the firm. Names are compared in memory after
 * normalisation; at a firm's scale (tens of thousands of names) that is milliseconds, and it keeps matching rules in
 * one place. A larger firm would add an index pre-filter here.
 */
@Service
public class ConflictService {

    public static final int MAX_NAME = 300;

    private final ConflictRepository names;
    private final ConflictMatcher matcher = new ConflictMatcher(NameRules.defaults());

    ConflictService(ConflictRepository names) {
        this.names = names;
    }

    /**
     * Possible conflicts for a name, best first. With the role the name is about to take, a hit where a proposed
     * opposing party is or was the firm's client is marked dangerous.
     */
    public Mono<List<ConflictHit>> check(Actor actor, String name, Optional<PartyRole> proposedRole) {
        CaseAccess.requireFirmMember(actor, "run conflict checks");
        if (name == null || name.isBlank()) {
            return Mono.error(new InvalidInputException("name is required: the person or organisation to check"));
        }
        if (name.length() > MAX_NAME) {
            return Mono.error(new InvalidInputException("name is longer than " + MAX_NAME + " characters"));
        }
        return names.knownNames().collectList()
                .publishOn(Schedulers.boundedElastic())
                .map(known -> hits(name.strip(), proposedRole, known));
    }

    private List<ConflictHit> hits(String name, Optional<PartyRole> proposedRole,
                                   List<ConflictRepository.KnownName> known) {
        // One hit per contact and case role, keeping the best-matching of the contact's names.
        Map<String, ConflictHit> best = new LinkedHashMap<>();
        for (ConflictRepository.KnownName k : known) {
            matcher.match(name, k.name()).ifPresent(m -> {
                boolean dangerous = proposedRole.filter(r -> r == PartyRole.OPPOSING_PARTY).isPresent()
                        && k.role() == PartyRole.CLIENT;
                List<String> reasons = new ArrayList<>(m.reasons());
                if (dangerous) {
                    reasons.add(0, "is or was the firm's client in " + k.caseTitle() + " (" + k.caseNumber() + ")");
                }
                ConflictHit hit = new ConflictHit(k.name(), k.contactId(), k.contactName(), k.caseId(),
                        k.caseNumber(), k.caseTitle(), k.role(), m.score(), reasons, dangerous);
                best.merge(k.contactId() + "/" + k.caseId() + "/" + k.role(), hit,
                        (a, b) -> a.score() >= b.score() ? a : b);
            });
        }
        return best.values().stream()
                .sorted(Comparator.comparing(ConflictHit::dangerous).reversed()
                        .thenComparing(Comparator.comparingDouble(ConflictHit::score).reversed()))
                .toList();
    }
}
