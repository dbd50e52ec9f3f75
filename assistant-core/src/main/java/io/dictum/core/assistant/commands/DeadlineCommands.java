package io.dictum.core.assistant.commands;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dictum.core.access.Actor;
import io.dictum.core.assistant.CommandContext;
import io.dictum.core.assistant.CommandHandler;
import io.dictum.core.assistant.CommandPayload;
import io.dictum.core.assistant.CommandResult;
import io.dictum.core.assistant.CommandResults;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.deadlines.DocketRequest;
import io.dictum.core.deadlines.DeadlineStatus;
import io.dictum.core.deadlines.DocketService;
import io.dictum.core.deadlines.DocketedDeadline;
import io.dictum.core.deadlines.DocketedEvent;
import io.dictum.intents.Intent;
import io.dictum.intents.Interpretation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * "The complaint in Miller was served today" dockets the trigger and reads the first deadline back; "what's due this
 * week" lists deadlines on the cases the user may see.
 */
@Component
class DeadlineCommands implements CommandHandler {

    static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final int READ_BACK = 5;

    record Docketed(DocketedEvent docketed) implements CommandPayload {
    }

    record Deadlines(List<DocketedDeadline> deadlines) implements CommandPayload {
    }

    private final DocketService docket;
    private final CaseService cases;
    private final Map<String, String> triggers = readTriggers();

    DeadlineCommands(DocketService docket, CaseService cases) {
        this.docket = docket;
        this.cases = cases;
    }

    /** "an arraignment", "a status conference": the article a spoken event name takes. */
    static String withArticle(String event) {
        return (!event.isEmpty() && "aeiou".indexOf(Character.toLowerCase(event.charAt(0))) >= 0 ? "an " : "a ") + event;
    }

    private static Map<String, String> readTriggers() {
        try (InputStream in = DeadlineCommands.class.getResourceAsStream("spoken-events.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled spoken-events.yaml cannot be read", e);
        }
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.ADD_EVENT, Intent.LIST_DEADLINES);
    }

    @Override
    public Mono<CommandResult> execute(Actor actor, Interpretation reading, CommandContext context) {
        return reading.intent() == Intent.ADD_EVENT ? addEvent(actor, reading) : list(actor, reading, context);
    }

    private Mono<CommandResult> addEvent(Actor actor, Interpretation reading) {
        String event = reading.slots().getOrDefault("event", "");
        String trigger = triggers.get(event);
        if (trigger == null) {
            return Mono.just(CommandResults.rejected(reading, "I can docket court-rule events such as "
                    + new TreeSet<>(triggers.keySet()).stream().limit(6).collect(Collectors.joining(", "))
                    + "; " + withArticle(event) + " is an appointment, which the calendar does not take by voice yet."));
        }
        String caseSlot = reading.slots().get("case");
        if (caseSlot == null) {
            return Mono.just(CommandResults.askBack(reading, "In which case was the " + event
                    + "? Open the case first or name it.", new CommandPayload.Nothing()));
        }
        String date = reading.slots().get("date");
        if (date == null) {
            return Mono.just(CommandResults.askBack(reading, "On what date? Say, for example, \"the " + event
                    + " today\" or \"on March third\".", new CommandPayload.Nothing()));
        }
        return docket.docket(actor, CaseId.parse(caseSlot), new DocketRequest(trigger, date, null, null))
                .flatMap(docketed -> cases.get(actor, CaseId.parse(caseSlot)).map(c -> {
                    String when = LocalDate.parse(date).format(SPOKEN);
                    String first = docketed.deadlines().stream().findFirst()
                            .map(d -> " " + d.title() + " due " + d.dueDate().format(SPOKEN) + " ("
                                    + d.citation() + ").").orElse(" No deadline follows from it.");
                    String more = docketed.deadlines().size() > 1
                            ? " " + (docketed.deadlines().size() - 1) + " more on the case." : "";
                    return CommandResults.done(reading, "Docketed " + event + " on " + when + " in " + c.title()
                            + "." + first + more, new Docketed(docketed));
                }));
    }

    private Mono<CommandResult> list(Actor actor, Interpretation reading, CommandContext context) {
        Optional<CaseId> caseId = Optional.ofNullable(reading.slots().get("case")).map(CaseId::parse);
        String period = reading.slots().get("period");
        String from = period == null ? context.referenceTime().toLocalDate().toString() : period.split("/")[0];
        String to = period == null ? null : period.split("/")[1];
        // what is due: a deadline already marked done is not read back
        return docket.list(actor, caseId, from, to, Optional.of(DeadlineStatus.OPEN)).collectList().map(found -> {
            String span = period == null ? "from today on" : "from " + LocalDate.parse(from).format(SPOKEN)
                    + " to " + LocalDate.parse(to).format(SPOKEN);
            if (found.isEmpty()) {
                return CommandResults.done(reading, "Nothing is due " + span + ".", new Deadlines(found));
            }
            String items = found.stream().limit(READ_BACK).map(d -> d.title() + ", " + d.dueDate().format(SPOKEN)
                    + ", " + d.caseNumber()).collect(Collectors.joining("; "));
            return CommandResults.done(reading, found.size() + " deadline" + (found.size() == 1 ? "" : "s") + " "
                    + span + ": " + items + (found.size() > READ_BACK ? "; and more on screen." : "."),
                    new Deadlines(found));
        });
    }
}
