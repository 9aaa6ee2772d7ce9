package dev.postinglint.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.postinglint.core.regex.Globs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputCollectorTest {
    @TempDir
    Path dir;

    private void touch(String rel) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "<p>x</p>");
    }

    private List<String> names(InputCollector.Collected c) {
        return c.files().stream().map(f -> dir.relativize(f.path()).toString().replace('\\', '/')).toList();
    }

    @Test
    void walksRecursivelyWithIncludesExcludesAndSkipsDotDirs() throws IOException {
        touch("a.html");
        touch("jobs/b.html");
        touch("jobs/drafts/c.html");
        touch("jobs/notes.txt");
        touch(".git/d.html");
        touch("node_modules/e.html");
        InputCollector all = new InputCollector(new Globs(List.of("**/*.html")), new Globs(List.of()));
        assertEquals(List.of("a.html", "jobs/b.html", "jobs/drafts/c.html"), names(all.collect(List.of(dir))));
        InputCollector noDrafts = new InputCollector(new Globs(List.of("**/*.html")), new Globs(List.of("**/drafts/**")));
        assertEquals(List.of("a.html", "jobs/b.html"), names(noDrafts.collect(List.of(dir))));
    }

    @Test
    void explicitFilesAreAlwaysCheckedAndDeduplicated() throws IOException {
        touch("x.txt");
        InputCollector c = new InputCollector(new Globs(List.of("**/*.html")), new Globs(List.of()));
        assertEquals(List.of("x.txt"), names(c.collect(List.of(dir.resolve("x.txt"), dir.resolve("x.txt")))));
    }

    @Test
    void symlinkLoopsAreNotedNotFatal() throws IOException {
        touch("d/a.html");
        Files.createSymbolicLink(dir.resolve("d/loop"), dir.resolve("d"));
        Files.createSymbolicLink(dir.resolve("d/alias.html"), dir.resolve("d/a.html"));
        InputCollector c = new InputCollector(new Globs(List.of("**/*.html")), new Globs(List.of()));
        InputCollector.Collected r = c.collect(List.of(dir));
        assertEquals(List.of("d/a.html"), names(r));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("symbolic link loop")), r.notes().toString());
        assertTrue(r.errors().isEmpty());
    }

    @Test
    void missingPathsAreErrors() {
        InputCollector c = new InputCollector(new Globs(List.of("**/*.html")), new Globs(List.of()));
        InputCollector.Collected r = c.collect(List.of(dir.resolve("nope")));
        assertTrue(r.files().isEmpty());
        assertTrue(r.errors().get(0).endsWith("nope: no such file or directory"));
    }

    @Test
    void globsMatchAtTheTopLevelToo() {
        Globs g = new Globs(List.of("**/*.html"));
        assertTrue(g.matches("a.html"));
        assertTrue(g.matches("x/y/a.html"));
        assertTrue(!g.matches("a.htm"));
    }
}
