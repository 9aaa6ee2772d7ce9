package dev.postinglint.core.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * What kind of posting file a path holds. The content decides where it can: a file whose first
 * character (after a byte-order mark and white space) is <code>{</code> is JSON whatever its name, and
 * so is a {@code .json} file; {@code .md} and {@code .markdown} files are Markdown; everything else
 * is HTML (a fragment or a whole page).
 */
public enum InputKind {
    HTML, MARKDOWN, JSON;

    /** What {@code check} looks for inside directories when no {@code --include} is given. */
    public static final List<String> DEFAULT_INCLUDES =
            List.of("**/*.html", "**/*.htm", "**/*.md", "**/*.markdown", "**/*.json");

    public static InputKind of(InputFile file) {
        InputKind byName = byName(file);
        return byName != null ? byName : startsWithBrace(file) ? JSON : HTML;
    }

    /** JSON or Markdown when the name says so; null when the content decides (JSON or HTML). */
    static InputKind byName(InputFile file) {
        String name = file.path().getFileName() == null ? "" : file.path().getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return MARKDOWN;
        }
        return null;
    }

    /**
     * The kind, deciding by {@code head} (the file's first bytes, at least {@value #SNIFFED} of them when it has
     * that many) where the name does not: the same answer as {@link #of(InputFile)}, from bytes already read.
     */
    static InputKind of(InputFile file, byte[] head) {
        InputKind byName = byName(file);
        return byName != null ? byName : startsWithBrace(head) ? JSON : HTML;
    }

    /** How much of a file's start is looked at for its first character. */
    static final int SNIFFED = 512;

    private static boolean startsWithBrace(InputFile file) {
        if (dev.postinglint.core.source.RegularFile.problem(file.path()) != null) {
            return false; // never open a FIFO or device to look at it; reading it as HTML reports what it is
        }
        try (InputStream in = Files.newInputStream(file.path())) {
            return startsWithBrace(in.readNBytes(SNIFFED));
        } catch (IOException e) {
            return false; // reading it as HTML will report the problem
        }
    }

    /** Whether the first non-blank character within the first {@value #SNIFFED} bytes (after a UTF-8 BOM) is a brace. */
    static boolean startsWithBrace(byte[] bytes) {
        int end = Math.min(bytes.length, SNIFFED);
        int i = end >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        while (i < end && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
            i++;
        }
        return i < end && bytes[i] == '{';
    }
}
