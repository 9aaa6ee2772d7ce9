package dev.postinglint.core.yaml;

import dev.postinglint.core.source.FilePlace;

/**
 * A policy that cannot be used, with the place in the policy file that is wrong. Its message reads
 * {@code policy.yaml:LINE:COL: what is wrong}, as compilers print errors.
 */
public final class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final int line;
    private final int column;
    private final String problem;

    public PolicyException(String location, int line, int column, String problem) {
        super(location + (line > 0 ? ":" + line + ":" + column : "") + ": " + problem);
        this.location = location;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public PolicyException(FilePlace place, String problem) {
        this(place.location(), place.line(), place.column(), problem);
    }

    /** The policy file (a path or {@code builtin:NAME}). */
    public String location() {
        return location;
    }

    /** 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
