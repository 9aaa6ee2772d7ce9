package dev.postinglint.lsp;

import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.RelatedPlace;
import dev.postinglint.core.model.Severity;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Findings as LSP diagnostics: range, severity, rule id as the code, the rule's link, drift's majority place, and
 * the other places of a finding reported once per posting.
 */
final class Findings {
    static final String SOURCE = "posting-lint";

    private Findings() {
    }

    /** One linted posting as the editor shows it: its findings (waived ones left out) and their diagnostics, index for index. */
    record Shown(LintReport report, List<Finding> findings, List<Diagnostic> diagnostics) {
        FileResult result() {
            return report.files().get(0);
        }
    }

    /** {@code uri}: the document's, where the other places of a finding reported once per posting are. */
    static Shown show(LintReport report, Path root, String uri) {
        List<Finding> findings = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (FileResult r : report.files()) {
            for (Finding f : r.findings()) {
                if (f.waived()) {
                    continue; // accepted by the policy: counts against nothing, so nothing to underline
                }
                findings.add(f);
                diagnostics.add(diagnostic(f, r, report, root, uri));
            }
        }
        return new Shown(report, findings, diagnostics);
    }

    static Range range(Finding f, FileResult r) {
        // A board job's findings are positioned in its decoded content: show them at the job in the export.
        return r.origin() != null ? Ranges.at(r.origin().line(), r.origin().column()) : Ranges.of(f.span());
    }

    private static Diagnostic diagnostic(Finding f, FileResult r, LintReport report, Path root, String uri) {
        String message = r.origin() != null ? "job " + r.origin().jobId() + ": " + f.message() : f.message();
        Diagnostic d = new Diagnostic(range(f, r), message, severity(f.severity()), SOURCE, f.ruleId());
        if (f.link() != null && !f.link().isBlank()) {
            d.setCodeDescription(new DiagnosticCodeDescription(f.link()));
        }
        List<DiagnosticRelatedInformation> related = drift(f, r, report, root);
        if (r.origin() == null && uri != null) {
            for (RelatedPlace p : f.related()) { // a rule reported once per posting: its other places, in this document
                related.add(new DiagnosticRelatedInformation(new Location(uri, Ranges.of(p.span())), p.message()));
            }
        }
        if (!related.isEmpty()) {
            d.setRelatedInformation(related);
        }
        return d;
    }

    static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
        };
    }

    /** For a drift finding: where the majority (or newest) version is (the first posting that uses it). */
    private static List<DiagnosticRelatedInformation> drift(Finding f, FileResult r, LintReport report, Path root) {
        List<DiagnosticRelatedInformation> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        for (DriftGroup g : report.drift()) {
            if (!g.ruleId().equals(f.ruleId()) || g.variants().isEmpty() || g.referenceKind() == DriftGroup.ReferenceKind.APPROVED) {
                continue;
            }
            DriftGroup.Variant majority = g.variants().get(0);
            boolean mine = g.variants().stream().skip(1).anyMatch(v -> v.postings().contains(r.path()));
            if (!mine || majority.postings().isEmpty()) {
                continue;
            }
            String other = majority.postings().get(0);
            int hash = other.indexOf('#');
            URI uri = root.resolve(hash < 0 ? other : other.substring(0, hash)).toUri();
            out.add(new DiagnosticRelatedInformation(new Location(uri.toString(), Ranges.at(1, 1)),
                    "the version used by " + majority.postings().size() + " postings (" + other + ")"));
            break;
        }
        return out;
    }

    /** The plain text of a diagnostic's message. */
    static String text(Diagnostic d) {
        Either<String, ?> m = d.getMessage();
        return m.isLeft() ? m.getLeft() : String.valueOf(m.getRight());
    }
}
