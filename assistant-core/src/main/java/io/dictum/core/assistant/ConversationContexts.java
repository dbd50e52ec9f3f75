package io.dictum.core.assistant;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.CaseStatus;
import io.dictum.core.errors.DictumException;
import io.dictum.core.users.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each user's conversation: the case opened last, the context for their following commands until they open another,
 * and a question asked back that waits for its answer. Kept in the database, so it survives a restart and every web
 * node behind a load balancer sees the same conversation.
 */
@Component
public class ConversationContexts {

    private final ConversationRepository repository;
    private final CaseService cases;
    private final Clock clock;

    public ConversationContexts(ConversationRepository repository, CaseService cases, Clock clock) {
        this.repository = repository;
        this.cases = cases;
        this.clock = clock;
    }

    private Mono<Optional<ConversationState>> state(UserId user) {
        return user == null ? Mono.just(Optional.empty())
                : repository.find(user).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /**
     * The case the actor opened last, if it may still act as the context: access is checked again on every use (a
     * wall raised since hides it), and a case closed after it was opened no longer is the context.
     */
    public Mono<Optional<CaseId>> openCase(Actor actor) {
        return state(actor.userId()).flatMap(state -> {
            Optional<CaseId> id = state.flatMap(ConversationState::openCase);
            if (id.isEmpty()) {
                return Mono.just(Optional.<CaseId>empty());
            }
            Instant openedAt = state.get().caseOpenedAt().orElse(Instant.EPOCH);
            return cases.get(actor, id.get())
                    .map(c -> c.status() == CaseStatus.CLOSED && c.updatedAt().toInstant().isAfter(openedAt)
                            ? Optional.<CaseId>empty() : Optional.of(c.id()))
                    .onErrorResume(DictumException.class, e -> Mono.just(Optional.empty()));
        });
    }

    public Mono<Void> opened(UserId user, CaseId caseId) {
        return user == null ? Mono.empty() : repository.openCase(user, caseId, clock.instant());
    }

    /** The question waiting for the user's answer, expired or not: the caller decides what an expired one means. */
    public Mono<Optional<PendingClarification>> pending(UserId user) {
        return state(user).map(s -> s.flatMap(ConversationState::pending));
    }

    public Mono<Void> ask(UserId user, PendingClarification question) {
        return user == null ? Mono.empty() : repository.ask(user, question, clock.instant());
    }

    /** Settles the question: true when this call took it (a second, concurrent answer gets false). */
    public Mono<Boolean> take(UserId user, UUID questionId) {
        return repository.take(user, questionId, clock.instant());
    }
}
