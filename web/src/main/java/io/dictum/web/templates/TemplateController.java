package io.dictum.web.templates;

import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.drafting.DraftingService;
import io.dictum.core.drafting.InvalidTemplateException;
import io.dictum.core.drafting.MissingValuesException;
import io.dictum.core.drafting.InvoicePlaceholders;
import io.dictum.core.drafting.Placeholders;
import io.dictum.core.drafting.Template;
import io.dictum.core.drafting.TemplateId;
import io.dictum.core.drafting.TemplateService;
import io.dictum.core.drafting.TemplateVersion;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.templates.docx.MissingValue;
import io.dictum.templates.docx.OnMissing;
import io.dictum.web.downloads.Downloads;
import io.dictum.web.problems.Problems;
import io.dictum.web.uploads.MultipartForms;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Templates, previews, generation of drafts into case documents, and PDF renderings of Word documents. */
@RestController
class TemplateController {

    /** Body of POST /documents/generate. */
    record GenerateBody(TemplateId templateId, CaseId caseId, Map<String, Object> values, String onMissing,
                        String name) {
    }

    /** Body of POST /templates/{id}/preview; every field optional. */
    record PreviewBody(CaseId caseId, Map<String, Object> values, String format) {
    }

    /** One placeholder as GET /templates/placeholders lists it. */
    record PlaceholderInfo(String name, String type, String source, String description, List<String> itemFields) {
    }

    private final TemplateService templates;
    private final DraftingService drafting;

    TemplateController(TemplateService templates, DraftingService drafting) {
        this.templates = templates;
        this.drafting = drafting;
    }

    @GetMapping("/api/v1/templates")
    Flux<Template> list(Actor actor) {
        return templates.list(actor);
    }

    @GetMapping("/api/v1/templates/placeholders")
    List<PlaceholderInfo> placeholders() {
        // The case file's placeholders, then those only invoice templates (kind invoice) use.
        return java.util.stream.Stream.concat(Placeholders.all().stream(), InvoicePlaceholders.all().stream()
                        .filter(p -> !p.source().equals("firm") || p.name().equals("LawFirmId")))
                .map(p -> new PlaceholderInfo(p.name(), p.type().name().toLowerCase(
                Locale.ROOT), p.source(), p.description(), p.itemFields().isEmpty() ? null : p.itemFields())).toList();
    }

    /** Multipart: part {@code file} (.docx), optional fields {@code name}, {@code description}, {@code kind}. */
    @PostMapping(value = "/api/v1/templates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Template>> create(Actor actor, @RequestBody Mono<MultiValueMap<String, Part>> form) {
        return MultipartForms.using(form, parts -> file(parts).flatMap(file -> read(file).flatMap(bytes ->
                        templates.create(actor, new TemplateService.NewTemplate(field(parts, "name"),
                                field(parts, "description"), field(parts, "kind")), file.filename(), bytes))))
                .map(t -> ResponseEntity.created(URI.create("/api/v1/templates/" + t.id())).body(t));
    }

    @GetMapping("/api/v1/templates/{id}")
    Mono<Template> get(Actor actor, @PathVariable TemplateId id) {
        return templates.get(actor, id);
    }

    @GetMapping("/api/v1/templates/{id}/versions")
    Flux<TemplateVersion> versions(Actor actor, @PathVariable TemplateId id) {
        return templates.versions(actor, id);
    }

    /** Multipart: part {@code file}, a new version of the template. */
    @PostMapping(value = "/api/v1/templates/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Template>> addVersion(Actor actor, @PathVariable TemplateId id,
                                              @RequestBody Mono<MultiValueMap<String, Part>> form) {
        return MultipartForms.using(form, parts -> file(parts).flatMap(file -> read(file).flatMap(bytes ->
                        templates.addVersion(actor, id, file.filename(), bytes))))
                .map(t -> ResponseEntity.created(URI.create("/api/v1/templates/" + t.id())).body(t));
    }

