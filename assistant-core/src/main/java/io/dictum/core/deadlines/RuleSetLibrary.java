package io.dictum.core.deadlines;

import io.dictum.core.DictumProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The rule sets Dictum knows: those shipped in the jar ({@code io/dictum/core/deadlines/calendars} and
 * {@code rulesets}) and any the firm puts into {@code <data dir>/deadlines/} as {@code .yaml}, {@code .yml} or
 * {@code .json} files, for example a set that {@code extends: FRCP} and adds the state's holidays and the court's
 * closures. Read once at start; broken data stops the start with a message naming the file.
 */
@Component
public class RuleSetLibrary {

    private static final String CLASSPATH = "classpath*:io/dictum/core/deadlines/";

    private final Map<String, RuleSet> sets;

    @Autowired
    public RuleSetLibrary(DictumProperties properties) {
        this(properties.dataDir().resolve("deadlines"));
    }

    RuleSetLibrary(Path firmDir) {
        RuleSetLoader loader = new RuleSetLoader();
        addClasspath(loader);
        if (firmDir != null && Files.isDirectory(firmDir)) {
            try (Stream<Path> files = Files.list(firmDir)) {
                for (Path f : files.filter(RuleSetLibrary::isData).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        loader.add(f.toString(), in);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read rule sets in " + firmDir, e);
            }
        }
        this.sets = loader.resolve();
    }

    /** Only the shipped rule sets. */
    public static RuleSetLibrary builtIn() {
        return new RuleSetLibrary((Path) null);
    }

    private static void addClasspath(RuleSetLoader loader) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                RuleSetLibrary.class.getClassLoader());
        try {
            List<Resource> resources = new ArrayList<>();
            resources.addAll(List.of(resolver.getResources(CLASSPATH + "calendars/*.yaml")));
            resources.addAll(List.of(resolver.getResources(CLASSPATH + "rulesets/*.yaml")));
            for (Resource r : resources) {
                try (InputStream in = r.getInputStream()) {
                    loader.add(r.getFilename(), in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped rule sets", e);
        }
    }

    private static boolean isData(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    public Optional<RuleSet> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sets.get(RuleSetLoader.key(id)));
    }

    public Collection<RuleSet> all() {
        return sets.values();
    }

    public List<String> ids() {
        return sets.values().stream().map(RuleSet::id).toList();
    }
}
