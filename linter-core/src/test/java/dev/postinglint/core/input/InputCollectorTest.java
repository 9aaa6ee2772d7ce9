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

    private List<String> baseNames(InputCollector.Collected c) {
        return c.files().stream().map(f -> f.path().getFileName().toString()).sorted().toList();
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

    /**
     * What one look at a file's start decides in a walk (its kind, whether it is our own report) and what its file key
     * decides: a file reached twice is checked once, under the name that reaches it without a link.
     */
    @Test
    void aWalkReadsEachFilesStartOnceAndKnowsFilesReachedTwice(@TempDir Path outside) throws IOException {
        touch("jobs/a.html");
        touch("jobs/b.html");
        Files.writeString(dir.resolve("jobs/export.html"), "\uFEFF {\"jobs\": [{\"id\": 1, \"content\": \"<p>x</p>\"}]}");
        Files.writeString(dir.resolve("jobs/list.html"), "{\"items\": []}"); // JSON by content, yet not an export
        Files.writeString(dir.resolve("jobs/report.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta name=\"generator\" content=\"posting-lint\"><title>r</title></head><body></body></html>");
        Files.writeString(dir.resolve("jobs/report.json"), "{\"tool\": {\"name\": \"posting-lint\"}, \"files\": []}");
        Files.createSymbolicLink(dir.resolve("also"), dir.resolve("jobs"));          // the same directory again
        Files.createSymbolicLink(dir.resolve("jobs/c.html"), dir.resolve("jobs/a.html")); // the same file again
        Files.writeString(outside.resolve("o.html"), "<p>o</p>");
        Files.createSymbolicLink(dir.resolve("jobs/out.html"), outside.resolve("o.html"));
        Globs all = new Globs(List.of("**/*.html", "**/*.json"));
        InputCollector.Collected r = new InputCollector(all, new Globs(List.of())).collect(List.of(dir));
        // A file reached twice keeps the name that is its real path, whichever the walk met first.
        assertEquals(List.of("a.html", "b.html", "export.html"), baseNames(r));
        assertEquals(List.of("list.html: skipped, JSON but not a job board export"),
                r.notes().stream().filter(n -> !n.contains("out.html")).map(n -> n.substring(n.lastIndexOf('/') + 1)).distinct().toList());
        assertEquals(2, r.notes().stream().filter(n -> n.contains("out.html: skipped, a symbolic link out of")).count()); // also/ and jobs/
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        // Allowed out, the link is a posting of its own (its target is not reached otherwise).
        InputCollector.Collected out = new InputCollector(all, new Globs(List.of()), true).collect(List.of(dir));
        assertEquals(List.of("a.html", "b.html", "export.html", "out.html"), baseNames(out));
        // Named twice, through a link and directly, a file is one posting, under its own name in either order.
        List<Path> twice = List.of(dir.resolve("jobs/b.html"), dir.resolve("also/b.html"), dir.resolve("jobs/c.html"), dir.resolve("jobs/a.html"));
        InputCollector.Collected named = new InputCollector(all, new Globs(List.of())).collect(twice);
        assertEquals(List.of("jobs/a.html", "jobs/b.html"), names(named));
        List<Path> reversed = new java.util.ArrayList<>(twice);
        java.util.Collections.reverse(reversed);
        assertEquals(names(named), names(new InputCollector(all, new Globs(List.of())).collect(reversed)));
    }

    /** Two names of one file that are both its own (a hard link) are one posting too, under the first in sort order. */
    @Test
    void aHardLinkIsTheSameFile() throws IOException {
        touch("jobs/b.html");
        Files.createLink(dir.resolve("jobs/a.html"), dir.resolve("jobs/b.html"));
        touch("jobs/c.html");
        Globs html = new Globs(List.of("**/*.html"));
        assertEquals(List.of("a.html", "c.html"), baseNames(new InputCollector(html, new Globs(List.of())).collect(List.of(dir))));
        assertEquals(List.of("jobs/a.html"), names(new InputCollector(html, new Globs(List.of())).collect(
                List.of(dir.resolve("jobs/b.html"), dir.resolve("jobs/a.html")))));
    }
}
