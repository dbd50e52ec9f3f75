package io.dictum.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A kind of matter as a snake_case identifier. The standard ones are listed; a firm may use others, so this is a
 * validated value rather than an enum.
 */
public record MatterType(String id) {

    public static final List<String> STANDARD = List.of("personal_injury", "employment", "contract", "family",
            "criminal_defense", "real_estate", "medical_malpractice", "estate", "other");

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    @JsonCreator
    public MatterType {
        if (id == null || !SNAKE_CASE.matcher(id).matches() || id.length() > 60) {
            throw new IllegalArgumentException("matterType must be a snake_case identifier such as "
                    + String.join(", ", STANDARD) + "; got '" + id + "'");
        }
    }

    /** The words a person says or reads: {@code personal injury}. */
    public String spoken() {
        return id.replace('_', ' ');
    }

    /** Initials used in generated case numbers: {@code personal_injury} gives {@code PI}. */
    public String initials() {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("_")) {
            sb.append(Character.toUpperCase(part.charAt(0)));
        }
        return sb.toString();
    }

    @JsonValue
    @Override
    public String toString() {
        return id;
    }
}
