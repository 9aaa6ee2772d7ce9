package dev.postinglint.core.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Files posting-lint wrote (the HTML report, JSON reports, GitLab Code Quality reports, baselines): never
 * postings, and left out of directory walks without a note, so that a report written beside the postings does
 * not become a finding or a line of noise on the next run. Known by their first bytes, whatever their name.
 */
final class OwnOutputs {
    /** How much of a file's start is looked at (enough for {@link InputKind}'s look as well). */
    static final int HEAD = 2048;
    private static final String HTML_MARK = "<meta name=\"generator\" content=\"posting-lint\">";
    private static final Pattern JSON_REPORT = Pattern.compile(
            "\\A\\s*\\{\\s*\"tool\"\\s*:\\s*\\{\\s*\"name\"\\s*:\\s*\"posting-lint\"");
    private static final Pattern BASELINE = Pattern.compile("\\A\\s*\\{\\s*\"posting-lint-baseline\"\\s*:");
    private static final Pattern CODE_QUALITY = Pattern.compile(
            "\\A\\s*\\[\\s*(\\]|\\{\\s*\"type\"\\s*:\\s*\"issue\"\\s*,\\s*\"description\")");

    private OwnOutputs() {
    }

    /** Whether the file is our HTML report, from its first {@link #HEAD} bytes (all of them when it is shorter). */
    static boolean isHtmlReport(byte[] head) {
        return new String(head, 0, Math.min(head.length, HEAD), StandardCharsets.UTF_8).contains(HTML_MARK);
    }

    static boolean isJsonOutput(Path file) {
        String head = head(file);
        return JSON_REPORT.matcher(head).find() || BASELINE.matcher(head).find() || CODE_QUALITY.matcher(head).find();
    }

    private static String head(Path file) {
        return new String(headBytes(file), StandardCharsets.UTF_8);
    }

    /** The file's first {@link #HEAD} bytes; none when it cannot be read (reading it as a posting will report the problem). */
    static byte[] headBytes(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
