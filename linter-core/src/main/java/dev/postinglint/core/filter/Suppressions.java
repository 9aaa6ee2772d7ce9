package dev.postinglint.core.filter;

import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.source.SourceText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;

/**
 * Suppression comments in a posting, read from the parser's comment nodes (with their source positions):
 * <pre>
 * &lt;!-- posting-lint-disable RULE-ID[, RULE-ID...] -- reason --&gt;   ... &lt;!-- posting-lint-enable RULE-ID --&gt;
 * &lt;!-- posting-lint-disable-next RULE-ID -- reason --&gt;              (the next element only)
 * </pre>
 * No id, or {@code *}, means every rule. A {@code disable} without a matching {@code enable} runs to the end of
 * the posting; one that comes before the posting's first text covers it from the start (so that findings
 * about something missing, reported at the top, can be suppressed). A directive keeps working without a
 * reason but is reported ({@value BuiltinRules#SUPPRESSION_WITHOUT_REASON}); a directive (or one id of it) that suppressed nothing
 * is reported ({@value BuiltinRules#UNUSED_SUPPRESSION}), as PMD 7 does, so that stale ones get cleaned up; a comment that starts
 * with {@code posting-lint-} but is not a directive is reported ({@value BuiltinRules#INVALID_SUPPRESSION}). These findings cannot
 * themselves be suppressed.
 */
public final class Suppressions implements FindingFilter {
    private static final String CATEGORY = "suppression";

    private static final String PREFIX = "posting-lint-";
    private static final Pattern DIRECTIVE = Pattern.compile("(?s)posting-lint-([A-Za-z-]*)(?:\\s+(.*))?");
    private static final Pattern REASON_MARK = Pattern.compile("(?:^|\\s)--(?:\\s|$)");
    public static final Suppressions NONE = new Suppressions(List.of(), List.of(), 0);

    enum Kind {
        DISABLE("posting-lint-disable"), DISABLE_NEXT("posting-lint-disable-next"), ENABLE("posting-lint-enable");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    /**
     * One directive: the ids it names (empty for all rules), its reason, where the comment is, and the
     * source range {@code [from, to)} it suppresses in (findings are matched by where they start).
     */
    record Directive(Kind kind, List<String> ids, String reason, SourceSpan comment, SourceLine line, int from, int to) {
        boolean all() {
            return ids.isEmpty();
        }

        boolean covers(Finding f, int sourceLength) {
            int at = f.span().startOffset();
            return at >= from && (at < to || (to == sourceLength && at == to)) && (all() || ids.contains(f.ruleId()));
        }

        String text() {
            return kind.word + (all() ? "" : " " + String.join(", ", ids));
        }
    }

    private final List<Directive> directives;
    private final List<Finding> problems;
    private final int sourceLength;

    private Suppressions(List<Directive> directives, List<Finding> problems, int sourceLength) {
        this.directives = List.copyOf(directives);
        this.problems = List.copyOf(problems);
        this.sourceLength = sourceLength;
    }

    public boolean isEmpty() {
        return directives.isEmpty() && problems.isEmpty();
    }

    /** Reads the directives of a parsed posting. Keeps only small records, not the tree. */
    public static Suppressions of(Posting posting) {
        SourceText source = posting.source();
        int length = source.text().length();
        int firstText = posting.view().length() == 0 ? length : posting.view().sourceStart(0);
        List<Comment> comments = new ArrayList<>();
        posting.document().forEachNode(n -> {
            if (n instanceof Comment c && c.getData().strip().startsWith(PREFIX) && c.sourceRange().isTracked()) {
                comments.add(c);
            }
        });
        if (comments.isEmpty()) {
            return NONE;
        }
        List<Directive> done = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        List<Directive> open = new ArrayList<>();
        for (Comment c : comments) {
            int start = c.sourceRange().start().pos();
            int end = c.sourceRange().end().pos();
            SourceSpan span = source.span(start, end);
            SourceLine line = SourceLine.around(source, span.start());
            String data = c.getData().strip();
            Matcher m = DIRECTIVE.matcher(data);
            Kind kind = null;
            if (m.matches()) {
                for (Kind k : Kind.values()) {
                    if (k.word.equals(PREFIX + m.group(1))) {
                        kind = k;
                    }
                }
            }
            if (kind == null) {
                String word = data.split("\\s+", 2)[0];
                problems.add(problem(BuiltinRules.INVALID_SUPPRESSION, Severity.ERROR, "'" + word + "' is not a posting-lint directive; write "
                        + "posting-lint-disable, posting-lint-disable-next or posting-lint-enable", span, line, data));
                continue;
            }
            String rest = m.group(2) == null ? "" : m.group(2);
            Matcher rm = REASON_MARK.matcher(rest);
            String idText = rest;
            String reason = "";
            if (rm.find()) {
                idText = rest.substring(0, rm.start());
                reason = rest.substring(rm.end()).strip();
            }
            List<String> ids = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(idText.split("[,\\s]+"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList()));
            if (ids.contains("*")) {
                ids = List.of();
            }
            switch (kind) {
                case DISABLE -> open.add(new Directive(kind, List.copyOf(ids), reason, span, line,
                        start <= firstText ? 0 : end, length));
                case DISABLE_NEXT -> {
                    int[] range = nextElement(c, end);
                    if (range == null) {
                        problems.add(problem(BuiltinRules.INVALID_SUPPRESSION, Severity.ERROR, "posting-lint-disable-next has no element after it to apply to",
                                span, line, data));
                    } else {
                        done.add(new Directive(kind, List.copyOf(ids), reason, span, line, range[0], range[1]));
                    }
                }
                case ENABLE -> {
                    boolean closed = false;
                    for (int i = open.size() - 1; i >= 0; i--) {
                        Directive d = open.get(i);
                        boolean matches = ids.isEmpty() || (!d.all() && d.ids().stream().anyMatch(ids::contains));
                        if (!matches) {
                            continue;
                        }
                        closed = true;
                        open.remove(i);
                        List<String> closedIds = ids.isEmpty() ? d.ids() : d.ids().stream().filter(ids::contains).toList();
                        done.add(new Directive(d.kind(), closedIds, d.reason(), d.comment(), d.line(), d.from(), start));
                        List<String> still = d.ids().stream().filter(id -> !closedIds.contains(id)).toList();
                        if (!d.all() && !still.isEmpty()) {
                            open.add(i, new Directive(d.kind(), still, d.reason(), d.comment(), d.line(), d.from(), d.to()));
                        }
                    }
                    if (!closed) {
                        problems.add(problem(BuiltinRules.INVALID_SUPPRESSION, Severity.ERROR, "'" + data.replaceAll("\\s+", " ")
                                + "' matches no open posting-lint-disable" + (ids.isEmpty() ? "" : " of these rules")
                                + " (an enable ends a disable of the same ids, or every disable when it names none)",
                                span, line, data));
                    }
                }
            }
        }
        done.addAll(open);
        done.sort((a, b) -> Integer.compare(a.comment().startOffset(), b.comment().startOffset()));
        return new Suppressions(done, problems, length);
    }

