package dev.postinglint.cli;

import dev.postinglint.core.model.Severity;
import dev.postinglint.core.report.ReportFormats;
import dev.postinglint.core.report.Reporter;
import picocli.CommandLine.Option;

/** {@code --quiet}, {@code --color} and {@code --verbose}: how the text format looks, for the commands that print it. */
final class TextOptions {
    @Option(names = {"-q", "--quiet"}, description = "Show errors only in text output (the exit code still counts everything).")
    boolean quiet;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "Colour text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Terminal.ColorMode color;

    @Option(names = "--verbose", description = "In text output, print under each finding the citation it was raised with "
            + "(the law of its jurisdiction); the rule table at the end always names each rule's citation.")
    boolean verbose;

    Reporter textReporter(boolean toStdout) {
        return textReporter(toStdout, quiet ? Severity.ERROR : Severity.INFO);
    }

    Reporter textReporter(boolean toStdout, Severity minimum) {
        return ReportFormats.text(Terminal.useColor(color, toStdout), minimum, verbose);
    }
}
