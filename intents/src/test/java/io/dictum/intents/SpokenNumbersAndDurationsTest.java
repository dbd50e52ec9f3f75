package io.dictum.intents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpokenNumbersAndDurationsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"zero | 0", "seven | 7", "fifteen | 15", "forty five | 45", "42 | 42",
            "a hundred | 100", "one hundred and five | 105", "three hundred twelve | 312", "two thousand | 2000",
            "two thousand twenty six | 2026", "two thousand and five | 2005", "twenty twenty six | 2026",
            "nineteen ninety nine | 1999", "twenty oh five | 2005", "a thousand | 1000"})
    void readsCardinals(String spoken, int value) {
        assertThat(SpokenNumbers.cardinal(SpeechNormaliser.words(spoken))).hasValue(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "forty forty forty", "five four", "hundred and", "and five", "twenty and", "seven dwarfs"})
    void rejectsWhatIsNoNumber(String spoken) {
        assertThat(SpokenNumbers.cardinal(SpeechNormaliser.words(spoken))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"first | 1", "third | 3", "twelfth | 12", "twentieth | 20",
            "twenty first | 21", "thirty first | 31", "3rd | 3", "21st | 21", "one hundred and fifth | 105"})
    void readsOrdinals(String spoken, int value) {
        assertThat(SpokenNumbers.ordinal(SpeechNormaliser.words(spoken))).hasValue(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"thirty minutes | 30", "30 minutes | 30", "forty five minutes | 45",
            "six minutes | 6", "a minute | 1", "an hour | 60", "one hour | 60", "two hours | 120",
            "an hour and a half | 90", "one and a half hours | 90", "two and a half hours | 150", "1.5 hours | 90",
            "one and three quarter hours | 105", "two and a quarter hours | 135",
            "half an hour | 30", "a half hour | 30", "a quarter hour | 15", "quarter of an hour | 15",
            "three quarters of an hour | 45", "two hours and fifteen minutes | 135", "an hour fifteen | 75",
            "two hours ten minutes | 130", "an hour and a quarter | 75",
            // bills are kept in tenths of an hour: a bare decimal or tenths are hours
            "point three | 18", "point 3 | 18", "0.3 | 18", "zero point three | 18", "one point two | 72", "1.2 | 72",
            "0.5 | 30", "three tenths | 18", "a tenth | 6", "six tenths of an hour | 36", "point two five | 15",
            "two point five hours | 150", "0.1 hours | 6"})
    void readsDurationsInMinutes(String spoken, String minutes) {
        assertThat(SpokenDurations.minutes(SpeechNormaliser.words(spoken))).contains(SlotValue.of(minutes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"thirty", "30", "minutes", "an hour and", "the hour", "point", "hours and a half",
            "thirty days", "twenty five hours"})
    void aNumberWithoutAUnitOrBeyondADayIsNoDuration(String spoken) {
        assertThat(SpokenDurations.minutes(SpeechNormaliser.words(spoken))).isEqualTo(Optional.empty());
    }
}
