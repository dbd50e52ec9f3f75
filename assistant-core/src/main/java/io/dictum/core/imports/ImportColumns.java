package io.dictum.core.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header names the import understands, from {@code columns.yaml}: each field of a contact or case with the names
 * other case-management tools export it under, and their practice areas and statuses mapped onto ours.
 */
public final class ImportColumns {

    record Data(Map<String, List<String>> contacts, Map<String, List<String>> cases,
                Map<String, List<String>> matterTypes, Map<String, List<String>> statuses) {
    }

    private final Data data;
    private final Map<ImportKind, Map<String, String>> fieldByHeader = new LinkedHashMap<>();
    private final Map<String, String> matterTypeByName = new LinkedHashMap<>();
    private final Map<String, String> statusByName = new LinkedHashMap<>();

    private ImportColumns(Data data) {
        this.data = data;
        fieldByHeader.put(ImportKind.CONTACTS, byAlias(data.contacts()));
        fieldByHeader.put(ImportKind.CASES, byAlias(data.cases()));
        data.matterTypes().forEach((type, names) -> names.forEach(n -> matterTypeByName.put(words(n), type)));
        data.statuses().forEach((status, names) -> names.forEach(n -> statusByName.put(words(n), status)));
    }

    public static ImportColumns defaults() {
        try (InputStream in = ImportColumns.class.getResourceAsStream("columns.yaml")) {
            return new ImportColumns(new ObjectMapper(new YAMLFactory()).readValue(in, Data.class));
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled import column names cannot be read", e);
        }
    }

    /** The field a header names, if any. */
    public Optional<String> field(ImportKind kind, String header) {
        return Optional.ofNullable(fieldByHeader.get(kind).get(key(header)));
    }

    /** Every accepted header of a field, for messages: "Matter Number, Case Number, ...". */
    public List<String> headers(ImportKind kind, String field) {
        return (kind == ImportKind.CONTACTS ? data.contacts() : data.cases()).get(field);
    }

    public Optional<String> matterType(String practiceArea) {
        return Optional.ofNullable(matterTypeByName.get(words(practiceArea)));
    }

    public Optional<String> status(String text) {
        return Optional.ofNullable(statusByName.get(words(text)));
    }

    private static Map<String, String> byAlias(Map<String, List<String>> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((field, aliases) -> aliases.forEach(a -> out.put(key(a), field)));
        return out;
    }

    /** Headers compared without case, spaces, underscores, dashes or dots. */
    static String key(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[\\s_.\\-]+", "");
    }

    /** Values compared as lower-case words: "Wills & Trusts" = "wills and trusts". */
    static String words(String text) {
        return text.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip();
    }
}
