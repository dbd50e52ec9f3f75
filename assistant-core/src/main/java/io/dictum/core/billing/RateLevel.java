package io.dictum.core.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How specific a rate is, most specific first. The precedence, decided once and tested as a table in
 * {@code RateTableTest}: an agreement about one matter beats anything about a kind of matter, and within each
 * scope a rate for the person beats one for everybody.
 */
public enum RateLevel {
    /** this user on this case */
    CASE_AND_USER,
    /** everybody on this case */
    CASE,
    /** this user on every case of this matter type */
    USER_AND_MATTER_TYPE,
    /** this user anywhere */
    USER,
    /** everybody on this matter type */
    MATTER_TYPE,
    /** everybody anywhere */
    FIRM_DEFAULT;

    static RateLevel of(boolean user, boolean legalCase, boolean matterType) {
        if (legalCase && matterType) {
            throw new IllegalArgumentException("a rate names a case or a matter type, not both");
        }
        if (legalCase) {
            return user ? CASE_AND_USER : CASE;
        }
        if (matterType) {
            return user ? USER_AND_MATTER_TYPE : MATTER_TYPE;
        }
        return user ? USER : FIRM_DEFAULT;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
