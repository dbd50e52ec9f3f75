package io.dictum.core.portal;

import io.dictum.core.access.Actor;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.InvalidInputException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Secure messages between a case's client and the firm. Each side reads and writes through its own path (the firm's
 * case pages, the client's portal); reading marks the other side's messages read for the reader's side. A message
 * from the firm notifies the client.
 */
@Service
public class MessageService {

    public static final int MAX_TEXT = 5000;

    private final MessageRepository messages;
    private final CaseService cases;
    private final ClientNotices notices;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    public MessageService(MessageRepository messages, CaseService cases, ClientNotices notices, AuditLog audit,
                          TransactionalOperator tx, Clock clock) {
        this.messages = messages;
        this.cases = cases;
        this.notices = notices;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The case's messages, oldest first; the other side's become read for the reader's side. */
    public Flux<CaseMessage> read(Actor actor, CaseId caseId, MessageSide side) {
        return Mono.fromRunnable(() -> requireSide(actor, side))
                .then(cases.get(actor, caseId))
                .flatMapMany(c -> messages.markRead(c.id(), side, now()).thenMany(messages.findByCase(c.id())));
    }

    public Mono<CaseMessage> send(Actor actor, CaseId caseId, MessageSide side, String text) {
        return Mono.fromRunnable(() -> requireSide(actor, side))
                .then(Mono.fromCallable(() -> validText(text)))
                .flatMap(valid -> cases.get(actor, caseId).flatMap(c -> {
                    OffsetDateTime now = now();
                    CaseMessage m = new CaseMessage(UUID.randomUUID(), c.id(), side, null, valid, now,
                            side == MessageSide.FIRM ? now : null, side == MessageSide.CLIENT ? now : null);
                    return messages.insert(m, actor.userId())
                            .then(audit.record(actor, "message.send", "message", m.id().toString(), c.id(),
                                    "from the " + side.id() + "; " + valid.length() + " characters"))
                            .then(side == MessageSide.FIRM ? notices.notify(new ClientNotice(c.id(),
                                    ClientNotice.Kind.MESSAGE, m.id(), "a message from the firm about " + c.title()))
                                    : Mono.empty())
                            .as(tx::transactional)
                            .then(messages.findByCase(c.id()).filter(found -> found.id().equals(m.id())).next());
                }));
    }

    /** How many of the firm's messages the client has not read yet. */
    public Mono<Long> unreadByClient(CaseId caseId) {
        return messages.unread(caseId, MessageSide.CLIENT);
    }

    private static String validText(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text is required: the message itself");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new InvalidInputException("a message may have at most " + MAX_TEXT + " characters; send a"
                    + " longer text as a document");
        }
        return text.strip();
    }

    private static void requireSide(Actor actor, MessageSide side) {
        boolean firm = actor.role().isFirmMember();
        if (side == MessageSide.FIRM && !firm) {
            throw new ForbiddenException("Clients read and send messages in the portal: use"
                    + " /api/v1/portal/cases/{id}/messages.");
        }
        if (side == MessageSide.CLIENT && firm) {
            throw new ForbiddenException("The portal is for the firm's clients; firm members read and send a case's"
                    + " messages at /api/v1/cases/{id}/messages.");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
