package dev.postinglint.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Starts the server on a pair of streams (stdio for {@code posting-lint lsp}) and waits for the client's {@code exit}. */
public final class LanguageServerMain {
    private LanguageServerMain() {
    }

    /**
     * Serves until {@code exit} (or the client closes the input) and returns the exit code: 0 after {@code shutdown},
     * 1 otherwise, as the protocol asks. Nothing but protocol messages may reach {@code out}: while serving,
     * {@code System.out} is pointed at {@code System.err}, so a stray print cannot corrupt the stream.
     */
    public static int serve(InputStream in, OutputStream out, LocalDate asOf) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            PostingLintServer server = new PostingLintServer(asOf);
            Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
            server.connect(launcher.getRemoteProxy());
            Future<Void> listening = launcher.startListening();
            // The client closing the stream without exit also ends the server (with 1: no orderly shutdown).
            new Thread(() -> {
                try {
                    listening.get();
                } catch (InterruptedException | ExecutionException | java.util.concurrent.CancellationException e) {
                    // ended either way
                }
                server.exited().complete(1);
            }, "posting-lint-lsp-input").start();
            return server.exited().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            return 1;
        } finally {
            System.setOut(stdout);
        }
    }
}
