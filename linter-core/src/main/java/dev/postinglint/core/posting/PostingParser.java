package dev.postinglint.core.posting;

import dev.postinglint.core.source.SourceText;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/** Parses posting HTML with position tracking. One jsoup parser per thread: they are not concurrent. */
public final class PostingParser {
    private static final ThreadLocal<Parser> PARSER =
            ThreadLocal.withInitial(() -> Parser.htmlParser().setTrackPosition(true));

    private PostingParser() {
    }

    public static Posting parse(SourceText source) {
        Document doc = PARSER.get().parseInput(source.text(), "");
        TextViewBuilder.Built built = new TextViewBuilder(source).build(doc);
        return new Posting(source, doc, built.view(), built.elementSpans());
    }
}
