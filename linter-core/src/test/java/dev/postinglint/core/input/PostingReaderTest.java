package dev.postinglint.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.source.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostingReaderTest {
    @TempDir
    Path dir;

    private InputFile file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return new InputFile(p, name);
    }

    @Test
    void bomIsStrippedAndRemembered() throws Exception {
        byte[] body = "<p>é</p>".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        SourceText s = PostingReader.read(file("a.html", withBom), 1000);
        assertEquals("<p>é</p>", s.text());
        assertTrue(s.hadBom());
        assertFalse(PostingReader.read(file("b.html", body), 1000).hadBom());
    }

    @Test
    void binaryInvalidUtf8AndUtf16AreRefusedWithAReason() throws Exception {
        InputProblem nul = assertThrows(InputProblem.class, () -> PostingReader.read(file("n.html", new byte[] {'<', 'p', 0, '>'}), 1000));
        assertTrue(nul.getMessage().contains("NUL byte at offset 2"));
        assertFalse(nul.ioError());
        InputProblem bad = assertThrows(InputProblem.class,
                () -> PostingReader.read(file("l.html", "<p>\ncaf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1)), 1000));
        assertTrue(bad.getMessage().contains("not valid UTF-8 (byte offset 7, line 2)"), bad.getMessage());
        InputProblem u16 = assertThrows(InputProblem.class,
                () -> PostingReader.read(file("u.html", "<p>x</p>".getBytes(StandardCharsets.UTF_16)), 1000));
        assertTrue(u16.getMessage().contains("UTF-16"));
    }

    @Test
    void tooLargeAndMissingFiles() throws Exception {
        InputProblem big = assertThrows(InputProblem.class, () -> PostingReader.read(file("big.html", new byte[2000]), 1000));
        assertTrue(big.getMessage().contains("too large"));
        InputProblem missing = assertThrows(InputProblem.class,
                () -> PostingReader.read(new InputFile(dir.resolve("none.html"), "none.html"), 1000));
        assertTrue(missing.ioError());
    }
}
