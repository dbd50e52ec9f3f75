package io.dictum.core.paging;

import java.util.List;

/** One page of a list and how many items the whole list has. */
public record Page<T>(List<T> items, long total, int page, int size) {
    public Page {
        items = List.copyOf(items);
    }
}