    /** The source range of the first element that starts after the comment: its start tag to its end. */
    private static int[] nextElement(Comment c, int after) {
        Element root = c.ownerDocument();
        if (root == null) {
            return null;
        }
        for (Element e : root.getAllElements()) {
            Range r = e.sourceRange();
            if (!r.isTracked() || r.start().pos() < after) {
                continue;
            }
            return new int[] {r.start().pos(), endOf(e)};
        }
        return null;
    }

    private static int endOf(Element e) {
        Range end = e.endSourceRange();
        if (end.isTracked()) {
            return end.end().pos();
        }
        int[] max = {e.sourceRange().end().pos()};
        e.forEachNode((Node n) -> {
            Range r = n.sourceRange();
            if (r.isTracked()) {
                max[0] = Math.max(max[0], r.end().pos());
            }
            if (n instanceof Element el && el.endSourceRange().isTracked()) {
                max[0] = Math.max(max[0], el.endSourceRange().end().pos());
            }
        });
        return max[0];
    }

    private static Finding problem(String rule, Severity severity, String message, SourceSpan span, SourceLine line, String excerpt) {
        return new Finding(rule, CATEGORY, severity, message, span, "<!-- " + excerpt + " -->", null, null, line);
    }

    /** The posting's findings without those its comments suppress, plus the findings about the comments. */
    @Override
    public FileResult apply(FileResult result) {
        Applied applied = apply(result.findings());
        return result.withFindings(applied.findings()).withSuppressed(applied.suppressed());
    }

    /** Findings left after suppression, with the findings about the directives, and how many were suppressed. */
    public record Applied(List<Finding> findings, int suppressed) {
    }

    /**
     * Drops the findings a directive covers (never those about suppressions, input errors or waivers) and adds
     * the findings about directives: without a reason, unused, invalid. Result in reading order.
     */
    public Applied apply(List<Finding> findings) {
        if (isEmpty()) {
            return new Applied(findings, 0);
        }
        List<Finding> kept = new ArrayList<>();
        boolean[][] used = new boolean[directives.size()][];
        for (int i = 0; i < directives.size(); i++) {
            used[i] = new boolean[Math.max(1, directives.get(i).ids().size())];
        }
        int suppressed = 0;
        for (Finding f : findings) {
            if (!suppressible(f.ruleId())) {
                kept.add(f);
                continue;
            }
            boolean hit = false;
            for (int i = 0; i < directives.size(); i++) {
                Directive d = directives.get(i);
                if (d.covers(f, sourceLength)) {
                    hit = true;
                    used[i][d.all() ? 0 : d.ids().indexOf(f.ruleId())] = true;
                }
            }
            if (hit) {
                suppressed++;
            } else {
                kept.add(f);
            }
        }
        kept.addAll(problems);
        for (int i = 0; i < directives.size(); i++) {
            Directive d = directives.get(i);
            if (d.reason().isBlank()) {
                kept.add(problem(BuiltinRules.SUPPRESSION_WITHOUT_REASON, Severity.ERROR, "'" + d.text() + "' gives no reason: write '"
                        + d.text() + " -- why this is acceptable'", d.comment(), d.line(), d.text()));
            }
            if (d.all() && !used[i][0]) {
                kept.add(problem(BuiltinRules.UNUSED_SUPPRESSION, Severity.WARNING, "'" + d.text() + "' suppresses nothing: remove it",
                        d.comment(), d.line(), d.text()));
            } else if (!d.all()) {
                List<String> unused = new ArrayList<>();
                for (int k = 0; k < d.ids().size(); k++) {
                    if (!used[i][k]) {
                        unused.add(d.ids().get(k));
                    }
                }
                if (!unused.isEmpty()) {
                    kept.add(problem(BuiltinRules.UNUSED_SUPPRESSION, Severity.WARNING, "'" + d.text() + "' suppresses nothing for "
                            + String.join(", ", unused.stream().map(id -> "'" + id + "'").toList())
                            + ": remove " + (unused.size() == d.ids().size() ? "it" : "the unused " + (unused.size() == 1 ? "id" : "ids")),
                            d.comment(), d.line(), d.text()));
                }
            }
        }
        kept.sort(Finding.ORDER);
        return new Applied(kept, suppressed);
    }

    /** Findings about the linter's own machinery cannot be suppressed. */
    static boolean suppressible(String ruleId) {
        return !BuiltinRules.isBuiltin(ruleId);
    }
}
