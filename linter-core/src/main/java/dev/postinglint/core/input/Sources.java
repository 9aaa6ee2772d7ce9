package dev.postinglint.core.input;

import dev.postinglint.core.source.SourceText;

/** Where the text of each posting comes from: the file itself, or (for {@code fix}) text edited in memory. */
@FunctionalInterface
public interface Sources {
    SourceText read(InputFile file) throws InputProblem;
}
