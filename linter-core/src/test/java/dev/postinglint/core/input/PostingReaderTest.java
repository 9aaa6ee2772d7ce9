package dev.postinglint.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.source.SourceText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
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

    /**
     * Decoding gives what the reporting decoder gives, and refuses what it refuses, NUL bytes first: random byte strings of ASCII, valid two- to four-byte sequences, U+FFFD itself, a BOM,
     * and bytes that are not UTF-8 (lone continuation bytes, truncated and overlong sequences, surrogates), and
     * NUL bytes (refused before invalid UTF-8, with the first one's offset).
     */
    @Test
    void decodingIsTheReportingDecodersWithNulBytesRefusedFirst() throws Exception {
        byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "<p>\n".getBytes(StandardCharsets.UTF_8),
                "\u00e9".getBytes(StandardCharsets.UTF_8), "\u2019".getBytes(StandardCharsets.UTF_8),
                "\ud83d\ude00".getBytes(StandardCharsets.UTF_8), "\ufffd".getBytes(StandardCharsets.UTF_8),
                {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x80},
                {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {0}};
        Random random = new Random(16);
        int refused = 0;
        for (int t = 0; t < 5_000; t++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                // mostly valid text, now and then a piece that is not UTF-8
                byte[] piece = pieces[random.nextInt(4) == 0 ? random.nextInt(pieces.length) : random.nextInt(6)];
                out.write(piece, 0, piece.length);
            }
            byte[] bytes = out.toByteArray();
            String expected;
            int nul = -1;
            for (int i = bytes.length - 1; i >= 0; i--) {
                nul = bytes[i] == 0 ? i : nul;
            }
            try {
                int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
                expected = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString() + (start == 3 ? " (BOM)" : "");
            } catch (CharacterCodingException e) {
                expected = "not valid UTF-8";
            }
            if (nul >= 0) {
                expected = "binary file (NUL byte at offset " + nul + ")";
            }
            try {
                SourceText s = PostingReader.decode("t", bytes);
                assertEquals(expected, s.text() + (s.hadBom() ? " (BOM)" : ""));
            } catch (InputProblem e) {
                assertTrue((nul >= 0 || expected.equals("not valid UTF-8")) && e.getMessage().startsWith(expected),
                        e.getMessage() + " where " + expected + " was expected");
                refused++;
            }
        }
        assertTrue(refused > 500, "refused " + refused);
    }

    /** The bytes are read into an array of the size the file had, and a file that shrank or grew meanwhile is read as it is, up to the limit and one byte. */
    @Test
    void aFileThatChangedSizeWhileReadIsReadAsItIs() throws Exception {
        byte[] ten = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals("0123456789", new String(PostingReader.readAll(new java.io.ByteArrayInputStream(ten), 10, 100), StandardCharsets.US_ASCII));
        assertEquals("0123456789", new String(PostingReader.readAll(new java.io.ByteArrayInputStream(ten), 4, 100), StandardCharsets.US_ASCII));
        assertEquals("0123456789", new String(PostingReader.readAll(new java.io.ByteArrayInputStream(ten), 20, 100), StandardCharsets.US_ASCII));
        assertEquals("01234567", new String(PostingReader.readAll(new java.io.ByteArrayInputStream(ten), 4, 7), StandardCharsets.US_ASCII));
        assertEquals("", new String(PostingReader.readAll(new java.io.ByteArrayInputStream(new byte[0]), 0, 7), StandardCharsets.US_ASCII));
    }

    private static String refusal(byte[] bytes) {
        InputProblem p = assertThrows(InputProblem.class, () -> PostingReader.decode("t", bytes));
        assertFalse(p.ioError());
        return p.getMessage();
    }

    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] b = part instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) part;
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Each way decoding refuses a file, with its whole message, in the order they are checked: UTF-16, NUL, not UTF-8. */
    @Test
    void eachRefusalHasItsMessageAndItsPlace() {
        String utf16 = "file is UTF-16 encoded; save it as UTF-8";
        assertEquals(utf16, refusal(bytes(new byte[] {(byte) 0xFE, (byte) 0xFF}, "\u0000<")));
        assertEquals(utf16, refusal(bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, "<\u0000")));
        // NUL: the first one's byte offset, counted from the file's start (a UTF-8 BOM included).
        assertEquals("binary file (NUL byte at offset 5), not a text posting", refusal(bytes("<p>\nx\u0000y\u0000")));
        assertEquals("binary file (NUL byte at offset 3), not a text posting", refusal(bytes(BOM, "\u0000")));
        assertEquals("binary file (NUL byte at offset 0), not a text posting", refusal(new byte[] {0}));
        // A NUL wins over invalid UTF-8, before or after it, and over a real U+FFFD.
        assertEquals("binary file (NUL byte at offset 4), not a text posting", refusal(bytes("<p>", new byte[] {(byte) 0xFF, 0})));
        assertEquals("binary file (NUL byte at offset 1), not a text posting", refusal(bytes("a", new byte[] {0, (byte) 0xC3})));
        assertEquals("binary file (NUL byte at offset 4), not a text posting", refusal(bytes("\uFFFDx", new byte[] {0})));
        // Not UTF-8: the byte offset (from the file's start) and the line of the first bad byte.
        assertEquals("not valid UTF-8 (byte offset 7, line 3); save the file as UTF-8",
                refusal(bytes("<p>\n\n\u00e9", new byte[] {(byte) 0xE9}, "</p>")));
        assertEquals("not valid UTF-8 (byte offset 4, line 2); save the file as UTF-8", refusal(bytes(BOM, "\n", new byte[] {(byte) 0x80})));
        assertEquals("not valid UTF-8 (byte offset 1, line 1); save the file as UTF-8",
                refusal(bytes("a", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))); // an encoded surrogate
        assertEquals("not valid UTF-8 (byte offset 2, line 1); save the file as UTF-8",
                refusal(bytes("ab", new byte[] {(byte) 0xE2, (byte) 0x80}))); // cut short at the end
    }

    /** What is not refused: a real U+FFFD, a BOM alone, nothing, and text of every width, ASCII or not. */
    @Test
    void textIsDecodedWhateverItHolds() throws Exception {
        assertEquals("a\uFFFDb", PostingReader.decode("t", bytes("a\uFFFDb")).text());
        SourceText bomOnly = PostingReader.decode("t", BOM);
        assertEquals("", bomOnly.text());
        assertTrue(bomOnly.hadBom());
        assertEquals("", PostingReader.decode("t", new byte[0]).text());
        String mixed = "<p>caf\u00e9 \u2019quoted\u2019 \ud83d\ude00 \u4e2d\u6587</p>\n";
        assertEquals(mixed, PostingReader.decode("t", bytes(mixed)).text());
        assertEquals("plain ascii", PostingReader.decode("t", bytes("plain ascii")).text());
        assertEquals("\uFEFFx", PostingReader.decode("t", bytes(BOM, BOM, "x")).text()); // only the first BOM is taken off
    }
}
