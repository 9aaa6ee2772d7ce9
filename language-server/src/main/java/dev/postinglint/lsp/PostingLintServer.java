package dev.postinglint.lsp;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.ToolInfo;
import dev.postinglint.core.session.EditorSession;
import dev.postinglint.core.session.LintSettings;
import dev.postinglint.core.yaml.PolicyException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * posting-lint's language server: a thin face on {@link EditorSession}. It keeps the open documents' text, lints
 * them (debounced, one at a time, dropping results for text that has changed since), publishes diagnostics,
 * indexes the workspace in the background for corpus rules, and answers code actions, hovers and completion.
 * Nothing a client sends may stop it: every failure becomes a diagnostic or a logged message.
 */
public final class PostingLintServer implements LanguageServer, LanguageClientAware {
    /** How long typing must pause before a re-lint. */
    static final long DEBOUNCE_MS = 150;
    private static final Pattern POLICY_KEYS = Pattern.compile("(?m)^(extends|rules|waivers|overrides|company|fields)\\s*:");

    /** An open document: its text and version, and what the last lint of that text showed (null: not yet). */
    static final class Doc {
        final String uri;
        final Path path;
        volatile String text;
        volatile int version;
        volatile Findings.Shown shown;
        ScheduledFuture<?> pending;

        Doc(String uri, Path path, String text, int version) {
            this.uri = uri;
            this.path = path;
            this.text = text;
            this.version = version;
        }
    }