    @GetMapping("/api/v1/templates/{id}/content")
    Mono<ResponseEntity<byte[]>> content(Actor actor, @PathVariable TemplateId id,
                                         @RequestParam(required = false) Integer version) {
        return templates.load(actor, id, Optional.ofNullable(version)).map(loaded -> Downloads
                .attachment(DraftingService.DOCX, loaded.template().filename(), loaded.bytes().length)
                .header("X-Template-Version", Integer.toString(loaded.version()))
                .body(loaded.bytes()));
    }

    /** The template filled with sample values, the case's when {@code caseId} is given, and {@code values}. */
    @PostMapping("/api/v1/templates/{id}/preview")
    Mono<ResponseEntity<byte[]>> preview(Actor actor, @PathVariable TemplateId id,
                                         @RequestBody(required = false) PreviewBody body) {
        PreviewBody b = body == null ? new PreviewBody(null, null, null) : body;
        return drafting.preview(actor, id, Optional.ofNullable(b.caseId()), b.values(), b.format())
                .map(r -> file(r.content(), r.mediaType(), r.filename(), r.missing()));
    }

    @PostMapping("/api/v1/documents/generate")
    Mono<ResponseEntity<DraftingService.GeneratedDocument>> generate(Actor actor, @RequestBody GenerateBody body) {
        return Mono.fromCallable(() -> new DraftingService.GenerateRequest(body.templateId(), body.caseId(),
                        body.values(), onMissing(body.onMissing()), body.name()))
                .flatMap(request -> drafting.generate(actor, request))
                .map(g -> ResponseEntity.created(URI.create("/api/v1/documents/" + g.document().id())).body(g));
    }

    /** A Word document of a case as PDF, rendered on request (nothing is stored). */
    @GetMapping("/api/v1/documents/{id}/pdf")
    Mono<ResponseEntity<byte[]>> pdf(Actor actor, @PathVariable DocumentId id,
                                     @RequestParam(required = false) Integer version) {
        return drafting.pdf(actor, id, Optional.ofNullable(version))
                .map(r -> file(r.content(), r.mediaType(), r.filename(), r.missing()));
    }

    @ExceptionHandler(InvalidTemplateException.class)
    ProblemDetail invalidTemplate(InvalidTemplateException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, e.title(), e.getMessage());
        problem.setProperty("problems", e.problems().stream().map(p -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            if (p.placeholder() != null) {
                m.put("placeholder", p.placeholder());
            }
            m.put("message", p.message());
            m.put("location", p.location());
            return m;
        }).toList());
        return problem;
    }

    @ExceptionHandler(MissingValuesException.class)
    ProblemDetail missingValues(MissingValuesException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, e.title(), e.getMessage());
        problem.setProperty("missing", e.missing());
        return problem;
    }

    private static OnMissing onMissing(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("fail")) {
            return OnMissing.FAIL;
        }
        if (text.equalsIgnoreCase("mark")) {
            return OnMissing.MARK;
        }
        throw new InvalidInputException("onMissing must be fail or mark; got '" + text + "'");
    }

    private static ResponseEntity<byte[]> file(byte[] content, String mediaType, String filename,
                                               List<MissingValue> missing) {
        var response = Downloads.attachment(mediaType, filename, content.length);
        if (!missing.isEmpty()) {
            response.header("X-Missing-Placeholders", missing.stream().map(MissingValue::name).distinct()
                    .collect(Collectors.joining(",")));
        }
        return response.body(content);
    }

    private static Mono<FilePart> file(MultiValueMap<String, Part> parts) {
        if (parts.getFirst("file") instanceof FilePart file) {
            return Mono.just(file);
        }
        return Mono.error(new InvalidInputException("the multipart part 'file' is missing: send the template (.docx)"
                + " as a file part named 'file'"));
    }

    /** The upload in memory: templates are small, and larger ones are refused with 413 while reading. */
    private static Mono<byte[]> read(FilePart file) {
        return DataBufferUtils.join(file.content(), TemplateService.MAX_BYTES + 1).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }).defaultIfEmpty(new byte[0]);
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart f && !f.value().isBlank() ? f.value().strip() : null;
    }
}
