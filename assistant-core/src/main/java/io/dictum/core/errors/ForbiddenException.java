package io.dictum.core.errors;

public class ForbiddenException extends DictumException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
