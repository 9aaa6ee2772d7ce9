package dev.postinglint.core.input;

import dev.postinglint.core.source.RegularFile;
import dev.postinglint.core.source.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;

/**
 * Reads a posting file as UTF-8 (a BOM is stripped). Refuses, with a message that says why and where,
 * what is not a text posting: NUL bytes, invalid UTF-8, UTF-16, or a file over the size limit.
 */
public final class PostingReader {
    private PostingReader() {
    }

    public static SourceText read(InputFile file, long maxBytes) throws InputProblem {
        return decode(file.displayPath(), bytes(file, maxBytes));
    }

    /**
     * Reading posting files from disk, as {@link #read} does, as a {@link Sources}: {@link Inputs} knows it, and
     * reads a small file once for both its kind and its text.
     */
    public record FromFiles(long maxBytes) implements Sources {
        @Override
        public SourceText read(InputFile file) throws InputProblem {
            return PostingReader.read(file, maxBytes);
        }
    }

    /**
     * The file's bytes when it is a regular file of at most {@code limit} bytes that can be read, read as
     * {@link #read} reads them; null otherwise (then {@link #read} says what is wrong, when it is asked).
     */
    static byte[] bytesIfAtMost(InputFile file, long limit) {
        try {
            return bytes(file, limit);
        } catch (InputProblem e) {
            return null;
        }
    }

    /** The file's bytes, refused as {@link #read} refuses them (not a regular file, too large, unreadable). */
    static byte[] bytes(InputFile file, long maxBytes) throws InputProblem {
        byte[] bytes;
        try {
            RegularFile.Checked checked = RegularFile.check(file.path());
            if (checked.problem() != null) {
                throw new InputProblem(checked.problem(), true);
            }
            long size = checked.size();
            if (size > maxBytes) {
                throw new InputProblem("file is too large (" + size + " bytes; the limit is " + maxBytes
                        + ", see --max-file-size)", false);
            }
            try (InputStream in = Files.newInputStream(file.path())) {
                bytes = readAll(in, (int) Math.min(size, Integer.MAX_VALUE - 9L), maxBytes);
            }
        } catch (NoSuchFileException e) {
            throw new InputProblem("no such file", true);
        } catch (AccessDeniedException e) {
            throw new InputProblem("permission denied", true);
        } catch (FileSystemLoopException e) {
            throw new InputProblem("symbolic link loop", true);
        } catch (IOException e) {
            throw new InputProblem("cannot read: " + e.getMessage(), true);
        }
        if (bytes.length > maxBytes) {
            throw new InputProblem("file is too large (" + bytes.length + " bytes; the limit is " + maxBytes + ")", false);
        }
        return bytes;
    }

    /**
     * The stream's bytes, never more than {@code maxBytes + 1} even if the file grows while it is read.
     * Speed: read into an array of the size the file had, the common case, rather than in chunks that are
     * copied together; one more read finds the end (or that the file grew: then the rest as well).
     */
    static byte[] readAll(InputStream in, int size, long maxBytes) throws IOException {
        byte[] bytes = new byte[size];
        int n = in.readNBytes(bytes, 0, size);
        if (n < size) {
            return Arrays.copyOf(bytes, n); // it shrank
        }
        int next = in.read();
        if (next < 0) {
            return bytes;
        }
        byte[] rest = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L - size - 1, maxBytes - size));
        byte[] all = Arrays.copyOf(bytes, size + 1 + rest.length);
        all[size] = (byte) next;
        System.arraycopy(rest, 0, all, size + 1, rest.length);
        return all;
    }

    /**
     * A posting's bytes given in memory (an editor's buffer on standard input), named as {@code file}, under
     * the same limits as a file on disk.
     */
    public static SourceText fromBytes(InputFile file, byte[] bytes, long maxBytes) throws InputProblem {
        if (bytes.length > maxBytes) {
            throw new InputProblem("standard input is too large (over " + maxBytes + " bytes, see --max-file-size)", false);
        }
        return decode(file.displayPath(), bytes);
    }

    /**
     * The text of a posting's bytes: refused when UTF-16 (a byte-order mark says so), then when it has a NUL byte,
     * then when it is not valid UTF-8, in that order (a file with both a NUL and invalid UTF-8 is reported binary).
     */
    public static SourceText decode(String name, byte[] bytes) throws InputProblem {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new InputProblem("file is UTF-16 encoded; save it as UTF-8", false);
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        // Speed (docs/BENCHMARKS.md, "Round 10: input handling"): the String constructor copies runs of ASCII at once
        // and replaces whatever is not UTF-8 with U+FFFD, so a text without U+FFFD came from valid UTF-8, where a NUL
        // byte is a NUL character and nothing else: the intrinsic indexOf finds it. Only a text with U+FFFD (not UTF-8,
        // or a real U+FFFD) is decoded again, the checking way, which says where the error is.
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            return checked(name, bytes, start);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw binary(bytes);
        }
        return new SourceText(name, text, start == 3);
    }

    private static InputProblem binary(byte[] bytes) {
        int i = 0;
        while (bytes[i] != 0) {
            i++;
        }
        return new InputProblem("binary file (NUL byte at offset " + i + "), not a text posting", false);
    }

    /** Decoding that finds the first NUL byte, then the first byte that is not UTF-8, and says where. */
    private static SourceText checked(String name, byte[] bytes, int start) throws InputProblem {
        for (byte b : bytes) {
            if (b == 0) {
                throw binary(bytes);
            }
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = start; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InputProblem("not valid UTF-8 (byte offset " + at + ", line " + line
                    + "); save the file as UTF-8", false);
        }
        dec.flush(out);
        out.flip();
        return new SourceText(name, out.toString(), start == 3);
    }
}
