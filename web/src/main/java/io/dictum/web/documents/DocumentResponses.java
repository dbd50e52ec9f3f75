package io.dictum.web.documents;

import io.dictum.core.documents.DocumentService;
import io.dictum.core.documents.DocumentVersion;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A stored document version as a download: streamed in chunks off the event loop, with its name and hash. */
public final class DocumentResponses {

    private static final int CHUNK = 64 * 1024;

    private DocumentResponses() {
    }

    /**
     * The contents are opened (and their first encrypted segment authenticated) before the answer starts, so damaged
     * contents become a problem response instead of a cut-off download.
     */
    public static Mono<ResponseEntity<Flux<DataBuffer>>> download(DocumentService.StoredContent stored) {
        return Mono.fromCallable(stored.open()).subscribeOn(Schedulers.boundedElastic())
                .map(in -> response(stored.version(), DataBufferUtils.readInputStream(() -> in,
                        DefaultDataBufferFactory.sharedInstance, CHUNK).subscribeOn(Schedulers.boundedElastic())));
    }

    private static ResponseEntity<Flux<DataBuffer>> response(DocumentVersion v, Flux<DataBuffer> body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(v.mediaType()))
                .contentLength(v.sizeBytes())
                .eTag("\"" + v.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(v.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Document-Version", Integer.toString(v.version()))
                .body(body);
    }
}
