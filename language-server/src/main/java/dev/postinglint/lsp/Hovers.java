package dev.postinglint.lsp;

import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.rules.RuleInfo;
import dev.postinglint.core.session.EditorSession;
import dev.postinglint.core.yaml.PolicyException;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/** Hover on a finding: the rule's description, why it applies to this posting, its citation, the approved text. */
final class Hovers {
    private Hovers() {
    }

    static Hover at(EditorSession session, PostingLintServer.Doc d, Position p) {
        Findings.Shown shown = d.shown;
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < shown.findings().size(); i++) {
            Diagnostic diag = shown.diagnostics().get(i);
            if (!Ranges.contains(diag.getRange(), p)) {
                continue;
            }
            if (md.length() > 0) {
                md.append("\n\n---\n\n");
            }
            describe(session, d, shown, shown.findings().get(i), md);
        }
        return md.length() == 0 ? null : new Hover(new MarkupContent(MarkupKind.MARKDOWN, md.toString()));
    }

    private static void describe(EditorSession session, PostingLintServer.Doc d, Findings.Shown shown, Finding f, StringBuilder md) {
        md.append("**").append(f.ruleId()).append("** (").append(f.severity().label()).append(", ").append(f.category()).append(")\n\n");
        md.append(escape(f.message())).append("\n\n");
        var builtin = BuiltinRules.find(f.ruleId());
        if (builtin.isPresent()) {
            md.append(escape(builtin.get().description())).append("\n\n_Reported by posting-lint itself, whatever the policy._");
            return;
        }
        RuleInfo info;
        try {
            info = session.policyFor(d.path).rule(f.ruleId()).map(PolicyRule::rule).map(r -> r.info()).orElse(null);
        } catch (PolicyException e) {
            info = null;
        }
        if (info != null && info.description() != null && !info.description().isBlank()) {
            md.append(escape(info.description().strip())).append("\n\n");
        }
        EditorSession.Applies why = session.whyApplies(d.path, d.text, f.ruleId());
        if (why != null) {
            md.append("**Why here:** ");
            if (why.jurisdiction() != null) {
                md.append("the posting is in ").append(escape(why.jurisdiction()));
                if (why.inForceFrom() != null) {
                    md.append(", where the rule is in force from ").append(why.inForceFrom());
                }
                if (why.inForceUntil() != null) {
                    md.append(" until ").append(why.inForceUntil());
                }
                md.append("; ");
            }
            if (why.field() != null) {
                md.append(why.field()).append(" = ").append(why.fieldValue() == null ? "_not found_" : "`" + code(why.fieldValue()) + "`").append("; ");
            }
            md.append("judged as of ").append(why.asOf()).append(".\n\n");
        }
        if (f.link() != null && !f.link().isBlank()) {
            md.append("**Citation:** ").append(f.link()).append("\n\n");
        }
        for (DriftGroup g : shown.report().drift()) {
            if (g.ruleId().equals(f.ruleId()) && g.referenceKind() == DriftGroup.ReferenceKind.APPROVED) {
                md.append("**Approved text:**\n\n").append(quote(g.referenceText())).append("\n\n");
                break;
            }
        }
        if (info != null && info.place() != null) {
            md.append("_Defined in ").append(escape(String.valueOf(info.place()))).append("_");
        }
    }

    private static String quote(String text) {
        return String.join("\n", List.of(text.strip().split("\n")).stream().map(l -> "> " + escape(l)).toList());
    }

    private static String code(String s) {
        return s.replace('`', '\'');
    }

    /** Posting and policy text is shown as text, never as Markdown or HTML. */
    static String escape(String s) {
        return s.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!<>|~])", "\\\\$1");
    }
}
