package dev.postinglint.core.input;

import java.nio.file.Path;

/** A file to lint: where it is, and the path reports show (relative to the working directory when inside it). */
public record InputFile(Path path, String displayPath) implements Comparable<InputFile> {
    public static InputFile of(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        return new InputFile(abs, dev.postinglint.core.source.Slashes.of(shown.toString()));
    }

    @Override
    public int compareTo(InputFile o) {
        return displayPath.compareTo(o.displayPath);
    }
}
