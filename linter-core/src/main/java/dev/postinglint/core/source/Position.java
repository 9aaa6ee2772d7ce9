package dev.postinglint.core.source;

/** A place in a source file: 1-based line, 1-based column counted in UTF-16 code units (as SARIF and LSP do). */
public record Position(int line, int column) implements Comparable<Position> {
    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    @Override
    public int compareTo(Position o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }

    // equals and hashCode written out, with the values the generated ones have (31 * h + each component's hash,
    // in order): a record's generated methods are linked by invokedynamic on first use, which cost a cold one-file
    // check tens of ms of CPU (docs/BENCHMARKS.md, "Round 8: cold start on Java 17").
    @Override
    public boolean equals(Object other) {
        return other instanceof Position o && line == o.line
                && column == o.column;
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Integer.hashCode(line);
        h = 31 * h + Integer.hashCode(column);
        return h;
    }
}
