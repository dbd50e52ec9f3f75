package io.dictum.core.assistant.commands;

import io.dictum.core.access.Actor;
import io.dictum.core.assistant.CommandContext;
import io.dictum.core.assistant.CommandHandler;
import io.dictum.core.assistant.CommandPayload;
import io.dictum.core.assistant.CommandResult;
import io.dictum.core.assistant.CommandResults;
import io.dictum.core.cases.CaseId;
import io.dictum.core.notes.Note;
import io.dictum.core.notes.NoteService;
import io.dictum.core.tasks.NewTask;
import io.dictum.core.tasks.Task;
import io.dictum.core.tasks.TaskService;
import io.dictum.core.users.User;
import io.dictum.core.users.UserService;
import io.dictum.intents.EntityMatch;
import io.dictum.intents.Intent;
import io.dictum.intents.Interpretation;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** "Remind Sarah to call the adjuster tomorrow" and "take a note: the client called about the offer". */
@Component
class WorkCommands implements CommandHandler {

    record TaskCreated(Task task, String assignee) implements CommandPayload {
    }

    record NoteAdded(Note note) implements CommandPayload {
    }

    private final TaskService tasks;
    private final NoteService notes;
    private final UserService users;

    WorkCommands(TaskService tasks, NoteService notes, UserService users) {
        this.tasks = tasks;
        this.notes = notes;
        this.users = users;
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.CREATE_TASK, Intent.DICTATE_NOTE);
    }

    /** An assignee candidate's id is a username, which {@link UserService#firmMembersNamed} reads exactly. */
    @Override
    public boolean takesChosenId(String slot) {
        return slot.equals("assignee") || CommandHandler.super.takesChosenId(slot);
    }

    @Override
    public Mono<CommandResult> execute(Actor actor, Interpretation reading, CommandContext context) {
        return reading.intent() == Intent.CREATE_TASK ? createTask(actor, reading) : note(actor, reading);
    }

    private Mono<CommandResult> createTask(Actor actor, Interpretation reading) {
        String spokenAssignee = reading.slots().get("assignee");
        Mono<List<User>> assignee = spokenAssignee == null ? users.findById(actor.userId()).map(List::of)
                : users.firmMembersNamed(spokenAssignee).collectList();
        return assignee.flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.just(CommandResults.rejected(reading, "I know no one called " + spokenAssignee
                        + " at the firm. Say their first name as it is in Dictum."));
            }
            if (found.size() > 1) {
                // Candidates by username, which names exactly one firm member when the answer settles the slot.
                return Mono.just(CommandResults.askBack(reading, "Which " + spokenAssignee + ": "
                        + found.stream().map(User::displayName).collect(Collectors.joining(" or ")) + "?",
                        new CommandPayload.Candidates("assignee", found.stream().map(u -> new EntityMatch(
                                u.username(), u.displayName() + " (" + u.username() + ")", 1.0)).toList())));
            }
            User who = found.get(0);
            String due = reading.slots().get("due");
            String time = reading.slots().get("time");
            return tasks.create(actor, new NewTask(reading.slots().get("description"), who.id().toString(),
                            reading.slots().get("case"), due == null ? null : LocalDate.parse(due),
                            time == null ? null : LocalTime.parse(time)))
                    .map(task -> CommandResults.done(reading, "Task for " + (who.id().equals(actor.userId())
                            ? "you" : who.displayName()) + ": " + task.description()
                            + (task.dueOn() == null ? "" : ", due " + task.dueOn().format(DeadlineCommands.SPOKEN))
                            + ".", new TaskCreated(task, who.displayName())));
        });
    }

    private Mono<CommandResult> note(Actor actor, Interpretation reading) {
        String caseSlot = reading.slots().get("case");
        if (caseSlot == null) {
            return Mono.just(CommandResults.askBack(reading, "Which case is the note for? Open the case first.",
                    new CommandPayload.Nothing()));
        }
        String text = reading.slots().get("text");
        String sentence = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1)
                + (text.matches(".*[.!?]$") ? "" : ".");
        return notes.add(actor, CaseId.parse(caseSlot), sentence)
                .map(note -> CommandResults.done(reading, "Noted on the case: \"" + note.text() + "\"",
                        new NoteAdded(note)));
    }
}
