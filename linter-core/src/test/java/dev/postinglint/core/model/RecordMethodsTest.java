package dev.postinglint.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.lang.runtime.ObjectMethods;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written out (for start-up: see Finding) agree with what the compiler
 * would generate, {@link ObjectMethods}: the same hash values, so no hash-ordered output can change, and the same
 * equality, on values that differ in each component in turn, nulls included.
 */
class RecordMethodsTest {
    private static final Position P1 = new Position(1, 2);
    private static final Position P2 = new Position(3, 4);
    private static final SourceSpan S1 = new SourceSpan(0, 5, P1, P2);
    private static final SourceSpan S2 = new SourceSpan(1, 5, P1, P2);
    private static final Fix F1 = new Fix(S1, "x", "replace");
    private static final SourceLine L1 = new SourceLine("a line", 1);

    @Test
    void positions() throws Throwable {
        agree(Position.class, List.of(P1, P2, new Position(1, 2), new Position(1, 4), new Position(3, 2)));
    }

    @Test
    void spans() throws Throwable {
        agree(SourceSpan.class, List.of(S1, S2, new SourceSpan(0, 5, P1, P2), new SourceSpan(0, 6, P1, P2),
                new SourceSpan(0, 5, P2, P2), new SourceSpan(0, 5, P1, P1)));
    }

    @Test
    void sourceLines() throws Throwable {
        agree(SourceLine.class, List.of(L1, SourceLine.NONE, new SourceLine("a line", 1), new SourceLine("a line", 2)));
    }

    @Test
    void fixes() throws Throwable {
        agree(Fix.class, List.of(F1, new Fix(S1, "x", "replace"), new Fix(S2, "x", "replace"), new Fix(S1, "y", "replace"),
                new Fix(S1, "x", null), new Fix(null, null, null)));
    }

    @Test
    void relatedPlaces() throws Throwable {
        agree(RelatedPlace.class, List.of(new RelatedPlace(S1, "m", "e", F1), new RelatedPlace(S1, "m", "e", F1),
                new RelatedPlace(S2, "m", "e", F1), new RelatedPlace(S1, "n", "e", F1), new RelatedPlace(S1, "m", "f", F1),
                new RelatedPlace(S1, "m", "e", null)));
    }

    @Test
    void findings() throws Throwable {
        Finding f = new Finding("rule", "cat", Severity.ERROR, "msg", S1, "exc", "https://law", F1, L1);
        List<Finding> values = new ArrayList<>(List.of(f, new Finding("rule", "cat", Severity.ERROR, "msg", S1, "exc", "https://law", F1, L1),
                new Finding("rule2", "cat", Severity.ERROR, "msg", S1, "exc", "https://law", F1, L1),
                new Finding("rule", "cat2", Severity.ERROR, "msg", S1, "exc", "https://law", F1, L1),
                f.withSeverity(Severity.WARNING),
                new Finding("rule", "cat", Severity.ERROR, "msg2", S1, "exc", "https://law", F1, L1),
                new Finding("rule", "cat", Severity.ERROR, "msg", S2, "exc", "https://law", F1, L1),
                new Finding("rule", "cat", Severity.ERROR, "msg", S1, "exc2", "https://law", F1, L1),
                new Finding("rule", "cat", Severity.ERROR, "msg", S1, "exc", null, F1, L1),
                f.withoutFix(),
                new Finding("rule", "cat", Severity.ERROR, "msg", S1, "exc", "https://law", F1, SourceLine.NONE)));
        Finding grouped = Finding.onePerPosting(List.of(f, values.get(6)));
        values.add(grouped);
        values.add(Finding.onePerPosting(List.of(f, values.get(7))));
        values.add(new Finding("rule", "cat", Severity.ERROR, "msg", S1, "exc", "https://law", F1, L1, null, grouped.related(), false));
        agree(Finding.class, values);
    }

    /** Each value's hash is the generated one's, and each pair is equal exactly when the generated equals says so. */
    private static <R extends Record> void agree(Class<R> type, List<R> values) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        RecordComponent[] components = type.getRecordComponents();
        MethodHandle[] getters = new MethodHandle[components.length];
        for (int i = 0; i < components.length; i++) {
            getters[i] = lookup.unreflect(components[i].getAccessor());
        }
        String names = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(";"));
        MethodHandle hash = (MethodHandle) ObjectMethods.bootstrap(lookup, "hashCode", MethodHandle.class, type, names, getters);
        MethodHandle equals = (MethodHandle) ObjectMethods.bootstrap(lookup, "equals", MethodHandle.class, type, names, getters);
        for (R a : values) {
            assertEquals((int) hash.invoke(a), a.hashCode(), () -> "hash of " + a);
            for (R b : values) {
                assertEquals((boolean) equals.invoke(a, b), a.equals(b), () -> a + " equals " + b);
            }
            assertEquals(false, a.equals(null));
            assertEquals(false, a.equals("not a " + type.getSimpleName()));
        }
    }
}
