package dev.postinglint.core.yaml;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML file's composed node tree (SnakeYAML's {@link Node}s: tags, values, styles, anchors and aliases, and every
 * node's start and end mark) written at build time, so that reading a shipped pack does not run SnakeYAML's scanner,
 * parser and composer, about a fifth of a cold one-file check's CPU in the policy load (docs/BENCHMARKS.md,
 * "Round 12: cold start"). {@link #read} gives the same tree {@code Composer.getSingleNode()} gives for the YAML it
 * was made from, and null for any other YAML: the image records the source's length and CRC-32, so a stale or
 * foreign image only costs the compose it would have saved. The marks keep their line, column and index (so
 * every error names the same place) but no snippet buffer, which only SnakeYAML's own parse errors print.
 */
public final class NodeImage {
    private static final int MAGIC = 0x504c594e; // "PLYN"
    private static final int VERSION = 1;

    private static final int SCALAR = 0;
    private static final int SEQUENCE = 1;
    private static final int MAPPING = 2;
    private static final int ALIAS = 3;

    private static final int RESOLVED = 1;
    private static final int ANCHOR = 2;
    private static final int MERGED = 4;
    private static final int IN_LINE_COMMENTS = 8;
    private static final int BLOCK_COMMENTS = 16;
    private static final int END_COMMENTS = 32;

    private static final DumperOptions.ScalarStyle[] SCALAR_STYLES = DumperOptions.ScalarStyle.values();
    private static final DumperOptions.FlowStyle[] FLOW_STYLES = DumperOptions.FlowStyle.values();
    /** The resolver's own tags, so that an image's nodes hold the same tag objects a compose gives. */
    private static final Tag[] KNOWN_TAGS = {Tag.STR, Tag.MAP, Tag.SEQ, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
        Tag.TIMESTAMP, Tag.MERGE, Tag.BINARY, Tag.SET, Tag.OMAP, Tag.PAIRS, Tag.YAML, Tag.COMMENT};

    private NodeImage() {
    }

    /**
     * The tree composed from {@code source} as the image holds it, or null when the image was not made from these
     * bytes (or is not an image this version reads).
     */
    public static Node read(byte[] image, byte[] source) {
        if (image == null || source == null) {
            return null;
        }
        try {
            Reader r = new Reader(image);
            if (r.int32() != MAGIC || r.varint() != VERSION || r.varint() != source.length || r.int32() != crc(source)) {
                return null;
            }
            Node root = r.document();
            return r.pos == image.length ? root : null;
        } catch (RuntimeException | StackOverflowError e) {
            return null; // a damaged image: compose the YAML instead
        }
    }

    /**
     * The image of {@code root}, composed from {@code source}. Fails on what a compose of a policy file never
     * gives (comments, a mark of another name, a node built in two steps), so that every image reads back the
     * same; the caller checks that with {@link #difference}.
     */
    public static byte[] write(Node root, byte[] source) {
        Writer w = new Writer();
        w.collect(root, new IdentityHashMap<>());
        int markName = w.string(w.markName);
        Body body = new Body(w);
        body.node(root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer.int32(out, MAGIC);
        Writer.varint(out, VERSION);
        Writer.varint(out, source.length);
        Writer.int32(out, crc(source));
        Writer.varint(out, w.strings.size());
        for (String s : w.strings) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            Writer.varint(out, b.length);
            out.write(b, 0, b.length);
        }
        Writer.varint(out, markName);
        byte[] b = body.out.toByteArray();
        out.write(b, 0, b.length);
        return out.toByteArray();
    }

    private static int crc(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes, 0, bytes.length);
        return (int) c.getValue();
    }

    /** Collects the strings (into a table, each once) and checks what the image cannot hold. */
    private static final class Writer {
        final List<String> strings = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();
        String markName;

        int string(String s) {
            return index.computeIfAbsent(s, k -> {
                strings.add(k);
                return strings.size() - 1;
            });
        }

        void collect(Node n, IdentityHashMap<Node, Boolean> seen) {
            if (seen.put(n, Boolean.TRUE) != null) {
                return;
            }
            if (n.isTwoStepsConstruction()) {
                throw new IllegalArgumentException("a recursive node at " + n.getStartMark());
            }
            mark(n.getStartMark());
            mark(n.getEndMark());
            for (List<CommentLine> c : List.of(orEmpty(n.getInLineComments()), orEmpty(n.getBlockComments()),
                    orEmpty(n.getEndComments()))) {
                if (!c.isEmpty()) {
                    throw new IllegalArgumentException("comments are not kept in an image: " + n.getStartMark());
                }
            }
            string(n.getTag().getValue());
            if (n.getAnchor() != null) {
                string(n.getAnchor());
            }
            if (n instanceof ScalarNode s) {
                string(s.getValue());
            } else if (n instanceof SequenceNode q) {
                for (Node c : q.getValue()) {
                    collect(c, seen);
                }
            } else {
                for (NodeTuple t : ((MappingNode) n).getValue()) {
                    collect(t.getKeyNode(), seen);
                    collect(t.getValueNode(), seen);
                }
            }
        }

        private void mark(Mark m) {
            Objects.requireNonNull(m, "a node without a mark");
            if (markName == null) {
                markName = m.getName();
            } else if (!markName.equals(m.getName())) {
                throw new IllegalArgumentException("marks of two names: " + markName + ", " + m.getName());
            }
        }

        static void varint(ByteArrayOutputStream out, int v) {
            if (v < 0) {
                throw new IllegalArgumentException("negative: " + v);
            }
            while (v >= 0x80) {
                out.write((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            out.write(v);
        }

        static void int32(ByteArrayOutputStream out, int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
        }
    }

    /** The nodes, in the order the reader makes them: a node before its children, an alias as its node's number. */
    private static final class Body {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Writer strings;
        final IdentityHashMap<Node, Integer> ids = new IdentityHashMap<>();

        Body(Writer strings) {
            this.strings = strings;
        }

        void node(Node n) {
            Integer id = ids.get(n);
            if (id != null) {
                Writer.varint(out, ALIAS);
                Writer.varint(out, id);
                return;
            }
            ids.put(n, ids.size());
            int kind = n instanceof ScalarNode ? SCALAR : n instanceof SequenceNode ? SEQUENCE : MAPPING;
            int flags = (resolved(n) ? RESOLVED : 0) | (n.getAnchor() != null ? ANCHOR : 0)
                    | (n instanceof MappingNode m && m.isMerged() ? MERGED : 0)
                    | (n.getInLineComments() != null ? IN_LINE_COMMENTS : 0)
                    | (n.getBlockComments() != null ? BLOCK_COMMENTS : 0)
                    | (n.getEndComments() != null ? END_COMMENTS : 0);
            Writer.varint(out, kind | flags << 2);
            Writer.varint(out, strings.string(n.getTag().getValue()));
            if (n.getAnchor() != null) {
                Writer.varint(out, strings.string(n.getAnchor()));
            }
            mark(n.getStartMark());
            mark(n.getEndMark());
            if (n instanceof ScalarNode s) {
                Writer.varint(out, s.getScalarStyle().ordinal());
                Writer.varint(out, strings.string(s.getValue()));
            } else if (n instanceof SequenceNode q) {
                Writer.varint(out, q.getFlowStyle().ordinal());
                Writer.varint(out, q.getValue().size());
                for (Node c : q.getValue()) {
                    node(c);
                }
            } else {
                MappingNode m = (MappingNode) n;
                Writer.varint(out, m.getFlowStyle().ordinal());
                Writer.varint(out, m.getValue().size());
                for (NodeTuple t : m.getValue()) {
                    node(t.getKeyNode());
                    node(t.getValueNode());
                }
            }
        }

        private void mark(Mark m) {
            Writer.varint(out, m.getIndex());
            Writer.varint(out, m.getLine());
            Writer.varint(out, m.getColumn());
        }
    }

    /** Reads an image: one pass over the bytes, no SnakeYAML code but the nodes' constructors. */
    private static final class Reader {
        private static final int[] NO_BUFFER = new int[0];
        private final byte[] b;
        int pos;
        private String[] strings;
        private Tag[] tags;
        private String markName;
        private final List<Node> nodes = new ArrayList<>();

        Reader(byte[] b) {
            this.b = b;
        }

        int varint() {
            int v = 0;
            int shift = 0;
            int x;
            do {
                x = b[pos++];
                v |= (x & 0x7f) << shift;
                shift += 7;
            } while (x < 0);
            return v;
        }

        /** A count of things still to read, each at least a byte long: never more than the bytes left. */
        int count() {
            int n = varint();
            if (n < 0 || n > b.length - pos) {
                throw new IllegalArgumentException("a count past the image's end");
            }
            return n;
        }

        int int32() {
            int v = (b[pos] & 0xff) << 24 | (b[pos + 1] & 0xff) << 16 | (b[pos + 2] & 0xff) << 8 | (b[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        Node document() {
            int n = count();
            strings = new String[n];
            for (int i = 0; i < n; i++) {
                int len = count();
                strings[i] = new String(b, pos, len, StandardCharsets.UTF_8);
                pos += len;
            }
            tags = new Tag[n];
            markName = strings[varint()];
            return node();
        }

        private Tag tag(int i) {
            Tag t = tags[i];
            if (t == null) {
                String value = strings[i];
                for (Tag known : KNOWN_TAGS) {
                    if (known.getValue().equals(value)) {
                        t = known;
                        break;
                    }
                }
                tags[i] = t = t != null ? t : new Tag(value);
            }
            return t;
        }

        private Mark mark() {
            int index = varint();
            int line = varint();
            return new Mark(markName, index, line, varint(), NO_BUFFER, 0);
        }

        Node node() {
            int head = varint();
            int kind = head & 3;
            if (kind == ALIAS) {
                return nodes.get(varint());
            }
            int flags = head >>> 2;
            Tag tag = tag(varint());
            String anchor = (flags & ANCHOR) != 0 ? strings[varint()] : null;
            Mark start = mark();
            Mark end = mark();
            boolean resolved = (flags & RESOLVED) != 0;
            Node n;
            if (kind == SCALAR) {
                DumperOptions.ScalarStyle style = SCALAR_STYLES[varint()];
                n = new ScalarNode(tag, resolved, strings[varint()], start, end, style);
                finish(n, flags, anchor);
            } else if (kind == SEQUENCE) {
                DumperOptions.FlowStyle flow = FLOW_STYLES[varint()];
                int count = count();
                List<Node> items = new ArrayList<>(count);
                n = new SequenceNode(tag, resolved, items, start, end, flow);
                finish(n, flags, anchor);
                for (int i = 0; i < count; i++) {
                    items.add(node());
                }
            } else {
                DumperOptions.FlowStyle flow = FLOW_STYLES[varint()];
                int count = count();
                List<NodeTuple> tuples = new ArrayList<>(count);
                MappingNode m = new MappingNode(tag, resolved, tuples, start, end, flow);
                m.setMerged((flags & MERGED) != 0);
                n = m;
                finish(n, flags, anchor);
                for (int i = 0; i < count; i++) {
                    Node key = node();
                    tuples.add(new NodeTuple(key, node()));
                }
            }
            return n;
        }

        private void finish(Node n, int flags, String anchor) {
            nodes.add(n);
            if (anchor != null) {
                n.setAnchor(anchor);
            }
            // What the composer sets when comments are not processed: empty lists (null where it sets none).
            if ((flags & IN_LINE_COMMENTS) != 0) {
                n.setInLineComments(new ArrayList<>());
            }
            if ((flags & BLOCK_COMMENTS) != 0) {
                n.setBlockComments(new ArrayList<>());
            }
            if ((flags & END_COMMENTS) != 0) {
                n.setEndComments(new ArrayList<>());
            }
        }
    }

    /**
     * Where two trees differ (as a path and what differs), or null when they are the same: node kinds, tags,
     * resolution, values, styles, anchors, merge flags, comment lists, marks (name, index, line, column) and which
     * nodes are one node reached twice (an alias).
     */
    public static String difference(Node a, Node b) {
        return difference(a, b, "$", new IdentityHashMap<>(), new IdentityHashMap<>());
    }

    private static String difference(Node a, Node b, String path, IdentityHashMap<Node, Node> aToB,
            IdentityHashMap<Node, Node> bToA) {
        Node mappedB = aToB.get(a);
        Node mappedA = bToA.get(b);
        if (mappedB != null || mappedA != null) {
            return mappedB == b && mappedA == a ? null : path + ": aliased differently";
        }
        aToB.put(a, b);
        bToA.put(b, a);
        if (a.getClass() != b.getClass()) {
            return path + ": " + a.getClass().getSimpleName() + " against " + b.getClass().getSimpleName();
        }
        String d = !a.getTag().equals(b.getTag()) ? "tag " + a.getTag() + " against " + b.getTag()
                : resolved(a) != resolved(b) ? "resolved"
                : !Objects.equals(a.getAnchor(), b.getAnchor()) ? "anchor"
                : !sameMark(a.getStartMark(), b.getStartMark()) ? "start mark"
                : !sameMark(a.getEndMark(), b.getEndMark()) ? "end mark"
                : !Objects.equals(a.getInLineComments(), b.getInLineComments()) ? "in-line comments"
                : !Objects.equals(a.getBlockComments(), b.getBlockComments()) ? "block comments"
                : !Objects.equals(a.getEndComments(), b.getEndComments()) ? "end comments"
                : a.isTwoStepsConstruction() != b.isTwoStepsConstruction() ? "two steps"
                : a.getType() != b.getType() ? "type"
                : null;
        if (d != null) {
            return path + ": " + d;
        }
        if (a instanceof ScalarNode sa) {
            ScalarNode sb = (ScalarNode) b;
            return !sa.getValue().equals(sb.getValue()) ? path + ": value" : sa.getScalarStyle() != sb.getScalarStyle() ? path + ": style" : null;
        }
        if (a instanceof SequenceNode qa) {
            SequenceNode qb = (SequenceNode) b;
            if (qa.getFlowStyle() != qb.getFlowStyle() || qa.getValue().size() != qb.getValue().size()) {
                return path + ": flow style or length";
            }
            for (int i = 0; i < qa.getValue().size(); i++) {
                String c = difference(qa.getValue().get(i), qb.getValue().get(i), path + "[" + i + "]", aToB, bToA);
                if (c != null) {
                    return c;
                }
            }
            return null;
        }
        MappingNode ma = (MappingNode) a;
        MappingNode mb = (MappingNode) b;
        if (ma.getFlowStyle() != mb.getFlowStyle() || ma.isMerged() != mb.isMerged() || ma.getValue().size() != mb.getValue().size()) {
            return path + ": flow style, merge or length";
        }
        for (int i = 0; i < ma.getValue().size(); i++) {
            NodeTuple ta = ma.getValue().get(i);
            NodeTuple tb = mb.getValue().get(i);
            String c = difference(ta.getKeyNode(), tb.getKeyNode(), path + ".key" + i, aToB, bToA);
            if (c == null) {
                c = difference(ta.getValueNode(), tb.getValueNode(), path + "." + i, aToB, bToA);
            }
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static boolean sameMark(Mark a, Mark b) {
        return a == null ? b == null : b != null && a.getName().equals(b.getName()) && a.getIndex() == b.getIndex()
                && a.getLine() == b.getLine() && a.getColumn() == b.getColumn();
    }

    private static List<CommentLine> orEmpty(List<CommentLine> c) {
        return c == null ? List.of() : c;
    }

    /** SnakeYAML keeps whether a node's tag was resolved (not written) in a protected field with no getter. */
    private static boolean resolved(Node n) {
        try {
            Field f = Node.class.getDeclaredField("resolved");
            f.setAccessible(true);
            return f.getBoolean(n);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read a node's resolution", e);
        }
    }
}
