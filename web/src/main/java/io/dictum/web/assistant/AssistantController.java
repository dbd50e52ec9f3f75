package io.dictum.web.assistant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.dictum.core.access.Actor;
import io.dictum.core.assistant.Assistant;
import io.dictum.core.assistant.CommandRequest;
import io.dictum.core.assistant.CommandResult;
import io.dictum.core.cases.CaseId;
import io.dictum.intents.Interpretation;
import io.dictum.speech.Transcript;
import io.dictum.web.speech.SpeechService;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/assistant")
class AssistantController {

    /** The body of interpret and commands: what was said, the case in view, and the reference time for dates. */
    record TextCommand(String text, CaseId caseId, OffsetDateTime referenceTime) {
        CommandRequest toRequest() {
            return new CommandRequest(text, Optional.ofNullable(caseId), Optional.ofNullable(referenceTime));
        }
    }

    /** A voice command's answer: the command result's fields, with the transcript they were read from. */
    record VoiceCommandResult(Transcript transcript, @JsonUnwrapped CommandResult command) {
    }

    private final Assistant assistant;
    private final SpeechService speech;

    AssistantController(Assistant assistant, SpeechService speech) {
        this.assistant = assistant;
        this.speech = speech;
    }

    @PostMapping("/interpret")
    Mono<Interpretation> interpret(Actor actor, @RequestBody TextCommand command) {
        return assistant.interpret(actor, command.toRequest());
    }

    @PostMapping("/commands")
    Mono<CommandResult> command(Actor actor, @RequestBody TextCommand command) {
        return assistant.execute(actor, command.toRequest());
    }

    @PostMapping(value = "/voice-commands", consumes = {"audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"})
    Mono<VoiceCommandResult> voiceCommand(Actor actor, @RequestParam(required = false) CaseId caseId,
                                          @RequestParam(required = false) OffsetDateTime referenceTime,
                                          @RequestBody Flux<DataBuffer> audio) {
        return speech.transcribe(audio).flatMap(transcript -> assistant.execute(actor,
                        new CommandRequest(transcript.text(), Optional.ofNullable(caseId),
                                Optional.ofNullable(referenceTime)))
                .map(result -> new VoiceCommandResult(transcript, result)));
    }
}