    final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService linting = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "posting-lint-lsp"));
    private final Documents documents = new Documents(this);
    private final Workspace workspace = new Workspace(this);
    private final AtomicBoolean shutdown = new AtomicBoolean();
    private final AtomicBoolean indexNoticeSent = new AtomicBoolean();
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final LocalDate asOf;
    private volatile LanguageClient client;
    private volatile EditorSession session;
    private volatile boolean indexReady;
    private volatile boolean workDoneProgress;
    private volatile boolean watchRegistration;
    private volatile Thread indexer;

    public PostingLintServer(LocalDate asOf) {
        this.asOf = asOf;
        this.session = new EditorSession(settings(), null);
    }

    private LintSettings settings() {
        // One thread per lint: an edit re-lints one posting, and the index has threads of its own.
        return new LintSettings(List.of(), null, asOf, 1, Linter.DEFAULT_MAX_FILE_BYTES);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Completes with the exit code once the client sent {@code exit}: 0 after {@code shutdown}, else 1. */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    EditorSession session() {
        return session;
    }

    LanguageClient client() {
        return client;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        Path root = rootOf(params);
        session = new EditorSession(settings(), root);
        workDoneProgress = params.getCapabilities() != null && params.getCapabilities().getWindow() != null
                && Boolean.TRUE.equals(params.getCapabilities().getWindow().getWorkDoneProgress());
        watchRegistration = params.getCapabilities() != null && params.getCapabilities().getWorkspace() != null
                && params.getCapabilities().getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(params.getCapabilities().getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        CodeActionOptions actions = new CodeActionOptions(List.of(CodeActionKind.QuickFix));
        caps.setCodeActionProvider(actions);
        caps.setHoverProvider(true);
        caps.setCompletionProvider(new CompletionOptions(false, List.of(":", " ")));
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("posting-lint", ToolInfo.version())));
    }

    @SuppressWarnings("deprecation") // rootUri: clients that send no workspace folders still send it
    private static Path rootOf(InitializeParams params) {
        try {
            if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
                return Path.of(URI.create(params.getWorkspaceFolders().get(0).getUri()));
            }
            if (params.getRootUri() != null) {
                return Path.of(URI.create(params.getRootUri()));
            }
        } catch (RuntimeException e) {
            return null; // not a file: URI; lint open files without an index
        }
        return null;
    }

    @Override
    public void initialized(InitializedParams params) {
        if (watchRegistration) {
            var watchers = List.of(new FileSystemWatcher(Either.forLeft("**/*.{html,htm,md,markdown,json,yaml,yml}")));
            client.registerCapability(new RegistrationParams(List.of(new Registration("posting-lint-watch",
                    "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(watchers)))));
        }
        startIndex();
    }

    /** Indexes the workspace on a background thread, with work-done progress; then re-lints the open postings. */
    void startIndex() {
        EditorSession s = session;
        if (s.root() == null) {
            indexReady = true;
            return;
        }
        indexReady = false;
        Thread old = indexer;
        if (old != null) {
            old.interrupt();
        }
        Thread t = daemon(() -> index(s), "posting-lint-index-main");
        indexer = t;
        t.start();
    }

    private void index(EditorSession s) {
        String token = "posting-lint-index-" + System.nanoTime();
        boolean progress = workDoneProgress;
        try {
            if (progress) {
                client.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token))).get(10, TimeUnit.SECONDS);
                WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
                begin.setTitle("posting-lint: indexing postings");
                begin.setPercentage(0);
                client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(begin)));
            }
        } catch (Exception e) {
            progress = false;
        }
        boolean report = progress;
        long[] last = {0};
        Thread me = Thread.currentThread();
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1));
        try {
            int files = s.indexWorkspace(threads, (done, total) -> {
                long now = System.nanoTime();
                if (report && total > 0 && (done == total || now - last[0] > 200_000_000L)) {
                    last[0] = now;
                    WorkDoneProgressReport r = new WorkDoneProgressReport();
                    r.setMessage(done + "/" + total + " files");
                    r.setPercentage(done * 100 / total);
                    client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(r)));
                }
            }, me::isInterrupted);
            if (me.isInterrupted() || s != session) {
                return;
            }
            indexReady = true;
            log(MessageType.Info, "posting-lint: indexed " + files + " posting files of " + s.root());
            docs.values().forEach(d -> schedule(d, 0));
        } catch (RuntimeException e) {
            log(MessageType.Error, "posting-lint: indexing the workspace failed: " + e);
        } finally {
            if (report) {
                WorkDoneProgressEnd end = new WorkDoneProgressEnd();
                end.setMessage("done");
                client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(end)));
            }
        }
    }

    boolean indexReady() {
        return indexReady;
    }

    /** Lints a document after {@code delayMs}, replacing a lint already waiting for it. */
    void schedule(Doc d, long delayMs) {
        synchronized (d) {
            if (d.pending != null) {
                d.pending.cancel(false);
            }
            if (shutdown.get()) {
                return;
            }
            d.pending = linting.schedule(() -> lintNow(d), delayMs, TimeUnit.MILLISECONDS);
        }
    }

    /** Lints the document's current text, unless it is stale by the time the lint ends (then the next lint publishes). */
    private void lintNow(Doc d) {
        String text = d.text;
        int version = d.version;
        if (docs.get(d.uri) != d) {
            return; // closed meanwhile
        }
        try {
            List<Diagnostic> diagnostics;
            if (isPolicyDoc(d)) {
                diagnostics = Policies.diagnostics(d.path);
                d.shown = null;
            } else if (session.isPosting(d.path)) {
                if (!indexReady && session.root() != null && indexNoticeSent.compareAndSet(false, true)) {
                    String m = "posting-lint is indexing the workspace: drift findings (corpus rules) appear when it is done";
                    client.showMessage(new MessageParams(MessageType.Info, m));
                }
                LintReport report = session.lint(d.path, text, indexReady);
                if (d.version != version) {
                    return; // the text changed while linting: a newer lint is scheduled
                }
                d.shown = Findings.show(report, session.root(), d.uri);
                diagnostics = d.shown.diagnostics();
            } else {
                return;
            }
            client.publishDiagnostics(new PublishDiagnosticsParams(d.uri, diagnostics, version));
        } catch (PolicyException e) {
            // The posting cannot be linted: say why on the posting (the policy file shows the details).
            Diagnostic diag = new Diagnostic(Ranges.at(1, 1), "posting-lint: the policy cannot be loaded: " + e.getMessage(),
                    DiagnosticSeverity.Error, Findings.SOURCE, "policy-error");
            d.shown = null;
            client.publishDiagnostics(new PublishDiagnosticsParams(d.uri, List.of(diag), version));
        } catch (RuntimeException | StackOverflowError e) {
            log(MessageType.Error, "posting-lint: linting " + d.uri + " failed: " + e);
        }
    }

    boolean isPolicyDoc(Doc d) {
        if (!EditorSession.isPolicy(d.path)) {
            return false;
        }
        String name = d.path.getFileName().toString();
        return name.startsWith(".posting-lint.") || POLICY_KEYS.matcher(d.text).find();
    }

    /** A policy file was saved or changed on disk: load the policies afresh, re-lint every open document, re-index. */
    void policyChanged() {
        session.reloadPolicies();
        docs.values().forEach(d -> schedule(d, 0));
        startIndex();
    }

    void log(MessageType type, String message) {
        LanguageClient c = client;
        if (c != null) {
            c.logMessage(new MessageParams(type, message));
        }
    }

    /** The findings shown for a document (empty when none or not linted yet). */
    List<Finding> findings(Doc d) {
        Findings.Shown s = d.shown;
        return s == null ? List.of() : new ArrayList<>(s.findings());
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown.set(true);
        Thread t = indexer;
        if (t != null) {
            t.interrupt();
        }
        linting.shutdownNow();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exited.complete(shutdown.get() ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }
}
