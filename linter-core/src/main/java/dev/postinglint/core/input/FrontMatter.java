package dev.postinglint.core.input;

import dev.postinglint.core.posting.Metadata;
import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceText;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML front matter at the top of a Markdown posting: a {@code ---} line, a YAML mapping, and a
 * {@code ---} (or {@code ...}) line. Each key with a text value (or a list of texts, joined with
 * "; ") becomes a metadata entry, positioned where its value is written. Nested mappings are not
 * metadata and are ignored. Malformed YAML, duplicate keys, a top level that is not a mapping, or a
 * missing closing line are {@link InputProblem}s at the line and column of the mistake.
 */
public final class FrontMatter {
    private static final int MAX_CHARS = 1 << 20;

    /** The metadata, and where the Markdown body starts (0 when there is no front matter). */
    public record Result(Metadata metadata, int bodyStart) {
    }

    private FrontMatter() {
    }

    public static Result read(SourceText source) throws InputProblem {
        String text = source.text();
        int firstEnd = lineEnd(text, 0);
        if (!text.substring(0, firstEnd).stripTrailing().equals("---")) {
            return new Result(Metadata.NONE, 0);
        }
        int yamlStart = next(text, firstEnd);
        int at = yamlStart;
        int closeStart = -1;
        int bodyStart = -1;
        while (at < text.length()) {
            int end = lineEnd(text, at);
            String line = text.substring(at, end).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                closeStart = at;
                bodyStart = next(text, end);
                break;
            }
            at = next(text, end);
        }
        if (closeStart < 0) {
            throw problem(source, 0, "front matter is not closed: the '---' on line 1 needs a matching '---' line");
        }
        String yaml = text.substring(yamlStart, closeStart);
        if (yaml.length() > MAX_CHARS) {
            throw problem(source, yamlStart, "front matter is larger than " + MAX_CHARS + " characters");
        }
        Node root;
        try {
            root = new Yaml(options()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            // "found unexpected end of stream": the construct left open is the place to show.
            if (e.getContextMark() != null && (m == null || m.getIndex() >= yaml.codePointCount(0, yaml.length()))) {
                m = e.getContextMark();
            }
            String what = (e.getContext() != null ? e.getContext() + ": " : "") + e.getProblem();
            throw problem(source, offsetOf(source, yamlStart, m), "invalid front matter: " + what.strip());
        } catch (YAMLException e) {
            throw problem(source, yamlStart, "invalid front matter: " + firstLine(e.getMessage()));
        }
        Metadata.Builder meta = Metadata.builder();
        if (root == null) {
            return new Result(meta.build(), bodyStart);
        }
        if (!(root instanceof MappingNode map)) {
            throw problem(source, offsetOf(source, yamlStart, root.getStartMark()),
                    "front matter must be a mapping of keys to values (title: ..., location: ...)");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw problem(source, offsetOf(source, yamlStart, t.getKeyNode().getStartMark()), "front matter keys must be plain text");
            }
            // compose() keeps duplicate keys: reject them here, where the second one is.
            if (!seen.add(key.getValue().strip().toLowerCase(Locale.ROOT))) {
                throw problem(source, offsetOf(source, yamlStart, key.getStartMark()),
                        "invalid front matter: duplicate key " + key.getValue());
            }
            Node value = t.getValueNode();
            int s = offsetOf(source, yamlStart, value.getStartMark());
            int e = Math.max(s, offsetOf(source, yamlStart, value.getEndMark()));
            String name = key.getValue().strip().toLowerCase(Locale.ROOT);
            if (value instanceof ScalarNode sc) {
                meta.put(name, sc.getValue(), source.span(s, trimEnd(text, s, e)));
            } else if (value instanceof SequenceNode seq) {
                List<String> items = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    if (!(item instanceof ScalarNode sc)) {
                        throw problem(source, offsetOf(source, yamlStart, item.getStartMark()),
                                "front matter key '" + name + "': list items must be text");
                    }
                    if (!sc.getValue().isBlank()) {
                        items.add(sc.getValue().strip());
                    }
                }
                meta.put(name, String.join("; ", items), source.span(s, trimEnd(text, s, e)));
            }
        }
        return new Result(meta.build(), bodyStart);
    }

    private static LoaderOptions options() {
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(false);
        opts.setMaxAliasesForCollections(50);
        opts.setNestingDepthLimit(20);
        opts.setCodePointLimit(MAX_CHARS);
        opts.setAllowRecursiveKeys(false);
        opts.setProcessComments(false);
        return opts;
    }

    /** Block scalars end after their line break; a span ends at the last non-space character. */
    private static int trimEnd(String text, int s, int e) {
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /** The file offset of a SnakeYAML mark (0-based line and column in code points, within the YAML). */
    private static int offsetOf(SourceText source, int yamlStart, Mark mark) {
        if (mark == null) {
            return yamlStart;
        }
        int line = source.positionOf(yamlStart).line() + mark.getLine();
        if (line > source.lineCount()) {
            return source.text().length();
        }
        int at = source.lineStart(line);
        String text = source.text();
        for (int cp = 0; cp < mark.getColumn() && at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r'; cp++) {
            at += Character.charCount(text.codePointAt(at));
        }
        return at;
    }

    private static InputProblem problem(SourceText source, int offset, String message) {
        Position p = source.positionOf(Math.min(offset, source.text().length()));
        return new InputProblem(message, p, SourceLine.around(source, p));
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int next(String text, int lineEnd) {
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
            lineEnd++;
        }
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') {
            lineEnd++;
        }
        return lineEnd;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
