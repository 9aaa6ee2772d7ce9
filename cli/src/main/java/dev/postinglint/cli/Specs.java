package dev.postinglint.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's model of the top-level command, {@code check} and {@code fix}, built in code instead of read from
 * annotations. Speed: reading the annotations by reflection (a proxy class generated for each annotation type,
 * every field's annotations parsed) cost a cold one-file check about 50 ms of CPU on the main thread before the
 * policy could load (docs/BENCHMARKS.md, "Round 8: cold start on Java 17"). The options, their help and how they
 * parse are what the annotations said: each option is declared once, by the class whose field it sets, and
 * {@code CommandModelIT} checks the help and errors of these commands as users see them. The other commands keep
 * their annotations.
 */
final class Specs {
    private Specs() {
    }

    /** What {@code mixinStandardHelpOptions = true} adds, last, as picocli's own mixin does. */
    static void standardHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).descriptionKey("mixinStandardHelpOptions.help")
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).descriptionKey("mixinStandardHelpOptions.version")
                .description("Print version information and exit.").build());
    }

    /**
     * An option whose value is a field of a command object, read and written through {@code get} and {@code set};
     * its initial value is the field's value now, as picocli takes it from an annotated field.
     */
    static <T> OptionSpec.Builder option(Class<?> type, Supplier<T> get, Consumer<T> set, String... names) {
        Binding<T> binding = new Binding<>(get, set);
        return OptionSpec.builder(names).type(type).getter(binding).setter(binding).initialValue(get.get()).hasInitialValue(true);
    }

    /** A positional parameter bound like {@link #option}. */
    static <T> PositionalParamSpec.Builder positional(Class<?> type, Supplier<T> get, Consumer<T> set) {
        Binding<T> binding = new Binding<>(get, set);
        return PositionalParamSpec.builder().type(type).getter(binding).setter(binding).initialValue(get.get()).hasInitialValue(true);
    }

    /** A field of a command object, as picocli reads and sets it. */
    private static final class Binding<T> implements IGetter, ISetter {
        private final Supplier<T> get;
        private final Consumer<T> set;

        Binding(Supplier<T> get, Consumer<T> set) {
            this.get = get;
            this.set = set;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V get() {
            return (V) get.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V set(V value) {
            V old = (V) get.get();
            set.accept((T) value);
            return old;
        }
    }
}
