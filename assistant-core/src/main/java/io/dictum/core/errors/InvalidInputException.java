package io.dictum.core.errors;

public class InvalidInputException extends DictumException {

    public InvalidInputException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Invalid input";
    }
}
