package io.dictum.templates.docx;

/** A placeholder that had no value when the template was filled, and where it stands. */
public record MissingValue(String name, Location location) {

    @Override
    public String toString() {
        return name + " at " + location;
    }
}
