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

/**
 * Reads a posting file as UTF-8 (a BOM is stripped). Refuses, with a message that says why and where,
 * what is not a text posting: NUL bytes, invalid UTF-8, UTF-16, or a file over the size limit.
 */
public final class PostingReader {
    private PostingReader() {
    }

    public static SourceText read(InputFile file, long maxBytes) throws InputProblem {
        byte[] bytes;
        try {
            String notRegular = RegularFile.problem(file.path());
            if (notRegular != null) {
                throw new InputProblem(notRegular, true);
            }
            long size = Files.size(file.path());
            if (size > maxBytes) {
                throw new InputProblem("file is too large (" + size + " bytes; the limit is " + maxBytes
                        + ", see --max-file-size)", false);
            }
            // Never more than the limit, even if the file grows while it is read.
            try (InputStream in = Files.newInputStream(file.path())) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
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
        return decode(file.displayPath(), bytes);
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

    public static SourceText decode(String name, byte[] bytes) throws InputProblem {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new InputProblem("file is UTF-16 encoded; save it as UTF-8", false);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new InputProblem("binary file (NUL byte at offset " + i + "), not a text posting", false);
            }
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
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
