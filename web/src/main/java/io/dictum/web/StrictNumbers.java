package io.dictum.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Numbers in paths and query parameters are plain decimals: Spring's default editors also read "0x10" and "#10" as
 * 16, which no client means. Anything else is a 400 naming the parameter.
 */
@ControllerAdvice
class StrictNumbers {

    @InitBinder
    void strictNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, new Decimal(Integer::valueOf, false));
        binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf, true));
        binder.registerCustomEditor(long.class, new Decimal(Long::valueOf, false));
        binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf, true));
    }

    private static final class Decimal extends PropertyEditorSupport {
        private final Function<String, Number> parse;
        private final boolean nullable;

        Decimal(Function<String, Number> parse, boolean nullable) {
            this.parse = parse;
            this.nullable = nullable;
        }

        @Override
        public void setAsText(String text) {
            // trim, not strip: only ASCII blanks are "not given"; a Unicode separator (U+2028) is not a number either
            if (text == null || text.trim().isEmpty()) {
                if (!nullable) {
                    throw new IllegalArgumentException("a number is required");
                }
                setValue(null);
                return;
            }
            String plain = text.trim();
            if (!plain.matches("[+-]?[0-9]{1,19}")) {
                throw new IllegalArgumentException("'" + text + "' is not a whole decimal number");
            }
            setValue(parse.apply(plain));
        }
    }
}
