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
        String name = file.path().getFileName() == null ? "" : file.path().getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return MARKDOWN;
        }
        return startsWithBrace(file) ? JSON : HTML;
    }

    private static boolean startsWithBrace(InputFile file) {
        if (dev.postinglint.core.source.RegularFile.problem(file.path()) != null) {
            return false; // never open a FIFO or device to look at it; reading it as HTML reports what it is
        }
        try (InputStream in = Files.newInputStream(file.path())) {
            byte[] head = in.readNBytes(512);
            int i = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
            while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) {
                i++;
            }
            return i < head.length && head[i] == '{';
        } catch (IOException e) {
            return false; // reading it as HTML will report the problem
        }
    }
}
