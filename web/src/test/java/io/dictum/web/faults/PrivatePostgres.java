package io.dictum.web.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server of its own (initdb and pg_ctl in a temporary directory, on a free loopback port), so
 * that a test may stop and restart it without touching the machine's shared server. PostgreSQL refuses to run as
 * root, so under root it runs as the {@code postgres} system user.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The newest installed server binaries, if any. */
    static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static PrivatePostgres create(Path bin) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("dictum-pg-");
        if (root) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PrivatePostgres pg = new PrivatePostgres(bin, dir, port, root);
        pg.run("initdb", "-D", dir.resolve("data").toString(), "-U", "dictum", "--auth=trust", "-E", "UTF8",
                "--no-sync");
        pg.start();
        return pg;
    }

    String r2dbcUrl() {
        return "r2dbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    void start() throws Exception {
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -h 127.0.0.1 -k " + dir + " -c fsync=on", "start");
    }

    /** A fast shutdown: connections are cut, committed data stays. */
    void stop() throws Exception {
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (Exception alreadyStopped) {
            // stopped by the test
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void run(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile()).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
