package io.dictum.templates.docx;

import java.util.Map;
import java.util.Set;

/**
 * The placeholder names a template may use: single fields ({@code ClientName}) and lists ({@code Defendants}) with
 * the fields each item has ({@code Name}). Upload validation reports any other name.
 */
public record Vocabulary(Set<String> fields, Map<String, Set<String>> lists) {

    public Vocabulary {
        fields = Set.copyOf(fields);
        lists = Map.copyOf(lists);
    }

    public boolean isKnown(String name) {
        return fields.contains(name) || lists.containsKey(name);
    }
}
