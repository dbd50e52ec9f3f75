package io.dictum.core.drafting;

import io.dictum.core.db.Binding;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class TemplateRepository {

    private static final String NEWEST = "SELECT t.id, t.name, t.description, t.document_kind, t.starter_key,"
            + " t.updated_at, v.version, v.filename, v.size_bytes, v.sha256, v.placeholders FROM templates t"
            + " JOIN template_versions v ON v.template_id = t.id"
            + " WHERE v.version = (SELECT MAX(version) FROM template_versions WHERE template_id = t.id)";

    private final DatabaseClient db;

    public TemplateRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The template's row; its first version follows with {@link #insertVersion}. */
    public Mono<Void> insertTemplate(TemplateId id, String name, String description, String documentKind,
                                     String starterKey, UserId by, OffsetDateTime at) {
        var spec = db.sql("INSERT INTO templates (id, name, description, document_kind, starter_key, created_at,"
                        + " created_by, updated_at) VALUES (:id, :name, :description, :kind, :starter, :at, :by, :at)")
                .bind("id", id.value())
                .bind("name", name)
                .bind("at", at);
        spec = Binding.nullable(spec, "description", description, String.class);
        spec = Binding.nullable(spec, "kind", documentKind, String.class);
        spec = Binding.nullable(spec, "starter", starterKey, String.class);
        return Binding.nullable(spec, "by", by == null ? null : by.value(), UUID.class).then();
    }

    /** What a new version row holds besides its number and author. */
    public record NewVersion(String filename, String sha256, List<String> placeholders, byte[] content) {
    }

    public Mono<Void> insertVersion(TemplateId id, int version, NewVersion v, UserId by, OffsetDateTime at) {
        var spec = db.sql("INSERT INTO template_versions (template_id, version, filename, size_bytes, sha256,"
                        + " placeholders, content, created_at, created_by) VALUES (:id, :version, :filename, :size,"
                        + " :sha, :placeholders, :content, :at, :by)")
                .bind("id", id.value())
                .bind("version", version)
                .bind("filename", v.filename())
                .bind("size", (long) v.content().length)
                .bind("sha", v.sha256())
                .bind("placeholders", String.join(",", v.placeholders()))
                .bind("content", v.content())
                .bind("at", at);
        return Binding.nullable(spec, "by", by == null ? null : by.value(), UUID.class).then()
                .then(db.sql("UPDATE templates SET updated_at = :at WHERE id = :id")
                        .bind("at", at).bind("id", id.value()).then());
    }

    public Mono<Integer> lastVersion(TemplateId id) {
        return db.sql("SELECT COALESCE(MAX(version), 0) AS v FROM template_versions WHERE template_id = :id")
                .bind("id", id.value())
                .map(r -> r.get("v", Integer.class))
                .one();
    }

    public Flux<Template> findAll() {
        return db.sql(NEWEST + " ORDER BY t.name").map(TemplateRepository::template).all();
    }

    public Mono<Template> findById(TemplateId id) {
        return db.sql(NEWEST + " AND t.id = :id").bind("id", id.value()).map(TemplateRepository::template).one();
    }

    public Mono<Boolean> nameExists(String name) {
        return db.sql("SELECT COUNT(*) AS n FROM templates WHERE LOWER(name) = :name")
                .bind("name", name.toLowerCase(java.util.Locale.ROOT))
                .map(r -> r.get("n", Long.class))
                .one()
                .map(n -> n > 0);
    }

    public Mono<Long> count() {
        return db.sql("SELECT COUNT(*) AS n FROM templates").map(r -> r.get("n", Long.class)).one();
    }

    public Flux<TemplateVersion> versions(TemplateId id) {
        return db.sql("SELECT template_id, version, filename, size_bytes, sha256, placeholders, created_at,"
                        + " created_by FROM template_versions WHERE template_id = :id ORDER BY version DESC")
                .bind("id", id.value())
                .map(r -> {
                    UUID by = r.get("created_by", UUID.class);
                    return new TemplateVersion(new TemplateId(r.get("template_id", UUID.class)),
                            r.get("version", Integer.class), r.get("filename", String.class),
                            r.get("size_bytes", Long.class), r.get("sha256", String.class),
                            names(r.get("placeholders", String.class)), r.get("created_at", OffsetDateTime.class),
                            by == null ? null : new UserId(by));
                })
                .all();
    }

    public Mono<byte[]> content(TemplateId id, int version) {
        return db.sql("SELECT content FROM template_versions WHERE template_id = :id AND version = :version")
                .bind("id", id.value())
                .bind("version", version)
                .map(r -> bytes(r.get("content")))
                .one();
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] b = new byte[buffer.remaining()];
            buffer.duplicate().get(b);
            return b;
        }
        throw new IllegalStateException("template content came back as " + (value == null ? "null"
                : value.getClass().getName()));
    }

    private static Template template(Readable r) {
        return new Template(new TemplateId(r.get("id", UUID.class)), r.get("name", String.class),
                r.get("description", String.class), r.get("document_kind", String.class),
                r.get("starter_key", String.class) != null, r.get("version", Integer.class),
                r.get("filename", String.class), r.get("size_bytes", Long.class), r.get("sha256", String.class),
                names(r.get("placeholders", String.class)), r.get("updated_at", OffsetDateTime.class));
    }

    private static List<String> names(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
