package io.dictum.core.assistant.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a spoken event is named back when the docket cannot take it. */
class DeadlineCommandsTest {

    @Test
    void anEventIsNamedWithTheArticleItTakes() {
        assertThat(DeadlineCommands.withArticle("arraignment")).isEqualTo("an arraignment");
        assertThat(DeadlineCommands.withArticle("status conference")).isEqualTo("a status conference");
    }
}
