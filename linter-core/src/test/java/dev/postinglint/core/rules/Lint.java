package dev.postinglint.core.rules;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.posting.PostingParser;
import dev.postinglint.core.source.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Test helper: load a policy from YAML text and lint an HTML string with it. */
final class Lint {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    private Lint() {
    }

    static Policy policy(String yaml) {
        try {
            Path dir = Files.createTempDirectory("policy");
            Files.writeString(dir.resolve("p.yaml"), yaml);
            return new PolicyLoader().load("p.yaml", dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Finding> run(Policy policy, String html, LocalDate asOf) {
        RuleContext ctx = new RuleContext(PostingParser.parse(new SourceText("t.html", html)), policy.fields(),
                policy.company(), asOf, policy.gazetteer());
        return Linter.check(ctx, policy.enabledRules());
    }

    static List<Finding> run(String yaml, String html) {
        return run(policy(yaml), html, AS_OF);
    }

    /** The source text a finding points at. */
    static String at(String html, Finding f) {
        return html.substring(f.span().startOffset(), f.span().endOffset());
    }

    /** Applies a finding's fix to the source. */
    static String applyFix(String html, Finding f) {
        var fix = f.fix();
        return html.substring(0, fix.span().startOffset()) + fix.replacement() + html.substring(fix.span().endOffset());
    }
}
