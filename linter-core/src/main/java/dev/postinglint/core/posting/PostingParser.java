package dev.postinglint.core.posting;

import dev.postinglint.core.source.SourceText;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Parses posting HTML with position tracking. One jsoup parser per thread: they are not concurrent. */
public final class PostingParser {
    private static final ThreadLocal<Parser> PARSER =
            ThreadLocal.withInitial(() -> Parser.htmlParser().setTrackPosition(true));

    private PostingParser() {
    }

    public static Posting parse(SourceText source) {
        return parse(source, Metadata.NONE);
    }

    /** An HTML posting with what a board export knows about it. */
    public static Posting parse(SourceText source, Metadata metadata) {
        return parse(source, metadata, ContentChoice.AUTO);
    }

    /** An HTML posting whose text is the part of the file that {@code content} chooses (see {@link ContentChoice}). */
    public static Posting parse(SourceText source, Metadata metadata, ContentChoice content) {
        Document doc = html(source.text());
        Element root = content.choose(doc);
        TextViewBuilder.Built built = new TextViewBuilder(source).build(root);
        return new Posting(source, doc, root, built.view(), built, metadata, null);
    }

    /** The jsoup tree of some HTML, positions tracked. */
    static Document html(String text) {
        return PARSER.get().parseInput(text, "");
    }
}
