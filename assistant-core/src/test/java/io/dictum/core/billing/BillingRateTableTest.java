package io.dictum.core.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.MatterType;
import io.dictum.core.users.UserId;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rate precedence as a table. Each row says which kinds of rate exist (all for the user, case and matter type
 * asked about) and which one must win: case+user > case > user+matter type > user > matter type > firm default.
 */
class BillingRateTableTest {

    private static final UserId ALEX = new UserId(UUID.randomUUID());
    private static final UserId BRIAN = new UserId(UUID.randomUUID());
    private static final CaseId MILLER = new CaseId(UUID.randomUUID());
    private static final CaseId JOHNSON = new CaseId(UUID.randomUUID());
    private static final MatterType PI = new MatterType("personal_injury");
    private static final MatterType ESTATE = new MatterType("estate");
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    // amounts identify the level: 100 case+user, 200 case, 300 user+type, 400 user, 500 type, 600 firm default
    private static Rate rate(String level, int minute) {
        OffsetDateTime at = T0.plusMinutes(minute);
        return switch (level) {
            case "CU" -> new Rate(UUID.randomUUID(), ALEX, MILLER, null, new BigDecimal("100.00"), at);
            case "C" -> new Rate(UUID.randomUUID(), null, MILLER, null, new BigDecimal("200.00"), at);
            case "UT" -> new Rate(UUID.randomUUID(), ALEX, null, PI, new BigDecimal("300.00"), at);
            case "U" -> new Rate(UUID.randomUUID(), ALEX, null, null, new BigDecimal("400.00"), at);
            case "T" -> new Rate(UUID.randomUUID(), null, null, PI, new BigDecimal("500.00"), at);
            case "F" -> new Rate(UUID.randomUUID(), null, null, null, new BigDecimal("600.00"), at);
            default -> throw new IllegalArgumentException(level);
        };
    }

    @ParameterizedTest(name = "rates {0} → {1}")
    @CsvSource({
            "CU C UT U T F, case_and_user",
            "C UT U T F,    case",
            "UT U T F,      user_and_matter_type",
            "U T F,         user",
            "T F,           matter_type",
            "F,             firm_default",
            // the matter beats the person: a rate agreed for the case wins over the user's own rates
            "C U,           case",
            "C UT,          case",
            // the person beats the kind of matter
            "U T,           user",
            "UT T,          user_and_matter_type",
            // order of creation does not matter across levels
            "F T U UT C CU, case_and_user",
    })
    void theMostSpecificRateWins(String present, String expected) {
        List<Rate> rates = new ArrayList<>();
        int minute = 0;
        for (String level : present.trim().split("\\s+")) {
            rates.add(rate(level, minute++));
        }
        ResolvedRate resolved = new RateTable(rates).resolve(ALEX, MILLER, PI).orElseThrow();
        assertThat(resolved.level().id()).isEqualTo(expected);
        assertThat(rates.stream().filter(r -> r.id().equals(resolved.rateId())).findFirst().orElseThrow().level()
                .id()).isEqualTo(expected);
    }

    @Test
    void ratesForOtherUsersCasesOrMatterTypesNeverApply() {
        List<Rate> rates = List.of(rate("CU", 0), rate("C", 1), rate("UT", 2), rate("U", 3), rate("T", 4));
        // Brian on an estate matter: none of Alex's, Miller's or personal injury's rates
        assertThat(new RateTable(rates).resolve(BRIAN, JOHNSON, ESTATE)).isEmpty();
        // Brian on Miller: the case rate
        assertThat(new RateTable(rates).resolve(BRIAN, MILLER, PI).map(ResolvedRate::hourlyRate))
                .contains(new BigDecimal("200.00"));
        // Alex on Johnson, an estate matter: his own rate, not the personal injury one
        assertThat(new RateTable(rates).resolve(ALEX, JOHNSON, ESTATE).map(ResolvedRate::level))
                .contains(RateLevel.USER);
        // Brian on another personal injury case: the matter type rate
        assertThat(new RateTable(rates).resolve(BRIAN, JOHNSON, PI).map(ResolvedRate::level))
                .contains(RateLevel.MATTER_TYPE);
    }

    @Test
    void withinALevelTheNewestRateWins() {
        Rate older = new Rate(UUID.randomUUID(), ALEX, null, null, new BigDecimal("400.00"), T0);
        Rate newer = new Rate(UUID.randomUUID(), ALEX, null, null, new BigDecimal("425.00"), T0.plusDays(30));
        assertThat(new RateTable(List.of(newer, older)).resolve(ALEX, MILLER, PI).map(ResolvedRate::hourlyRate))
                .isEqualTo(Optional.of(new BigDecimal("425.00")));
        assertThat(new RateTable(List.of(older, newer)).resolve(ALEX, MILLER, PI).map(ResolvedRate::hourlyRate))
                .isEqualTo(Optional.of(new BigDecimal("425.00")));
    }
}
