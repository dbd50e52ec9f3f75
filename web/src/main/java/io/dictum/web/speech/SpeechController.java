package io.dictum.web.speech;

import io.dictum.speech.Transcript;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/speech")
class SpeechController {

    private final SpeechService speech;

    SpeechController(SpeechService speech) {
        this.speech = speech;
    }

    @PostMapping(value = "/transcribe", consumes = {"audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"})
    Mono<Transcript> transcribe(@RequestBody Flux<DataBuffer> body) {
        return speech.transcribe(body);
    }
}
