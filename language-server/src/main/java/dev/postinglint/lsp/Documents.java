package dev.postinglint.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/** The text document half of the protocol: open documents' text, and the requests about them. */
final class Documents implements TextDocumentService {
    private final PostingLintServer server;

    Documents(PostingLintServer server) {
        this.server = server;
    }

    /** The path of a {@code file:} URI, or null for any other scheme (an untitled buffer, a remote file). */
    static Path path(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equalsIgnoreCase(u.getScheme()) ? Path.of(u).toAbsolutePath().normalize() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private PostingLintServer.Doc doc(String uri) {
        return uri == null ? null : server.docs.get(uri);
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        Path path = path(item.getUri());
        if (path == null) {
            server.log(MessageType.Info, "posting-lint: not a file, not linted: " + item.getUri());
            return;
        }
        PostingLintServer.Doc d = new PostingLintServer.Doc(item.getUri(), path, item.getText() == null ? "" : item.getText(), item.getVersion());
        server.docs.put(item.getUri(), d);
        server.schedule(d, 0);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        PostingLintServer.Doc d = doc(params.getTextDocument().getUri());
        if (d == null) {
            server.log(MessageType.Warning, "posting-lint: a change to a document that is not open: " + params.getTextDocument().getUri());
            return;
        }
        synchronized (d) {
            String text = d.text;
            for (TextDocumentContentChangeEvent c : params.getContentChanges()) {
                if (c.getRange() == null) {
                    text = c.getText();
                } else {
                    int start = Ranges.offset(text, c.getRange().getStart());
                    int end = Math.max(start, Ranges.offset(text, c.getRange().getEnd()));
                    text = text.substring(0, start) + c.getText() + text.substring(end);
                }
            }
            d.text = text;
            Integer v = params.getTextDocument().getVersion();
            d.version = v == null ? d.version + 1 : v;
        }
        server.schedule(d, PostingLintServer.DEBOUNCE_MS);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        PostingLintServer.Doc d = server.docs.remove(uri);
        if (d != null && server.client() != null) {
            server.client().publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        PostingLintServer.Doc d = doc(params.getTextDocument().getUri());
        Path path = d != null ? d.path : path(params.getTextDocument().getUri());
        if (path == null) {
            return;
        }
        if (d != null && server.isPolicyDoc(d)) {
            server.policyChanged();
            return;
        }
        if (server.session().isPosting(path)) {
            server.session().update(path);
        }
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        PostingLintServer.Doc d = doc(params.getTextDocument().getUri());
        if (d == null || d.shown == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return CodeActions.of(server.session(), d, params.getRange());
            } catch (RuntimeException e) {
                server.log(MessageType.Error, "posting-lint: code actions failed: " + e);
                return List.of();
            }
        });
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        PostingLintServer.Doc d = doc(params.getTextDocument().getUri());
        if (d == null || d.shown == null) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            return CompletableFuture.completedFuture(Hovers.at(server.session(), d, params.getPosition()));
        } catch (RuntimeException e) {
            server.log(MessageType.Error, "posting-lint: hover failed: " + e);
            return CompletableFuture.completedFuture(null);
        }
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        PostingLintServer.Doc d = doc(params.getTextDocument().getUri());
        if (d == null || !server.isPolicyDoc(d)) {
            return CompletableFuture.completedFuture(Either.forLeft(List.of()));
        }
        return CompletableFuture.completedFuture(Either.forLeft(Policies.complete(d.text, params.getPosition())));
    }
}
