package dev.postinglint.core.fix;

import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.input.PostingReader;
import dev.postinglint.core.source.SourceText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A posting's bytes and the text decoded from them, kept in step under edits. Edits are made to the bytes
 * by splicing: every byte outside an edited range is copied from the original as it was (byte-order mark,
 * line endings, entities, everything), and only the replacement text is encoded. Offsets are UTF-16 offsets
 * into the text, after the BOM, as in findings.
 */
public final class EncodedPosting {
    private static final int BOM_LENGTH = 3;

    private final String name;
    private final byte[] bytes;
    private final SourceText source;

    private EncodedPosting(String name, byte[] bytes, SourceText source) {
        this.name = name;
        this.bytes = bytes;
        this.source = source;
    }

    /** Decodes a posting's bytes as the linter does (UTF-8, BOM stripped), or says why it is not a posting. */
    public static EncodedPosting decode(String name, byte[] bytes) throws InputProblem {
        return new EncodedPosting(name, bytes.clone(), PostingReader.decode(name, bytes));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String text() {
        return source.text();
    }

    public SourceText source() {
        return source;
    }

    public boolean hadBom() {
        return source.hadBom();
    }

    /** This posting with the edits (in text order, not overlapping) applied to both bytes and text. */
    public EncodedPosting apply(List<FixPlanner.Edit> edits) {
        String text = source.text();
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
        int byteAt = source.hadBom() ? BOM_LENGTH : 0;
        out.write(bytes, 0, byteAt);
        int textAt = 0;
        for (FixPlanner.Edit e : edits) {
            int keep = utf8Length(text, textAt, e.start());
            out.write(bytes, byteAt, keep);
            byteAt += keep;
            byteAt += utf8Length(text, e.start(), e.end()); // the replaced bytes
            byte[] r = e.replacement().getBytes(StandardCharsets.UTF_8);
            out.write(r, 0, r.length);
            textAt = e.end();
        }
        out.write(bytes, byteAt, bytes.length - byteAt);
        byte[] result = out.toByteArray();
        String newText = FixPlanner.apply(text, edits);
        SourceText decoded;
        try {
            decoded = PostingReader.decode(name, result);
        } catch (InputProblem p) {
            throw new IllegalStateException("a fix made " + name + " unreadable: " + p.getMessage(), p);
        }
        if (!decoded.text().equals(newText)) {
            throw new IllegalStateException("fixed bytes and fixed text of " + name + " disagree");
        }
        return new EncodedPosting(name, result, decoded);
    }

    /** Whether the bytes are the same as another version's. */
    public boolean sameBytes(EncodedPosting other) {
        return Arrays.equals(bytes, other.bytes);
    }

    /** UTF-8 length of {@code text[from, to)}; both ends fall between code points. */
    static int utf8Length(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
