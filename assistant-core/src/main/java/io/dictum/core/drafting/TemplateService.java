package io.dictum.core.drafting;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.users.UserId;
import io.dictum.templates.docx.DocxTemplate;
import io.dictum.templates.docx.TemplateFormatException;
import io.dictum.templates.docx.TemplateProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The firm's templates and their versions. An upload is read as a Word document and its placeholders checked
 * against {@link Placeholders} before anything is stored; a template with a problem is refused with every problem
 * and its place. Versions never change once stored, so parsed templates are cached by id and version.
 */
@Service
public class TemplateService {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final int CACHE_SIZE = 64;

    /** A version's metadata, its bytes and the parsed template. */
    public record Loaded(Template template, int version, byte[] bytes, DocxTemplate docx) {
    }

    /** What a new template is called and what its documents are. */
    public record NewTemplate(String name, String description, String documentKind) {
    }

    private final TemplateRepository templates;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final Map<String, DocxTemplate> parsed = new ConcurrentHashMap<>();

    public TemplateService(TemplateRepository templates, TransactionalOperator tx, Clock clock) {
        this.templates = templates;
        this.tx = tx;
        this.clock = clock;
    }

    public Flux<Template> list(Actor actor) {
        return Mono.fromRunnable(() -> CaseAccess.requireFirmMember(actor, "use document templates"))
                .thenMany(templates.findAll());
    }

