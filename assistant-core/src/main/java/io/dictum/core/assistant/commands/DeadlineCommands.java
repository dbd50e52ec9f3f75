package io.dictum.core.assistant.commands;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dictum.core.access.Actor;
import io.dictum.core.appointments.Appointment;
import io.dictum.core.appointments.AppointmentService;
import io.dictum.core.appointments.NewAppointment;
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
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * "The complaint in Miller was served today" dockets the trigger and reads the first deadline back; "schedule a
 * mediation in Kowalczyk on December 10 at 1:30" puts an appointment on the case's calendar (a hearing is both: its
 * deadlines are docketed and it is on the calendar); "what's due this week" reads the deadlines and the appointments
 * of the period on the cases the user may see.
 */
@Component
class DeadlineCommands implements CommandHandler {

    static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    static final DateTimeFormatter SPOKEN_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final int READ_BACK = 5;
    private static final SpokenEvents EVENTS = readEvents();

    /**
     * spoken-events.yaml: the trigger each spoken event dockets, the triggers that are also attended, the last words of
     * papers (never an appointment) and the words that say how an appointment was set (never part of its title).
     */
    record SpokenEvents(Map<String, String> triggers, Set<String> attended, Set<String> papers, Set<String> setWords) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Docketed(DocketedEvent docketed, Appointment appointment) implements CommandPayload {
    }

    record Scheduled(Appointment appointment) implements CommandPayload {
    }

    record Deadlines(List<DocketedDeadline> deadlines, List<Appointment> appointments) implements CommandPayload {
    }

    private final DocketService docket;
    private final AppointmentService appointments;
    private final CaseService cases;
    private final TransactionalOperator tx;

    DeadlineCommands(DocketService docket, AppointmentService appointments, CaseService cases,
                     TransactionalOperator tx) {
        this.docket = docket;
        this.appointments = appointments;
        this.cases = cases;
        this.tx = tx;
    }

    /** "an arraignment", "a status conference": the article a spoken event name takes. */
    static String withArticle(String event) {
        return (!event.isEmpty() && "aeiou".indexOf(Character.toLowerCase(event.charAt(0))) >= 0 ? "an " : "a ") + event;
    }

    /** The event as an appointment's title: "mediation scheduled" is the mediation. */
    static String appointmentTitle(String event) {
        List<String> words = List.of(event.strip().split("\\s+"));
        int end = words.size();
        while (end > 1 && EVENTS.setWords().contains(words.get(end - 1))) {
            end--;
        }
        return String.join(" ", words.subList(0, end));
    }

    /** A title as the calendar shows it, capitalised as one typed in would be: "Status conference". */
    static String onCalendar(String title) {
        return title.isEmpty() ? title : Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }

    /** "answer filed": a paper, not something attended. */
    static boolean isPaper(String event) {
        String[] words = event.strip().split("\\s+");
        return EVENTS.papers().contains(words[words.length - 1]);
    }

