package dev.postinglint.cli;

import dev.postinglint.core.model.ToolInfo;
import dev.postinglint.core.policy.ClasspathPacks;
import dev.postinglint.core.session.ExitStatus;
import dev.postinglint.core.session.SessionException;
import dev.postinglint.core.yaml.PolicyException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * {@code posting-lint}: the command-line face of the engine. Exit codes follow ESLint: 0 nothing at the
 * {@code --fail-on} level, 1 something is, 2 anything else: a usage, policy or I/O error, an internal error or
 * running out of memory (any run that did not complete).
 */
public final class Main implements Runnable {
    public static final int OK = ExitStatus.OK.code();
    public static final int FINDINGS = ExitStatus.FINDINGS.code();
    public static final int USAGE_OR_IO = ExitStatus.ERROR.code();

    CommandLine.Model.CommandSpec spec;

    /** The top-level command's model, built in code (start-up: see {@link Specs}). */
    static CommandLine.Model.CommandSpec spec(Main m) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(m).name("posting-lint")
                .versionProvider(new Version());
        spec.usageMessage().description("A compliance and consistency linter for job postings.");
        Specs.standardHelpOptions(spec);
        m.spec = spec;
        return spec;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                    new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        } catch (OutOfMemoryError e) {
            // Exit 1 means "findings"; a run that did not complete must never look like one.
            System.err.println("posting-lint: out of memory; give the JVM more (POSTING_LINT_JAVA_OPTS=-Xmx2g) or check fewer files at once");
            code = USAGE_OR_IO;
        } catch (Throwable e) {
            System.err.println("posting-lint: internal error: " + e);
            code = USAGE_OR_IO;
        }
        System.exit(code);
    }

    /** Runs a command line; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length > 0 && (args[0].equals("check") || args[0].equals("fix"))) {
            readGazetteerMeanwhile();
        }
        CommandLine cl = new CommandLine(spec(new Main()));
        addSubcommands(cl, args.length == 0 ? null : args[0]);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("posting-lint: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE_OR_IO;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof PolicyException pe) {
                e.println(pe.getMessage());
            } else if (ex instanceof SessionException ue) {
                e.println("posting-lint: " + ue.getMessage());
            } else if (ex.getCause() instanceof OutOfMemoryError) {
                e.println("posting-lint: out of memory; give the JVM more (POSTING_LINT_JAVA_OPTS=-Xmx2g) or check fewer files at once");
            } else {
                e.println("posting-lint: internal error: " + ex + (Debug.enabled() ? "" : " (--debug shows the stack trace)"));
                if (Debug.enabled()) {
                    ex.printStackTrace(e);
                }
            }
            e.flush();
            return USAGE_OR_IO;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Reads the shipped gazetteer on another core while the command line is parsed and the policy is
     * found: every shipped pack judges jurisdictions, so a check or fix almost always needs it, and on a
     * cold one-file check reading it (YAML of every country, region and city) is about a tenth of the
     * policy's load. The pack source keeps it for the loader; if this fails, the loader reads it where it
     * is needed and reports the problem there.
     */
    private static void readGazetteerMeanwhile() {
        Thread t = new Thread(() -> {
            try {
                ClasspathPacks.shipped().gazetteer();
            } catch (RuntimeException | Error e) {
                // read again, and reported, by the loader (nothing of this thread reaches standard error)
            }
        }, "posting-lint gazetteer");
        t.setDaemon(true);
        t.start();
    }

    /** The subcommands, in help order. */
    private static final String[] NAMES = {"check", "fix", "rules", "explain", "test-policy", "print-config", "generate-completion", "help", "bench",
        "lsp"};

    /**
     * Registers the subcommands. Speed: picocli builds each command's model by reflection when it is
     * registered, so a run whose first argument names a command registers only that one (a cold
     * {@code check} of one file starts measurably faster); anything else (no command, {@code help},
     * {@code --help}, a typo) gets them all, so help and error messages list every command;
     * {@code generate-completion} too, since its script completes every command.
     */
    static void addSubcommands(CommandLine cl, String first) {
        boolean one = first != null && java.util.Arrays.asList(NAMES).contains(first) && !first.equals("help")
                && !first.equals("generate-completion");
        for (String name : NAMES) {
            if (one && !name.equals(first)) {
                continue;
            }
            cl.addSubcommand(name, switch (name) {
                case "check" -> CheckCommand.spec(new CheckCommand());
                case "fix" -> FixCommand.spec(new FixCommand());
                case "rules" -> new RulesCommand();
                case "explain" -> new ExplainCommand();
                case "test-policy" -> new TestPolicyCommand();
                case "print-config" -> new PrintConfigCommand();
                case "help" -> new CommandLine.HelpCommand();
                case "lsp" -> new LspCommand();
                case "generate-completion" -> new picocli.AutoComplete.GenerateCompletion();
                default -> new BenchCommand();
            });
        }
        CommandLine completion = cl.getSubcommands().get("generate-completion");
        if (completion != null) {
            // picocli hides it by default; it is documented (README, Install), so help lists it.
            completion.getCommandSpec().usageMessage().hidden(false);
        }
    }

    /**
     * {@code --version}: the version and the commit the jar was built from, as the build recorded them
     * in {@code build-info.properties} ("unknown" when built without git, as from a source tarball).
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = Main.class.getResourceAsStream("build-info.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            String commit = p.getProperty("commit", "");
            if (commit.isBlank() || commit.startsWith("${")) {
                commit = "unknown";
            }
            return new String[] {ToolInfo.NAME + " " + ToolInfo.version(), "commit " + commit};
        }
    }
}
