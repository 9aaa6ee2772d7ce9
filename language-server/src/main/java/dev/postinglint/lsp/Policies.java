package dev.postinglint.lsp;

import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.rules.RuleTypes;
import dev.postinglint.core.session.EditorSession;
import dev.postinglint.core.yaml.PolicyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;

/** Policy files in the editor: what is wrong with one, at its line and column, and completion of keys and names. */
final class Policies {
    static final List<String> TOP_KEYS = List.of("name", "version", "extends", "company", "fields", "rules", "overrides", "waivers");
    static final List<String> RULE_KEYS = List.of("id", "type", "severity", "category", "message", "description", "link",
            "scope", "when", "examples", "pattern", "fix");
    static final List<String> WAIVER_KEYS = List.of("rule", "files", "posting", "reason", "approved-by", "expires");
    static final List<String> SEVERITIES = List.of("error", "warning", "info");
    /** The categories the shipped packs use. */
    static final List<String> CATEGORIES = List.of("eeo", "accommodation", "pay-transparency", "inclusive-language", "boilerplate",
            "location", "outdated-fact", "html-hygiene", "freshness");

    private Policies() {
    }

    /** The policy's problems as diagnostics in its own file (problems in a file it extends are shown at the top). */
    static List<Diagnostic> diagnostics(Path policy) {
        List<Diagnostic> out = new ArrayList<>();
        for (PolicyException e : EditorSession.policyProblems(policy)) {
            boolean here = samePath(e.location(), policy);
            String message = here ? e.problem() : e.getMessage();
            var range = here && e.line() > 0 ? Ranges.at(e.line(), e.column()) : Ranges.at(1, 1);
            // Underline to the end of the line's word: a zero-width range is hard to see.
            range.getEnd().setCharacter(range.getStart().getCharacter() + 1);
            out.add(new Diagnostic(range, message, DiagnosticSeverity.Error, Findings.SOURCE, "policy-error"));
        }
        return out;
    }

    private static boolean samePath(String location, Path policy) {
        try {
            return Path.of(location).toAbsolutePath().normalize().equals(policy.toAbsolutePath().normalize())
                    || Path.of(location).getFileName().equals(policy.getFileName()) && !location.startsWith("builtin:");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Completion where it is cheap: values after {@code type:}, {@code severity:}, {@code category:}, pack names, else keys. */
    static List<CompletionItem> complete(String text, Position p) {
        int lineStart = Ranges.offset(text, new Position(p.getLine(), 0));
        int at = Ranges.offset(text, p);
        String before = text.substring(lineStart, Math.max(lineStart, at));
        String trimmed = before.stripLeading();
        if (trimmed.startsWith("- ")) {
            trimmed = trimmed.substring(2).stripLeading();
        }
        if (trimmed.startsWith("type:")) {
            return items(List.copyOf(RuleTypes.builtin().names()), CompletionItemKind.EnumMember);
        }
        if (trimmed.startsWith("severity:")) {
            return items(SEVERITIES, CompletionItemKind.EnumMember);
        }
        if (trimmed.startsWith("category:")) {
            return items(CATEGORIES, CompletionItemKind.EnumMember);
        }
        if (trimmed.startsWith("extends:") || trimmed.startsWith("builtin") || inExtends(text, lineStart)) {
            return items(new PolicyLoader().builtinNames().stream().map(n -> PolicyLoader.BUILTIN_PREFIX + n).toList(), CompletionItemKind.Module);
        }
        if (trimmed.contains(":")) {
            return List.of();
        }
        int indent = before.length() - before.stripLeading().length();
        List<String> keys = indent == 0 ? TOP_KEYS : section(text, lineStart).equals("waivers") ? WAIVER_KEYS : RULE_KEYS;
        return items(keys.stream().map(k -> k + ": ").toList(), CompletionItemKind.Property);
    }

    /** Whether the line is an item of the {@code extends:} list. */
    private static boolean inExtends(String text, int lineStart) {
        return section(text, lineStart).equals("extends") && text.substring(lineStart).stripLeading().startsWith("-");
    }

    /** The top-level key the line at {@code lineStart} is under. */
    private static String section(String text, int lineStart) {
        String[] lines = text.substring(0, lineStart).split("\r?\n|\r");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i];
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("#") && l.contains(":")) {
                return l.substring(0, l.indexOf(':')).strip();
            }
        }
        return "";
    }

    private static List<CompletionItem> items(List<String> labels, CompletionItemKind kind) {
        List<CompletionItem> out = new ArrayList<>();
        for (String l : labels) {
            CompletionItem c = new CompletionItem(l.endsWith(": ") ? l.substring(0, l.length() - 2) : l.strip());
            c.setInsertText(l);
            c.setKind(kind);
            out.add(c);
        }
        return out;
    }
}
