package io.dictum.web.downloads;

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

/**
 * Every file Dictum hands out (documents, portal documents, templates, previews, PDFs, invoices) is answered here,
 * so all carry the same headers: the media type, an attachment Content-Disposition whose filename survives any
 * characters (quoted ASCII plus RFC 5987 {@code filename*}), and the length. No-store caching and {@code nosniff}
 * come from the security filter chain, which adds them to every answer.
 */
public final class Downloads {

    private static final int CHUNK = 64 * 1024;

    private Downloads() {
    }

    /** A file's answer without its body; add any file-specific headers, then the body. */
    public static ResponseEntity.BodyBuilder attachment(String mediaType, String filename, long length) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .contentLength(length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString());
    }

    /** A file held in memory. */
    public static ResponseEntity<byte[]> file(String mediaType, String filename, byte[] content) {
        return attachment(mediaType, filename, content.length).body(content);
    }

    /**
     * A stored document version, streamed in chunks off the event loop, with its hash as ETag. The contents are
     * opened (and their first encrypted segment authenticated) before the answer starts, so damaged contents become
     * a problem response instead of a cut-off download.
     */
    public static Mono<ResponseEntity<Flux<DataBuffer>>> stored(DocumentService.StoredContent stored) {
        return Mono.fromCallable(stored.open()).subscribeOn(Schedulers.boundedElastic())
                .map(in -> {
                    DocumentVersion v = stored.version();
                    return attachment(v.mediaType(), v.filename(), v.sizeBytes())
                            .eTag("\"" + v.sha256() + "\"")
                            .header("X-Document-Version", Integer.toString(v.version()))
                            .body(DataBufferUtils.readInputStream(() -> in, DefaultDataBufferFactory.sharedInstance,
                                    CHUNK).subscribeOn(Schedulers.boundedElastic()));
                });
    }
}
