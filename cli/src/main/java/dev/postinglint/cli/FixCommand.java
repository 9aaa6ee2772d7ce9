package dev.postinglint.cli;

import dev.postinglint.core.fix.AtomicWriter;
import dev.postinglint.core.fix.FixPlanner;
import dev.postinglint.core.fix.Fixer;
import dev.postinglint.core.report.TerminalText;
import dev.postinglint.core.session.ExitStatus;
import dev.postinglint.core.session.FailGate;
import dev.postinglint.core.session.FixOutcome;
import dev.postinglint.core.session.FixRequest;
import dev.postinglint.core.session.FixSession;
import dev.postinglint.core.session.LintSettings;
import dev.postinglint.core.session.Messages;
import dev.postinglint.core.session.Postings;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code posting-lint fix}: applies every safe fix to the posting files (only the edited ranges change),
 * re-lints until nothing more changes, writes each file atomically, and reports what is left. With
 * {@code --dry-run} it prints a unified diff instead and writes nothing.
 */
final class FixCommand implements Callable<Integer> {
    CommandSpec spec;

    LintOptions lint = new LintOptions();

    boolean dryRun;

    List<String> rules = new ArrayList<>();

    TextOptions text = new TextOptions();

    /** This command's model, built in code (start-up: see {@link Specs}); options in help order. */
    static CommandSpec spec(FixCommand c) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c).name("fix");
        spec.usageMessage().sortOptions(false)
                .description("Apply the fixes that rules offer to the posting files (atomically; --dry-run shows a diff).")
                .footer("", "Exit codes, as ESLint --fix: 0 every fixable finding was fixed and nothing at --fail-on remains,",
                        "1 findings remain at --fail-on (or a fix could not be applied), 2 usage, policy or I/O error",
                        "(a file that could not be written is reported and left as it was).");
        c.lint.addTo(spec);
        spec.addOption(Specs.option(boolean.class, () -> c.dryRun, v -> c.dryRun = v, "--dry-run")
                .description("Print a unified diff of what would change; change nothing.").build());
        spec.addOption(Specs.option(List.class, () -> c.rules, v -> c.rules = v, "--rule").auxiliaryTypes(String.class).paramLabel("ID")
                .description("Apply only this rule's fixes (repeatable).").build());
        c.text.addTo(spec);
        Specs.standardHelpOptions(spec);
        c.spec = spec;
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FailGate gate = lint.gate();
        LintSettings settings = lint.settings();
        FixSession session = FixSession.open(new FixRequest(settings, gate, rules, "--rule", dryRun, new AtomicWriter()));
        Postings postings = lint.collect(err);
        if (postings == null) {
            return Main.USAGE_OR_IO;
        }
        // With --dry-run the diff is the output (it can go to patch or git apply); the rest goes to stderr.
        PrintWriter info = dryRun ? err : out;
        try (FixSession.Written outcome = session.write(postings)) {
            return report(outcome, out, err, info);
        }
    }

    private int report(FixSession.Written outcome, PrintWriter out, PrintWriter err, PrintWriter info) throws IOException {
        for (FixOutcome.Change c : outcome.changes()) {
            String path = TerminalText.safe(c.fix().file().displayPath());
            if (c.diff() != null) {
                out.print(c.diff());
            } else if (c.failure() != null) {
                err.println("posting-lint: cannot write " + path + ": " + reason(c.failure()));
            } else {
                info.println("fixed " + path + ": " + Messages.fixesByRule(c.fix().applied(), "\u00d7"));
            }
        }
        out.flush();
        Fixer.Result result = outcome.result();
        for (Fixer.FileFix f : result.files()) {
            for (FixPlanner.Skipped s : f.notFixed()) {
                var at = s.finding().span().start();
                info.println(TerminalText.safe(f.file().displayPath()) + ":" + at.line() + ":" + at.column() + ": not fixed [" + s.finding().ruleId()
                        + "]: " + s.reason());
            }
        }
        // The lint of the result, written as it goes.
        ExitStatus status = outcome.confirm(text.textReporter(!dryRun).open(info));
        long files = dryRun ? outcome.changes().size() : outcome.changes().stream().filter(FixOutcome.Change::written).count();
        // Count only what reached the disk: a file refused at write time (changed meanwhile, read-only, a link) fixed nothing.
        long fixed = dryRun ? result.fixedCount() : outcome.changes().stream().filter(c -> c.failure() == null)
                .mapToLong(c -> c.fix().fixedCount()).sum();
        long refused = dryRun ? 0 : outcome.changes().stream().filter(c -> c.failure() != null).count();
        info.println((dryRun ? "Would fix " : "Fixed ") + Messages.plural(fixed, "finding") + " in "
                + Messages.plural(files, "file") + " (" + Messages.plural(result.passes(), "pass", "passes") + ")"
                + (result.notFixedCount() == 0 ? "" : "; " + result.notFixedCount() + " could not be fixed")
                + (refused == 0 ? "" : "; " + Messages.plural(refused, "file") + " left unchanged"));
        info.flush();
        return status.code();
    }

    private static String reason(IOException e) {
        if (e instanceof AtomicWriter.RefusedException) {
            return e.getMessage();
        }
        String m = e.getMessage();
        return (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : m == null ? e.getClass().getSimpleName() : m) + "; left unchanged";
    }
}
