package io.dictum.core.encryption;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code java -jar dictum.jar keys ...}: generates and rotates master keysets without starting the server.
 *
 * <pre>
 * keys generate               print a new keyset (one AES-256-GCM key) to standard output
 * keys rotate FILE            add a new primary key to FILE; the old keys stay to decrypt
 * keys remove FILE KEY_ID     drop a key that no stored contents use any more (after a rewrap)
 * keys list FILE              the key ids, primary marked
 * </pre>
 */
public final class KeysTool {

    private KeysTool() {
    }

    /** Returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            String command = args.length == 0 ? "help" : args[0];
            switch (command) {
                case "generate" -> out.println(MasterKeys.generate().toJson());
                case "rotate" -> {
                    Path file = file(args);
                    MasterKeys rotated = MasterKeys.parse(Files.readString(file)).rotate();
                    write(file, rotated);
                    out.println("new primary key " + Integer.toUnsignedString(rotated.primaryId()) + " in " + file
                            + "; restart Dictum, then run the rewrap (README, Encryption at rest)");
                    list(rotated, out);
                }
                case "remove" -> {
                    Path file = file(args);
                    if (args.length < 3) {
                        throw new IllegalArgumentException("name the key id to remove: keys remove FILE KEY_ID");
                    }
                    MasterKeys kept = MasterKeys.parse(Files.readString(file))
                            .remove(Integer.parseUnsignedInt(args[2]));
                    write(file, kept);
                    list(kept, out);
                }
                case "list" -> list(MasterKeys.parse(Files.readString(file(args))), out);
                default -> {
                    err.println("usage: keys generate | keys rotate FILE | keys remove FILE KEY_ID | keys list FILE");
                    return command.equals("help") ? 0 : 2;
                }
            }
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("keys: " + e.getMessage());
            return 1;
        }
    }

    private static Path file(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("name the keyset file, e.g. keys " + args[0] + " /etc/dictum/keyset.json");
        }
        return Path.of(args[1]);
    }

    private static void list(MasterKeys keys, PrintStream out) {
        for (int id : keys.ids()) {
            out.println(Integer.toUnsignedString(id) + (id == keys.primaryId() ? " primary" : ""));
        }
    }

    /** Replaces the file atomically, readable by its owner only, so a crash never leaves half a keyset. */
    private static void write(Path file, MasterKeys keys) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "keyset", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the directory's ACL applies
            }
            Files.writeString(temp, keys.toJson());
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
