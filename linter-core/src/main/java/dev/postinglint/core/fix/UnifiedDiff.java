package dev.postinglint.core.fix;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff ({@code --- a/PATH}, {@code +++ b/PATH}, hunks with 3 lines of context) that {@code patch -p1}
 * and {@code git apply} apply exactly: lines keep a CR of CRLF line ends (as {@code git diff} shows them), and a
 * last line without a line end is followed by {@code \ No newline at end of file}.
 */
public final class UnifiedDiff {
    /** Marks, inside the diff, a last line that has no line end (so that it differs from one that has). */
    private static final String NO_EOL = "\u0000";

    private UnifiedDiff() {
    }

    /** The diff between two versions of a file, or "" when they are the same. */
    public static String of(String path, String original, String revised) {
        if (original.equals(revised)) {
            return "";
        }
        List<String> a = lines(original);
        List<String> b = lines(revised);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, a, patch, 3);
        StringBuilder s = new StringBuilder();
        for (String line : out) {
            if (line.endsWith(NO_EOL)) {
                s.append(line, 0, line.length() - 1).append("\n\\ No newline at end of file\n");
            } else {
                s.append(line).append('\n');
            }
        }
        return s.toString();
    }

    /** Lines split at LF (a CR before it stays on the line); a last line without LF is marked. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        } else {
            out.set(out.size() - 1, out.get(out.size() - 1) + NO_EOL);
        }
        return out;
    }
}
