package dev.postinglint.cli;

import dev.postinglint.core.model.Severity;
import dev.postinglint.core.report.ReportFormats;
import dev.postinglint.core.report.Reporter;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --quiet}, {@code --color} and {@code --verbose}: how the text format looks, for the commands that print it. */
final class TextOptions {
    boolean quiet;

    Terminal.ColorMode color;

    boolean verbose;

    /** Adds these options to a command's model, in help order (built in code for start-up: see {@link Specs}). */
    void addTo(CommandSpec spec) {
        spec.addOption(Specs.option(boolean.class, () -> quiet, v -> quiet = v, "-q", "--quiet")
                .description("Show errors only in text output (the exit code still counts everything).").build());
        spec.addOption(Specs.option(Terminal.ColorMode.class, () -> color, v -> color = v, "--color").paramLabel("WHEN").defaultValue("auto")
                .description("Colour text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).").build());
        spec.addOption(Specs.option(boolean.class, () -> verbose, v -> verbose = v, "--verbose")
                .description("In text output, print under each finding the citation it was raised with "
                        + "(the law of its jurisdiction); the rule table at the end always names each rule's citation.").build());
    }

    Reporter textReporter(boolean toStdout) {
        return textReporter(toStdout, quiet ? Severity.ERROR : Severity.INFO);
    }

    Reporter textReporter(boolean toStdout, Severity minimum) {
        return ReportFormats.text(Terminal.useColor(color, toStdout), minimum, verbose);
    }
}
