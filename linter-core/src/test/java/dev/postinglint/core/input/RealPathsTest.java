package dev.postinglint.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real paths found a directory at a time are those {@code toRealPath} finds a file at a time, links or not. */
class RealPathsTest {
    @TempDir
    Path dir;

    /** What InputCollector and the CLI's output guard did before: toRealPath, or the normalized path when it fails. */
    private static Path expected(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    @Test
    void theSameAsToRealPathForFilesLinksLinkedDirectoriesAndMissingFiles() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real/jobs"));
        Files.writeString(real.resolve("a.html"), "<p>a</p>");
        Files.writeString(real.resolve("b.html"), "<p>b</p>");
        Files.createSymbolicLink(dir.resolve("linked"), real);                        // a linked directory
        Files.createSymbolicLink(real.resolve("alias.html"), real.resolve("a.html")); // a linked file
        Files.createSymbolicLink(real.resolve("relative.html"), Path.of("b.html"));   // relative to its directory
        Files.createSymbolicLink(real.resolve("twice.html"), real.resolve("alias.html"));
        Files.createSymbolicLink(real.resolve("dangling.html"), real.resolve("none.html"));
        Files.createSymbolicLink(real.resolve("loop.html"), real.resolve("loop.html"));
        Files.createSymbolicLink(dir.resolve("up"), dir.resolve("real/jobs/.."));
        List<Path> paths = List.of(real.resolve("a.html"), real.resolve("b.html"), dir.resolve("linked/a.html"),
                dir.resolve("linked/alias.html"), real.resolve("alias.html"), real.resolve("relative.html"),
                dir.resolve("linked/relative.html"), real.resolve("twice.html"), real.resolve("dangling.html"),
                real.resolve("loop.html"), real.resolve("missing.html"), dir.resolve("missing/a.html"),
                dir.resolve("up/jobs/a.html"), dir.resolve("linked/../real/jobs/b.html"), Path.of("relative/x.html"), real);
        RealPaths reals = new RealPaths();
        for (int round = 0; round < 2; round++) { // the second round answers from the directories already resolved
            for (Path p : paths) {
                assertEquals(expected(p), reals.of(p), p.toString());
            }
        }
        // Told by the caller whether the file is a link, as the walk does.
        assertEquals(expected(dir.resolve("linked/alias.html")), new RealPaths().of(dir.resolve("linked/alias.html"), true));
        assertEquals(real.toRealPath().resolve("b.html"), new RealPaths().of(dir.resolve("linked/b.html"), false));
    }
}
