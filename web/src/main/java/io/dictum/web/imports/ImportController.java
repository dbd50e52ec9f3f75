package io.dictum.web.imports;

import io.dictum.core.access.Actor;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.imports.ImportJob;
import io.dictum.core.imports.ImportKind;
import io.dictum.core.imports.ImportService;
import io.dictum.core.imports.MalformedCsvException;
import io.dictum.web.problems.Problems;
import io.dictum.web.uploads.MultipartForms;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * CSV import of contacts and cases: the body is the CSV ({@code text/csv}) or a multipart form with the file as part
 * {@code file}. {@code ?dryRun=true} answers what would happen (200); otherwise the import starts and the answer is
 * 202 with the job, whose progress {@code GET /api/v1/import/jobs/{id}} reports.
 */
@RestController
class ImportController {

    /** Large enough for tens of thousands of rows; the import reads the whole file before it writes anything. */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/api/v1/import/{kind}", consumes = {"text/csv", "application/csv", "text/plain"})
    Mono<ResponseEntity<Object>> csv(Actor actor, @PathVariable String kind,
                                     @RequestParam(defaultValue = "false") boolean dryRun, ServerWebExchange exchange) {
        return importKind(kind).flatMap(k -> bytes(exchange.getRequest().getBody())
                .flatMap(bytes -> run(actor, k, bytes, null, dryRun)));
    }

    @PostMapping(value = "/api/v1/import/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Object>> multipart(Actor actor, @PathVariable String kind,
                                           @RequestParam(defaultValue = "false") boolean dryRun,
                                           @RequestBody Mono<MultiValueMap<String, Part>> form) {
        return importKind(kind).flatMap(k -> MultipartForms.using(form, parts -> {
            if (!(parts.getFirst("file") instanceof FilePart file)) {
                return Mono.error(new InvalidInputException("the multipart part 'file' is missing: send the CSV file"
                        + " as a file part named 'file', or send the CSV itself as the body with Content-Type"
                        + " text/csv"));
            }
            return bytes(file.content()).flatMap(bytes -> run(actor, k, bytes, file.filename(), dryRun));
        }));
    }

    @GetMapping("/api/v1/import/jobs/{id}")
    Mono<ImportJob> job(Actor actor, @PathVariable UUID id) {
        return imports.job(actor, id);
    }

    private Mono<ResponseEntity<Object>> run(Actor actor, ImportKind kind, byte[] bytes, String filename,
                                             boolean dryRun) {
        if (dryRun) {
            return imports.dryRun(actor, kind, bytes).map(report -> ResponseEntity.ok(report));
        }
        return imports.start(actor, kind, bytes, filename).map(job -> ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/import/jobs/" + job.id())).body(job));
    }

    private static Mono<ImportKind> importKind(String kind) {
        return switch (kind) {
            case "contacts" -> Mono.just(ImportKind.CONTACTS);
            case "cases" -> Mono.just(ImportKind.CASES);
            default -> Mono.error(new io.dictum.core.errors.NotFoundException("Nothing is imported as '" + kind
                    + "': use POST /api/v1/import/contacts or POST /api/v1/import/cases."));
        };
    }

    private static Mono<byte[]> bytes(Flux<DataBuffer> body) {
        return DataBufferUtils.join(body, MAX_BYTES).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }).defaultIfEmpty(new byte[0]);
    }

    @ExceptionHandler(MalformedCsvException.class)
    ProblemDetail malformed(MalformedCsvException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.title(), e.getMessage());
        problem.setProperty("problems", e.problems().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", p.line());
            if (p.column() != null) {
                m.put("column", p.column());
            }
            m.put("message", p.message());
            return m;
        }).toList());
        problem.setProperty("nothingImported", true);
        return problem;
    }
}
