package io.dictum.core.drafting;

import io.dictum.core.errors.DictumException;
import io.dictum.templates.docx.MissingValue;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Generation with {@code onMissing: fail} found placeholders without a value; nothing was stored. Answered as 422
 * with the list, so the caller can supply them in {@code values} or choose {@code onMissing: mark}.
 */
public class MissingValuesException extends DictumException {

    private final List<MissingValue> missing;

    public MissingValuesException(String templateName, List<MissingValue> missing) {
        super("The template '" + templateName + "' needs values that the case file does not have: "
                + missing.stream().limit(20).map(MissingValue::toString).collect(Collectors.joining("; "))
                + (missing.size() > 20 ? "; ..." : "") + ". Give them in 'values', add them to the case, or send"
                + " onMissing: \"mark\" to have them marked in the draft. Nothing was stored.");
        this.missing = List.copyOf(missing);
    }

    public List<MissingValue> missing() {
        return missing;
    }

    @Override
    public String title() {
        return "Missing values";
    }
}
