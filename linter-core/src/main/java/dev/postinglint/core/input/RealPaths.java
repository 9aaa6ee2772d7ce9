package dev.postinglint.core.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Files' real paths ({@link Path#toRealPath}), each directory's resolved once. {@code toRealPath} looks at every
 * component of the path (one {@code readlink} each: six for {@code /tmp/corpus/html/acme/a.html}); for a file
 * that is not itself a symbolic link, its real path is its directory's real path and its name, so that is what
 * this gives, from the directory's real path found once. A file that is a link, or whose directory cannot be
 * resolved, is resolved on its own, as before. Not thread-safe: one per walk or check.
 */
public final class RealPaths {
    private final Map<Path, Optional<Path>> dirs = new HashMap<>();

    /**
     * {@code file.toRealPath()}, or {@code file.toAbsolutePath().normalize()} when that fails (a missing file, a
     * loop); one {@code lstat} of the file to know whether it is a link.
     */
    public Path of(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return alone(file);
        }
        return of(file, a.isSymbolicLink());
    }

    /** The same, when the caller has looked already whether {@code file} is a symbolic link. */
    Path of(Path file, boolean isLink) {
        Path dir = file.getParent();
        Path name = file.getFileName();
        // Only for a path as toRealPath would see it: absolute and without "." or ".." (they are resolved after links).
        if (isLink || dir == null || name == null || !file.isAbsolute() || !file.equals(file.normalize())) {
            return alone(file);
        }
        Optional<Path> real = dirs.computeIfAbsent(dir, RealPaths::resolve);
        return real.isPresent() ? real.get().resolve(name) : alone(file);
    }

    private static Optional<Path> resolve(Path dir) {
        try {
            return Optional.of(dir.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path alone(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
