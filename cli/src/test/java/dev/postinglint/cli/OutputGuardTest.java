package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.session.SessionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output that is an input of the run, however it is named, is refused; any other file is not. */
class OutputGuardTest {
    @TempDir
    Path dir;

    @Test
    void anInputIsRefusedByNameLinkOrHardLinkAndOtherFilesAreNot() throws IOException {
        Path a = Files.writeString(dir.resolve("a.html"), "<p>a</p>");
        Path b = Files.writeString(dir.resolve("b.html"), "<p>b</p>");
        Path policy = Files.writeString(dir.resolve("team.yaml"), "name: team\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.html"), a.getFileName());
        Path hard = Files.createLink(dir.resolve("hard.html"), a);
        Path other = Files.writeString(dir.resolve("other.json"), "{}");
        Files.createDirectory(dir.resolve("sub"));
        OutputGuard guard = new OutputGuard(List.of(InputFile.of(a), InputFile.of(b)), List.of(policy.toString(), "builtin:default"), null);

        for (Path input : List.of(a, b, link, hard, policy, dir.resolve("sub/../a.html"))) {
            SessionException e = assertThrows(SessionException.class, () -> guard.check("-o", input), input.toString());
            assertTrue(e.getMessage().contains("is an input of this run"), e.getMessage());
        }
        assertDoesNotThrow(() -> guard.check("-o", other));
        assertDoesNotThrow(() -> guard.check("-o", dir.resolve("new.json")));
    }

    @Test
    void aPostingReachedThroughALinkProtectsTheFileItLinksTo() throws IOException {
        Path a = Files.writeString(dir.resolve("a.html"), "<p>a</p>");
        Path link = Files.createSymbolicLink(dir.resolve("link.html"), a.getFileName());
        Path baseline = Files.writeString(dir.resolve("baseline.json"), "{}");
        OutputGuard guard = new OutputGuard(List.of(InputFile.of(link)), List.of(), baseline);
        assertThrows(SessionException.class, () -> guard.check("-o", a));
        assertThrows(SessionException.class, () -> guard.check("--write-baseline", baseline));
    }
}
