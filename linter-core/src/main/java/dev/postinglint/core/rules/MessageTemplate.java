package dev.postinglint.core.rules;

import dev.postinglint.core.source.FilePlace;
import dev.postinglint.core.yaml.PolicyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A rule message such as {@code "Avoid '{match}'"}, split once at load time into literal text and
 * placeholders. {@code {{} and {@code }}} write literal braces. Placeholders are checked when the
 * policy loads, so a typo fails at its line instead of printing braces to users.
 */
public final class MessageTemplate {
    private static final int MAX_VALUE_LENGTH = 120;

    private final String source;
    private final List<String> parts; // even: literal text, odd: placeholder name
    private final FilePlace place;

    private MessageTemplate(String source, List<String> parts, FilePlace place) {
        this.source = source;
        this.parts = parts;
        this.place = place;
    }

    public static MessageTemplate parse(String text, FilePlace place) {
        List<String> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                lit.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                lit.append('}');
                i += 2;
            } else if (c == '{') {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    throw new PolicyException(place, "message has an unclosed '{': " + text);
                }
                String name = text.substring(i + 1, close).strip();
                if (!name.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
                    throw new PolicyException(place, "message placeholder '{" + name + "}' is not a name (write {{ for a brace)");
                }
                parts.add(lit.toString());
                parts.add(name);
                lit.setLength(0);
                i = close + 1;
            } else if (c == '}') {
                throw new PolicyException(place, "message has a stray '}' (write }} for a brace): " + text);
            } else {
                lit.append(c);
                i++;
            }
        }
        parts.add(lit.toString());
        return new MessageTemplate(text, List.copyOf(parts), place);
    }

    public static MessageTemplate literal(String text) {
        return new MessageTemplate(text, List.of(text), new FilePlace("", 0, 0));
    }

    public String source() {
        return source;
    }

    public List<String> placeholders() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < parts.size(); i += 2) {
            out.add(parts.get(i));
        }
        return out;
    }

    /**
     * Checks every placeholder: a rule's own variables, {@code fields.NAME} for a declared field,
     * {@code company.KEY} for a declared company fact.
     */
    public void validate(Set<String> variables, Set<String> fields, Set<String> company) {
        for (String name : placeholders()) {
            boolean ok = variables.contains(name)
                    || (name.startsWith("fields.") && fields.contains(name.substring(7)))
                    || (name.startsWith("company.") && company.contains(name.substring(8)));
            if (!ok) {
                throw new PolicyException(place, "message placeholder '{" + name + "}' is unknown here (known: "
                        + String.join(", ", variables) + ", fields.NAME, company.KEY)");
            }
        }
    }

    /** Fills the placeholders; long values are shortened with an ellipsis. */
    public String render(Function<String, String> lookup) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                out.append(parts.get(i));
            } else {
                String v = lookup.apply(parts.get(i));
                // Values from postings (a match, a field) are shortened; a rule's own account is not.
                boolean own = parts.get(i).equals("problem") || parts.get(i).equals("diff");
                out.append(v == null ? "" : own ? v : shorten(v));
            }
        }
        return out.toString();
    }

    public String render(Map<String, String> values) {
        return render(values::get);
    }

    static String shorten(String v) {
        String oneLine = v.replace('\n', ' ').strip();
        return oneLine.length() <= MAX_VALUE_LENGTH ? oneLine : oneLine.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }

    @Override
    public String toString() {
        return source;
    }
}
