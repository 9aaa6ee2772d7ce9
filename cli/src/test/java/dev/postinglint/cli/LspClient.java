package dev.postinglint.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/** The real {@code posting-lint lsp} as a process, driven over its pipes by LSP4J's client side; records what it sends. */
final class LspClient implements LanguageClient, AutoCloseable {
    final Process process;
    final LanguageServer server;
    private final Map<String, List<PublishDiagnosticsParams>> diagnostics = new HashMap<>();
    final List<String> logs = new ArrayList<>();
    final List<String> shown = new ArrayList<>();
    final List<ProgressParams> progress = new ArrayList<>();

    LspClient(Path workDir, String... extraArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Cli.javaBin(), "-jar", Cli.JAR.toString(), "lsp"));
        cmd.addAll(List.of(extraArgs));
        process = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var launcher = LSPLauncher.createClientLauncher(this, process.getInputStream(), process.getOutputStream());
        server = launcher.getRemoteProxy();
        launcher.startListening();
    }

    /** initialize (with the folder as the workspace, work-done progress on) and initialized. */
    void initialize(Path root) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setProcessId((int) ProcessHandle.current().pid());
        p.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "ws")));
        ClientCapabilities caps = new ClientCapabilities();
        WindowClientCapabilities window = new WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        caps.setWindow(window);
        p.setCapabilities(caps);
        server.initialize(p).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    void open(Path file, String text, int version) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri(file), "html", version, text)));
    }

    void replaceAll(Path file, String text, int version) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri(file), version),
                List.of(new TextDocumentContentChangeEvent(text))));
    }

    static String uri(Path file) {
        return file.toUri().toString();
    }

    /** The first diagnostics for {@code file} at {@code version} (or any version when null) that satisfy {@code test}. */
    synchronized PublishDiagnosticsParams await(Path file, Integer version, Predicate<PublishDiagnosticsParams> test) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            for (PublishDiagnosticsParams d : diagnostics.getOrDefault(uri(file), List.of())) {
                if ((version == null || version.equals(d.getVersion())) && test.test(d)) {
                    return d;
                }
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no such diagnostics for " + file + " v" + version + "; got "
                        + diagnostics.getOrDefault(uri(file), List.of()) + "\nlogs: " + logs);
            }
            wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
    }

    synchronized void awaitLog(String part) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (logs.stream().noneMatch(l -> l.contains(part))) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no log '" + part + "': " + logs);
            }
            wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
    }

    @Override
    public synchronized void publishDiagnostics(PublishDiagnosticsParams d) {
        diagnostics.computeIfAbsent(d.getUri(), k -> new ArrayList<>()).add(d);
        notifyAll();
    }

    @Override
    public synchronized void logMessage(MessageParams m) {
        logs.add(m.getMessage());
        notifyAll();
    }

    @Override
    public synchronized void showMessage(MessageParams m) {
        shown.add(m.getMessage());
        notifyAll();
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void telemetryEvent(Object o) {
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams p) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void notifyProgress(ProgressParams p) {
        progress.add(p);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
