package io.dictum.core.conflicts;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.access.CaseTeamRepository;
import io.dictum.core.cases.CaseId;
import java.util.Set;
import java.util.stream.Collectors;
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
    private final CaseTeamRepository teams;
    private final ConflictMatcher matcher = new ConflictMatcher(NameRules.defaults());

    ConflictService(ConflictRepository names, CaseTeamRepository teams) {
        this.names = names;
        this.teams = teams;
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
        Mono<Set<CaseId>> screened = teams.screenedFrom(actor.userId()).collect(Collectors.toSet());
        return Mono.zip(names.knownNames().collectList(), screened)
                .publishOn(Schedulers.boundedElastic())
                .map(t -> hits(name.strip(), proposedRole, t.getT1()).stream()
                        .map(hit -> screenedOff(hit, t.getT2())).toList());
    }

    /**
     * A hit in a case the checker is walled off from still counts (the conflict is real), but says nothing of the
     * case beyond that it exists; whoever may see it clears the conflict.
     */
    private static ConflictHit screenedOff(ConflictHit hit, Set<CaseId> screened) {
        if (hit.caseId() == null || !screened.contains(hit.caseId())) {
            return hit;
        }
        return new ConflictHit(hit.matchedName(), hit.contactId(), hit.contactName(), null, null,
                "a matter you are screened from", hit.role(), hit.score(),
                List.of("matches a party in a matter you are screened from; ask a partner to review it"),
                hit.dangerous());
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
