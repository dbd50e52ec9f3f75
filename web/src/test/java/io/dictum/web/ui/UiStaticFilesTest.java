package io.dictum.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.web.WebTestSupport;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The UI's files are served without sign-in, from Dictum itself only; the API behind them stays protected. */
class UiStaticFilesTest extends WebTestSupport {

    @Test
    void theUiIsServedWithoutSignInAndWithAStrictContentSecurityPolicy() {
        for (String path : List.of("/", "/app/main.js", "/app/app.css", "/app/pcm-recorder-worklet.js")) {
            client().get().uri(path).exchange().expectStatus().isOk()
                    .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                            .contains("default-src 'self'").contains("script-src 'self'")
                            .contains("frame-ancestors 'none'").contains("object-src 'none'")
                            // frames only from blob: (the document preview), never another site
                            .contains("frame-src blob:;"));
        }
        client().get().uri("/app/main.js").exchange().expectHeader()
                .value("Content-Type", type -> assertThat(type).contains("javascript"));
    }

    @Test
    void theApiStillNeedsAToken() {
        assertProblem(client().get().uri("/api/v1/cases").exchange(), 401);
        assertProblem(client().post().uri("/api/v1/assistant/commands").bodyValue("{}").exchange(), 401);
    }

    @Test
    void nothingIsFetchedFromAnotherSite() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/static/index.html").toURI()).getParent();
        Pattern remote = Pattern.compile("(src|href|url|import)[^\\n]{0,20}[\"'(]\\s*(https?:)?//", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(html|js|css)$")).toList()) {
                assertThat(remote.matcher(Files.readString(file)).find()).as("%s loads nothing remote", file).isFalse();
            }
        }
    }
}
