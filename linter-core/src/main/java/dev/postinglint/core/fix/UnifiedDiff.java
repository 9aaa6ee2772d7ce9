package dev.postinglint.core.fix;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A unified diff ({@code --- a/PATH}, {@code +++ b/PATH}, hunks with 3 lines of context), as git and patch read it. */
public final class UnifiedDiff {
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
            s.append(line).append('\n');
        }
        return s.toString();
    }

    /** Lines without their terminators (\n, \r\n or \r); a final terminator does not start another line. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(Arrays.asList(text.split("\r\n|\r|\n", -1)));
        if (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
