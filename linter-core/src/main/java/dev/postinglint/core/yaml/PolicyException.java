package dev.postinglint.core.yaml;

import dev.postinglint.core.source.FilePlace;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy that cannot be used, with every place in the policy files that is wrong. Its message
 * has one line per problem, {@code policy.yaml:LINE:COL: what is wrong}, as compilers print errors;
 * {@link #problems()} lists them (for an editor's diagnostics). {@link #location()}, {@link #line()},
 * {@link #column()} and {@link #problem()} describe the first one.
 */
public final class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One thing wrong, at a place in a policy file (line 0 when it concerns the whole file). */
    public record Problem(FilePlace place, String message) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return place + ": " + message;
        }
    }

    private final List<Problem> problems;

    public PolicyException(String location, int line, int column, String problem) {
        this(List.of(new Problem(new FilePlace(location, line, column), problem)));
    }

    public PolicyException(FilePlace place, String problem) {
        this(List.of(new Problem(place, problem)));
    }

    /** Several problems, in the order given (the loader gives them in file order). */
    public PolicyException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PolicyException needs a problem");
        }
        this.problems = List.copyOf(new ArrayList<>(problems));
    }

    /** Every problem, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    /** The policy file of the first problem (a path or {@code builtin:NAME}). */
    public String location() {
        return problems.get(0).place().location();
    }

    /** 1-based line of the first problem, or 0 when it concerns the whole file. */
    public int line() {
        return problems.get(0).place().line();
    }

    public int column() {
        return problems.get(0).place().column();
    }

    /** The first problem's message, without its place. */
    public String problem() {
        return problems.get(0).message();
    }
}
