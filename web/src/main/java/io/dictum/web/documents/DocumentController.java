package io.dictum.web.documents;

import io.dictum.core.DictumProperties;
import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.documents.Document;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.documents.DocumentService;
import io.dictum.core.documents.DocumentVersion;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.faults.FaultPoint;
import io.dictum.web.paging.PageQuery;
import io.dictum.web.uploads.MultipartForms;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import io.dictum.web.downloads.Downloads;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
class DocumentController {

    private final DocumentService documents;
    private final Path uploads;

    DocumentController(DocumentService documents, DictumProperties properties) {
        this.documents = documents;
        // Beside the document store, so storing an upload is a copy on the same disk.
        this.uploads = properties.dataDir().resolve("tmp");
    }

    /**
     * Multipart upload: part {@code file}, optional fields {@code documentId} (adds a version), {@code name} and
     * {@code kind}. The file streams to disk; it is never held in memory whole.
     */
    @PostMapping(value = "/api/v1/cases/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Document>> upload(Actor actor, @PathVariable CaseId id,
                                          @RequestBody Mono<MultiValueMap<String, Part>> form) {
        return MultipartForms.using(form, parts -> {
            if (!(parts.getFirst("file") instanceof FilePart file)) {
                return Mono.error(new InvalidInputException("the multipart part 'file' is missing: send the document"
                        + " as a file part named 'file'"));
            }
            Optional<DocumentId> existing = field(parts, "documentId").map(value -> {
                try {
                    return DocumentId.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("documentId '" + value + "' is not a document id");
                }
            });
            return Mono.fromCallable(() -> {
                        Files.createDirectories(uploads);
                        return Files.createTempFile(uploads, "upload-", ".part");
                    }).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(temp -> file.transferTo(temp)
                            .then(FaultPoint.reach(FaultPoint.UPLOAD_RECEIVED))
                            .then(documents.upload(actor, id, existing, new DocumentService.Upload(temp,
                                    file.filename(), field(parts, "name").orElse(null),
                                    field(parts, "kind").orElse(null))))
                            .doFinally(signal -> deleteQuietly(temp)));
        }).map(d -> ResponseEntity.created(URI.create("/api/v1/documents/" + d.id())).body(d));
    }

    @GetMapping("/api/v1/documents/{id}")
    Mono<Document> get(Actor actor, @PathVariable DocumentId id) {
        return documents.get(actor, id);
    }

    @GetMapping("/api/v1/documents/{id}/versions")
    Mono<ResponseEntity<List<DocumentVersion>>> versions(Actor actor, @PathVariable DocumentId id,
                                                         PageQuery paging) {
        return paging.answer(p -> documents.versions(actor, id, p));
    }

    @GetMapping("/api/v1/documents/{id}/content")
    Mono<ResponseEntity<Flux<DataBuffer>>> content(Actor actor, @PathVariable DocumentId id,
                                                   @RequestParam(required = false) Integer version) {
        return documents.content(actor, id, Optional.ofNullable(version)).flatMap(Downloads::stored);
    }

    /** Shares the document with its case's client (firm members); sharing again changes nothing. */
    @PostMapping("/api/v1/documents/{id}/shares")
    Mono<Document> share(Actor actor, @PathVariable DocumentId id) {
        return documents.share(actor, id);
    }

    /** Takes the document back from the client. */
    @DeleteMapping("/api/v1/documents/{id}/shares")
    Mono<Document> unshare(Actor actor, @PathVariable DocumentId id) {
        return documents.unshare(actor, id);
    }

    private static Optional<String> field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart f && !f.value().isBlank()
                ? Optional.of(f.value().strip()) : Optional.empty();
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // temporary upload file; the next start's temp directory is fresh enough
        }
    }
}
