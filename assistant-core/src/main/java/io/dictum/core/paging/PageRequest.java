package io.dictum.core.paging;

import io.dictum.core.errors.InvalidInputException;
import java.util.Optional;

/** A page of a list: {@code page} counts from 0; {@code sort} is {@code field} or {@code field,asc|desc}. */
public record PageRequest(int page, int size, Optional<String> sort) {

    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
        sort = sort.filter(s -> !s.isBlank());
    }

    public static PageRequest of(int page, int size, String sort) {
        return new PageRequest(page, size, Optional.ofNullable(sort));
    }

    public long offset() {
        return (long) page * size;
    }
}
