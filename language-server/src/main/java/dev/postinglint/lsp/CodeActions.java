package dev.postinglint.lsp;

import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.fix.FixPlanner;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.session.EditorSession;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Quick fixes for the findings under the cursor: each finding's own fix (the edit {@code posting-lint fix} makes),
 * all of one rule's fixes in the file (the fix loop, as one edit), and a suppression comment with a reason to fill in.
 */
final class CodeActions {
    static final String REASON_PLACEHOLDER = "REASON";

    private CodeActions() {
    }

    static List<Either<Command, CodeAction>> of(EditorSession session, PostingLintServer.Doc d, Range range) {
        Findings.Shown shown = d.shown;
        String text = d.text;
        int version = d.version;
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        FileResult result = shown.result();
        if (result.origin() != null) {
            return out; // a board job: its findings are not positioned in the export's text
        }
        Set<String> fixAllOffered = new LinkedHashSet<>();
        Set<String> suppressOffered = new LinkedHashSet<>();
        for (int i = 0; i < shown.findings().size(); i++) {
            Finding f = shown.findings().get(i);
            Diagnostic diag = shown.diagnostics().get(i);
            if (!overlaps(diag.getRange(), range)) {
                continue;
            }
            if (f.fix() != null) {
                List<TextEdit> edits = new ArrayList<>();
                // A finding reported once per posting has one edit per place; planned as posting-lint fix plans them.
                for (FixPlanner.Edit e : FixPlanner.plan(text, List.of(f)).edits()) {
                    edits.add(new TextEdit(new Range(Ranges.positionOf(text, e.start()), Ranges.positionOf(text, e.end())), e.replacement()));
                }
                if (edits.isEmpty()) {
                    edits.add(new TextEdit(Ranges.of(f.fix().span()), f.fix().replacement()));
                }
                String where = f.places() > 1 ? " (" + f.places() + " places)" : "";
                CodeAction a = action("Fix [" + f.ruleId() + "]: " + f.fix().description() + where, diag, edit(d.uri, edits));
                a.setIsPreferred(true);
                out.add(Either.forRight(a));
                long others = shown.findings().stream().filter(o -> o.ruleId().equals(f.ruleId()) && o.fix() != null).count();
                if (others > 1 && fixAllOffered.add(f.ruleId()) && version == d.version) {
                    String fixed = session.fix(d.path, text, f.ruleId()::equals);
                    if (!fixed.equals(text)) {
                        out.add(Either.forRight(action("Fix all [" + f.ruleId() + "] problems in this file (" + others + ")", null,
                                edit(d.uri, wholeChange(text, fixed)))));
                    }
                }
            }
            if (suppressible(d, f) && suppressOffered.add(f.ruleId())) {
                out.add(Either.forRight(action("Suppress [" + f.ruleId() + "] here, with a reason", diag,
                        edit(d.uri, suppression(text, f)))));
            }
        }
        return out;
    }

    /** Suppression comments are read where the markup is the source: HTML files, not Markdown; never for built-in findings. */
    private static boolean suppressible(PostingLintServer.Doc d, Finding f) {
        String name = d.path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean html = name.endsWith(".html") || name.endsWith(".htm");
        return html && BuiltinRules.find(f.ruleId()).isEmpty();
    }

    /** {@code <!-- posting-lint-disable-next RULE -- REASON -->} on its own line before the finding's line, indented as it is. */
    static TextEdit suppression(String text, Finding f) {
        int line = f.span().start().line() - 1;
        int lineStart = Ranges.offset(text, new Position(line, 0));
        int indentEnd = lineStart;
        while (indentEnd < text.length() && (text.charAt(indentEnd) == ' ' || text.charAt(indentEnd) == '\t')) {
            indentEnd++;
        }
        String indent = text.substring(lineStart, indentEnd);
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        Position at = new Position(line, 0);
        return new TextEdit(new Range(at, at), indent + "<!-- posting-lint-disable-next " + f.ruleId() + " -- " + REASON_PLACEHOLDER + " -->" + eol);
    }

    /** One edit that turns {@code before} into {@code after}: the changed middle, common prefix and suffix left alone. */
    static TextEdit wholeChange(String before, String after) {
        int p = 0;
        int max = Math.min(before.length(), after.length());
        while (p < max && before.charAt(p) == after.charAt(p)) {
            p++;
        }
        int s = 0;
        while (s < max - p && before.charAt(before.length() - 1 - s) == after.charAt(after.length() - 1 - s)) {
            s++;
        }
        // Never split a surrogate pair at either end.
        if (p > 0 && Character.isHighSurrogate(before.charAt(p - 1))) {
            p--;
        }
        if (s > 0 && Character.isLowSurrogate(before.charAt(before.length() - s))) {
            s--;
        }
        Range r = new Range(Ranges.positionOf(before, p), Ranges.positionOf(before, before.length() - s));
        return new TextEdit(r, after.substring(p, after.length() - s));
    }

    private static CodeAction action(String title, Diagnostic diag, WorkspaceEdit edit) {
        CodeAction a = new CodeAction(title);
        a.setKind(CodeActionKind.QuickFix);
        if (diag != null) {
            a.setDiagnostics(List.of(diag));
        }
        a.setEdit(edit);
        return a;
    }

    private static WorkspaceEdit edit(String uri, TextEdit e) {
        return edit(uri, List.of(e));
    }

    private static WorkspaceEdit edit(String uri, List<TextEdit> edits) {
        return new WorkspaceEdit(Map.of(uri, List.copyOf(edits)));
    }

    private static boolean overlaps(Range a, Range b) {
        return Ranges.compare(a.getStart(), b.getEnd()) <= 0 && Ranges.compare(b.getStart(), a.getEnd()) <= 0;
    }
}
