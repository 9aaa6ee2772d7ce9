package dev.postinglint.lsp;

import java.nio.file.Path;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The workspace half: files changed on disk keep the index current; a changed policy reloads everything. */
final class Workspace implements WorkspaceService {
    private final PostingLintServer server;

    Workspace(PostingLintServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // No settings yet: policies are found as on the command line.
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        boolean policy = false;
        for (FileEvent e : params.getChanges()) {
            Path path = Documents.path(e.getUri());
            if (path == null) {
                continue;
            }
            if (path.getFileName() != null && path.getFileName().toString().startsWith(".posting-lint.")
                    || dev.postinglint.core.session.EditorSession.isPolicy(path)) {
                policy = true;
            } else if (e.getType() == FileChangeType.Deleted) {
                server.session().forget(path);
            } else if (server.session().isPosting(path)) {
                server.session().update(path);
            }
        }
        if (policy) {
            server.policyChanged();
        } else {
            // Drift depends on the other postings: re-judge the open ones.
            server.docs.values().forEach(d -> server.schedule(d, PostingLintServer.DEBOUNCE_MS));
        }
    }
}
