package dev.postinglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.regex.Globs;
import dev.postinglint.core.input.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
    private static final Globs HTML = new Globs(List.of("**/*.html"));
    private static final Globs NONE = new Globs(List.of());

    @TempDir
    Path module;

    private void write(String relative) throws IOException {
        Path p = module.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "<p>posting</p>");
    }

    private static List<String> paths(Inputs.Found found) {
        return found.files().stream().map(InputFile::displayPath).toList();
    }

    @Test
    void findsPostingsRelativeToTheModuleBasedirInPathOrder() throws IOException {
        write("src/postings/b.html");
        write("src/postings/a.html");
        write("src/postings/eng/c.html");
        write("src/postings/notes.txt");
        write("src/postings/.drafts/d.html");
        write("other/e.html");

        Inputs.Found found = Inputs.collect(module, List.of("src/postings"), HTML, NONE);

        assertEquals(List.of("src/postings/a.html", "src/postings/b.html", "src/postings/eng/c.html"), paths(found));
        assertEquals(module.resolve("src/postings/a.html").toAbsolutePath(), found.files().get(0).path());
        assertTrue(found.missing().isEmpty());
        assertTrue(found.errors().isEmpty());
    }

    @Test
    void excludesAndSeveralDirectories() throws IOException {
        write("src/postings/a.html");
        write("src/postings/archive/old.html");
        write("careers/jobs/z.htm");

        Inputs.Found found = Inputs.collect(module, List.of("src/postings", "careers"),
                new Globs(List.of("**/*.html", "**/*.htm")), new Globs(List.of("archive")));

        assertEquals(List.of("careers/jobs/z.htm", "src/postings/a.html"), paths(found));
    }

    @Test
    void missingDirectoriesAreReportedNotFatal() throws IOException {
        Inputs.Found none = Inputs.collect(module, List.of("src/postings"), HTML, NONE);
        assertEquals(List.of(), none.files());
        assertEquals(List.of("src/postings"), none.missing());

        write("more/x.html");
        Inputs.Found some = Inputs.collect(module, List.of("src/postings", "more"), HTML, NONE);
        assertEquals(List.of("more/x.html"), paths(some));
        assertEquals(List.of("src/postings"), some.missing());
    }

    @Test
    void directoriesOutsideTheModuleShowAbsolutePaths(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("shared.html"), "<p>shared</p>");

        Inputs.Found found = Inputs.collect(module, List.of(elsewhere.toString()), HTML, NONE);

        assertEquals(List.of(elsewhere.toAbsolutePath().normalize().resolve("shared.html").toString().replace('\\', '/')),
                paths(found));
    }
}