    private static SpokenEvents readEvents() {
        try (InputStream in = DeadlineCommands.class.getResourceAsStream("spoken-events.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, SpokenEvents.class);
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
        String event = reading.slots().getOrDefault("event", "").strip();
        // "the hearing is set for ..." is the hearing: how it was set does not change what it sets off
        String trigger = EVENTS.triggers().getOrDefault(event, EVENTS.triggers().get(appointmentTitle(event)));
        if (trigger == null && (event.isEmpty() || isPaper(event))) {
            return Mono.just(CommandResults.rejected(reading, "I can docket court-rule events such as "
                    + new TreeSet<>(EVENTS.triggers().keySet()).stream().limit(6).collect(Collectors.joining(", "))
                    + ", and put what you attend on the calendar, such as a mediation or a deposition"
                    + (event.isEmpty() ? "." : "; " + withArticle(event) + " is neither.")));
        }
        String title = appointmentTitle(event);
        String caseSlot = reading.slots().get("case");
        if (caseSlot == null) {
            return Mono.just(CommandResults.askBack(reading, (trigger == null ? "In which case is the " + title
                    : "In which case was the " + event) + "? Open the case first or name it.",
                    new CommandPayload.Nothing()));
        }
        String date = reading.slots().get("date");
        if (date == null) {
            return Mono.just(CommandResults.askBack(reading, trigger == null
                    ? "On what date is the " + title + "? Say, for example, \"the " + title
                            + " on March third at ten\"."
                    : "On what date? Say, for example, \"the " + event + " today\" or \"on March third\".",
                    new CommandPayload.Nothing()));
        }
        CaseId caseId = CaseId.parse(caseSlot);
        String time = reading.slots().get("time");
        return trigger == null ? schedule(actor, reading, caseId, title, date, time)
                : docket(actor, reading, caseId, event, trigger, title, date, time);
    }

    private Mono<CommandResult> schedule(Actor actor, Interpretation reading, CaseId caseId, String title,
                                         String date, String time) {
        return appointments.create(actor, caseId, new NewAppointment(onCalendar(title), date, time, null, null))
                .flatMap(a -> cases.get(actor, caseId).map(c -> CommandResults.done(reading, "Scheduled " + title
                        + " on " + when(a) + " in " + c.title() + ".", new Scheduled(a))));
    }

    private Mono<CommandResult> docket(Actor actor, Interpretation reading, CaseId caseId, String event,
                                       String trigger, String title, String date, String time) {
        // a hearing is counted backward from and attended: its deadlines and its appointment are written together
        Mono<Appointment> attended = EVENTS.attended().contains(trigger)
                ? appointments.create(actor, caseId, new NewAppointment(onCalendar(title), date, time, null, null))
                : Mono.empty();
        return docket.docket(actor, caseId, new DocketRequest(trigger, date, null, null))
                .flatMap(d -> attended.map(a -> new Docketed(d, a)).defaultIfEmpty(new Docketed(d, null)))
                .as(tx::transactional)
                .flatMap(done -> cases.get(actor, caseId).map(c -> {
                    List<DocketedDeadline> deadlines = done.docketed().deadlines();
                    String first = deadlines.stream().findFirst()
                            .map(d -> " " + d.title() + " due " + d.dueDate().format(SPOKEN) + " ("
                                    + d.citation() + ").").orElse(" No deadline follows from it.");
                    String more = deadlines.size() > 1 ? " " + (deadlines.size() - 1) + " more on the case." : "";
                    String message = done.appointment() == null
                            ? "Docketed " + event + " on " + LocalDate.parse(date).format(SPOKEN) + " in " + c.title()
                                    + "."
                            : "Docketed " + title + " on " + when(done.appointment()) + " in " + c.title()
                                    + " and put it on the calendar.";
                    return CommandResults.done(reading, message + first + more, done);
                }));
    }

    /** "Thursday, December 10, 2026 at 1:30 PM", or the day alone for an all-day appointment. */
    private static String when(Appointment a) {
        return a.date().format(SPOKEN) + (a.time() == null ? "" : " at " + a.time().format(SPOKEN_TIME));
    }

    private Mono<CommandResult> list(Actor actor, Interpretation reading, CommandContext context) {
        Optional<CaseId> caseId = Optional.ofNullable(reading.slots().get("case")).map(CaseId::parse);
        String period = reading.slots().get("period");
        String from = period == null ? context.referenceTime().toLocalDate().toString() : period.split("/")[0];
        String to = period == null ? null : period.split("/")[1];
        // what is due: a deadline already marked done is not read back
        return docket.list(actor, caseId, from, to, Optional.of(DeadlineStatus.OPEN)).collectList()
                .zipWith(appointments.list(actor, caseId, from, to).collectList())
                .map(t -> {
                    List<DocketedDeadline> found = t.getT1();
                    List<Appointment> booked = t.getT2();
                    String span = period == null ? "from today on" : "from " + LocalDate.parse(from).format(SPOKEN)
                            + " to " + LocalDate.parse(to).format(SPOKEN);
                    String due = found.isEmpty() ? "Nothing is due " + span + "."
                            : found.size() + " deadline" + (found.size() == 1 ? "" : "s") + " " + span + ": "
                            + found.stream().limit(READ_BACK).map(d -> d.title() + ", " + d.dueDate().format(SPOKEN)
                                    + ", " + d.caseNumber()).collect(Collectors.joining("; "))
                            + (found.size() > READ_BACK ? "; and more on screen." : ".");
                    String attend = booked.isEmpty() ? "" : " Appointments: " + booked.stream().limit(READ_BACK)
                            .map(a -> a.title() + ", " + when(a) + ", " + a.caseNumber())
                            .collect(Collectors.joining("; ")) + (booked.size() > READ_BACK ? "; and more on screen."
                            : ".");
                    return CommandResults.done(reading, due + attend, new Deadlines(found, booked));
                });
    }
}
