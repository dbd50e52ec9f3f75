package io.dictum.core.errors;

public class ConflictException extends DictumException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
