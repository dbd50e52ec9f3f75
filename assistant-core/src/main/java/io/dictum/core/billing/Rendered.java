package io.dictum.core.billing;

/** A rendered invoice: the bytes, their media type and a file name to offer. */
public record Rendered(byte[] content, String mediaType, String fileName) {
}
