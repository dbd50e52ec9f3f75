package io.dictum.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

class BillingUtbmsCodesTest {

    private final UtbmsCodes codes = UtbmsCodes.standard();

    @Test
    void thePublishedListsAreComplete() {
        assertThat(codes.activities()).extracting(UtbmsCodes.Code::code).containsExactly("A101", "A102", "A103",
                "A104", "A105", "A106", "A107", "A108", "A109", "A110", "A111");
        assertThat(codes.phases()).extracting(UtbmsCodes.Code::code)
                .containsExactly("L100", "L200", "L300", "L400", "L500");
        assertThat(codes.tasks()).hasSize(29).extracting(UtbmsCodes.Code::code).contains("L110", "L190", "L210",
                "L260", "L310", "L390", "L410", "L470", "L510", "L530");
        assertThat(codes.tasks()).allSatisfy(t -> assertThat(t.code().substring(0, 2))
                .isEqualTo(t.phase().substring(0, 2)));
        assertThat(codes.expenses()).hasSize(24).first().extracting(UtbmsCodes.Code::code).isEqualTo("E101");
    }

    @Test
    void codesAreCheckedAndNormalised() {
        assertThat(codes.task(" l330 ")).isEqualTo("L330");
        assertThat(codes.task(null)).isNull();
        assertThat(codes.task("")).isNull();
        assertThat(codes.activity("a103")).isEqualTo("A103");
        assertThat(codes.expense("E112")).isEqualTo("E112");
        assertThatThrownBy(() -> codes.task("L300")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("phase").hasMessageContaining("L330");
        assertThatThrownBy(() -> codes.task("L600")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> codes.task("L335")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> codes.activity("A112")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> codes.activity("A100")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> codes.expense("E125")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> codes.expense("L110")).isInstanceOf(InvalidInputException.class);
    }
}
