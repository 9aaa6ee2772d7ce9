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
}
