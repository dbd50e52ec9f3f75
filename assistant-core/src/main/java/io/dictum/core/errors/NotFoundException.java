package io.dictum.core.errors;

public class NotFoundException extends DictumException {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Not found";
    }
}
