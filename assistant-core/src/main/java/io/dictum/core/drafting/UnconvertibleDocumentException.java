package io.dictum.core.drafting;

import io.dictum.core.errors.DictumException;

/** A document that cannot be rendered as PDF (not a Word document, or a damaged one). Answered as 422. */
public class UnconvertibleDocumentException extends DictumException {

    public UnconvertibleDocumentException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Cannot convert";
    }
}
