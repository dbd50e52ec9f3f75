package io.dictum.core.index;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Search settings ({@code dictum.search.*}). {@code hybrid}: documents and notes also get sentence-embedding vectors
 * and a query fuses BM25 with nearest-neighbour passages (off by default: see the README's relevance numbers).
 */
@ConfigurationProperties("dictum.search")
public record SearchProperties(boolean hybrid) {
}