    public Mono<Template> get(Actor actor, TemplateId id) {
        return Mono.fromRunnable(() -> CaseAccess.requireFirmMember(actor, "use document templates"))
                .then(templates.findById(id))
                .switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    public Flux<TemplateVersion> versions(Actor actor, TemplateId id) {
        return get(actor, id).flatMapMany(t -> templates.versions(t.id()));
    }

    /** A version (the newest when none is given), parsed and ready to fill. */
    public Mono<Loaded> load(Actor actor, TemplateId id, Optional<Integer> version) {
        return get(actor, id).flatMap(t -> {
            int v = version.orElse(t.version());
            if (v < 1 || v > t.version()) {
                return Mono.error(new NotFoundException("Template " + id + " has no version " + v + "; it has"
                        + " versions 1 to " + t.version() + "."));
            }
            return templates.content(t.id(), v).flatMap(bytes -> Mono.fromCallable(() ->
                            new Loaded(t, v, bytes, parsed(t.id(), v, bytes)))
                    .subscribeOn(Schedulers.boundedElastic()));
        });
    }

    /** Stores a new template after checking it; a name already used is a conflict. */
    public Mono<Template> create(Actor actor, NewTemplate request, String filename, byte[] content) {
        return Mono.fromCallable(() -> {
                    CaseAccess.requireFirmMember(actor, "add document templates");
                    String name = request.name();
                    if ((name == null || name.isBlank()) && filename != null) {
                        int dot = filename.lastIndexOf('.');
                        name = dot > 0 ? filename.substring(0, dot) : filename;
                    }
                    return required(name, "name", 200);
                })
                .flatMap(name -> templates.nameExists(name).flatMap(exists -> exists
                        ? Mono.error(new ConflictException("A template named '" + name + "' exists already; choose"
                        + " another name, or upload a new version of it with POST /api/v1/templates/{id}/versions."))
                        : store(TemplateId.random(), new NewTemplate(name, optional(request.description(), 2000,
                        "description"), optional(request.documentKind(), 100, "kind")), null, actor.userId(),
                        filename, content)));
    }

    /** Adds a checked version to an existing template. */
    public Mono<Template> addVersion(Actor actor, TemplateId id, String filename, byte[] content) {
        return get(actor, id).flatMap(t -> check(filename, content, t.documentKind()).flatMap(checked -> templates.lastVersion(t.id())
                        .flatMap(last -> templates.insertVersion(t.id(), last + 1, checked, actor.userId(),
                                OffsetDateTime.now(clock)))
                        .as(tx::transactional))
                .onErrorMap(DataIntegrityViolationException.class, e -> new ConflictException("Another version of"
                        + " this template was stored at the same moment; upload yours again."))
                .then(templates.findById(t.id())));
    }

    /** Stores a template without an acting user's checks: for the starter set. */
    Mono<Template> store(TemplateId id, NewTemplate request, String starterKey, UserId by, String filename,
                         byte[] content) {
        return check(filename, content, request.documentKind()).flatMap(checked -> {
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    return templates.insertTemplate(id, request.name(), request.description(),
                                    request.documentKind(), starterKey, by, now)
                            .then(templates.insertVersion(id, 1, checked, by, now))
                            .as(tx::transactional);
                })
                .onErrorMap(DataIntegrityViolationException.class, e -> new ConflictException("A template named '"
                        + request.name() + "' was stored at the same moment; choose another name."))
                .then(templates.findById(id));
    }

    Mono<Long> count() {
        return templates.count();
    }

    Flux<Template> all() {
        return templates.findAll();
    }

    /**
     * The template invoices are written with: the firm's own template of kind {@code invoice} (the one changed
     * last, when there are several) wins over the starter invoice; empty when neither is stored. No user check:
     * the caller has already decided that the invoice may be read, and a client reading their invoice may not
     * list templates.
     */
    public Mono<Loaded> invoiceTemplate() {
        return templates.findAll()
                .filter(t -> InvoicePlaceholders.isInvoiceKind(t.documentKind()))
                .sort(Comparator.comparing(Template::starter)
                        .thenComparing(Template::updatedAt, Comparator.reverseOrder()))
                .next()
                .flatMap(t -> templates.content(t.id(), t.version()).flatMap(bytes -> Mono.fromCallable(() ->
                                new Loaded(t, t.version(), bytes, parsed(t.id(), t.version(), bytes)))
                        .subscribeOn(Schedulers.boundedElastic())));
    }

    /** Checks a template against the placeholders of its kind: an invoice's, or the case file's. */
    private Mono<TemplateRepository.NewVersion> check(String filename, byte[] content, String documentKind) {
        return Mono.fromCallable(() -> {
            String name = filename == null || filename.isBlank() ? "template.docx" : filename.strip();
            if (name.length() > 300) {
                throw new InvalidInputException("the file name is longer than 300 characters");
            }
            if (content == null || content.length == 0) {
                throw new InvalidInputException("the file '" + name + "' is empty; choose the right file and upload"
                        + " it again");
            }
            if (content.length > MAX_BYTES) {
                throw new InvalidInputException("the template '" + name + "' is " + content.length / 1024
                        + " KiB; templates may be at most " + MAX_BYTES / (1024 * 1024) + " MiB. Remove large"
                        + " images from it and upload it again.");
            }
            DocxTemplate docx;
            try {
                docx = DocxTemplate.read(content);
            } catch (TemplateFormatException e) {
                throw new InvalidTemplateException("The file '" + name + "' cannot be used as a template: "
                        + e.getMessage());
            }
            List<TemplateProblem> problems = docx.validate(InvoicePlaceholders.isInvoiceKind(documentKind)
                    ? InvoicePlaceholders.vocabulary() : Placeholders.vocabulary());
            if (!problems.isEmpty()) {
                throw new InvalidTemplateException(name, problems);
            }
            List<String> names = new ArrayList<>(docx.placeholders());
            while (String.join(",", names).length() > 4000) {
                names.remove(names.size() - 1);
            }
            return new TemplateRepository.NewVersion(name, sha256(content), names, content);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private DocxTemplate parsed(TemplateId id, int version, byte[] bytes) throws TemplateFormatException {
        String key = id + ":" + version;
        DocxTemplate cached = parsed.get(key);
        if (cached != null) {
            return cached;
        }
        DocxTemplate docx = DocxTemplate.read(bytes);
        if (parsed.size() >= CACHE_SIZE) {
            parsed.clear();
        }
        parsed.put(key, docx);
        return docx;
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + " is required: what the firm calls this template, e.g."
                    + " \"Demand letter (personal injury)\"");
        }
        if (value.strip().length() > max) {
            throw new InvalidInputException(field + " is longer than " + max + " characters");
        }
        return value.strip();
    }

    private static String optional(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new InvalidInputException(field + " is longer than " + max + " characters");
        }
        return value.strip();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static NotFoundException notFound(TemplateId id) {
        return new NotFoundException("No template with id " + id + ". List the templates with GET /api/v1/templates.");
    }
}
