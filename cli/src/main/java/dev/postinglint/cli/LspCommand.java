package dev.postinglint.cli;

import dev.postinglint.core.session.Options;
import dev.postinglint.lsp.LanguageServerMain;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code posting-lint lsp}: the language server, speaking LSP over standard input and output. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "Run the language server (LSP over stdin/stdout) for editors: diagnostics, quick fixes, hover, policy files.")
final class LspCommand implements Callable<Integer> {
    @Option(names = "--stdio", description = "Accepted for editors that pass it: stdio is the only transport.")
    boolean stdio;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Judge dated rules and waivers as of this day (default: today).")
    String asOf;

    @Override
    public Integer call() {
        LocalDate day = Options.asOf("--as-of", asOf, LocalDate.now());
        // The raw descriptors: the protocol is bytes with Content-Length headers, not lines of text.
        return LanguageServerMain.serve(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out), day);
    }
}
