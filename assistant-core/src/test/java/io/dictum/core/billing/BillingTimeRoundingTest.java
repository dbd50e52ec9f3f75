package io.dictum.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.core.billing.BillingProperties.Rounding;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingTimeRoundingTest {

    @ParameterizedTest(name = "{0} min at {1} h rounding {2} bills {3} h")
    @CsvSource({
            // the default: tenths of an hour, any started increment billed
            "0,    0.1,  UP,      0.00",
            "1,    0.1,  UP,      0.10",
            "6,    0.1,  UP,      0.10",
            "7,    0.1,  UP,      0.20",
            "30,   0.1,  UP,      0.50",
            "31,   0.1,  UP,      0.60",
            "61,   0.1,  UP,      1.10",
            "1440, 0.1,  UP,      24.00",
            // quarter hours
            "1,    0.25, UP,      0.25",
            "15,   0.25, UP,      0.25",
            "16,   0.25, UP,      0.50",
            // nearest: half an increment and more goes up
            "2,    0.1,  NEAREST, 0.00",
            "3,    0.1,  NEAREST, 0.10",
            "8,    0.1,  NEAREST, 0.10",
            "9,    0.1,  NEAREST, 0.20",
            // down: only completed increments
            "5,    0.1,  DOWN,    0.00",
            "11,   0.1,  DOWN,    0.10",
            "12,   0.1,  DOWN,    0.20",
            // hundredths of an hour are 36 seconds: a minute is 0.02 h when rounding up
            "1,    0.01, UP,      0.02",
            "3,    0.01, UP,      0.05",
            "60,   0.01, UP,      1.00",
    })
    void minutesBecomeBilledHours(int minutes, String increment, Rounding rounding, String hours) {
        assertThat(new TimeRounding(new BigDecimal(increment), rounding).billedHours(minutes))
                .isEqualTo(new BigDecimal(hours));
    }

    @ParameterizedTest
    @CsvSource({"0", "-0.1", "1.5", "0.125"})
    void unusableIncrementsStopTheStart(String increment) {
        assertThatThrownBy(() -> new BillingProperties(new BigDecimal(increment), null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increment-hours");
    }

    @ParameterizedTest
    @CsvSource({"-1", "100.5", "8.12345"})
    void unusableTaxRatesStopTheStart(String tax) {
        assertThatThrownBy(() -> new BillingProperties(null, null, new BigDecimal(tax), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tax-percent");
    }
}
