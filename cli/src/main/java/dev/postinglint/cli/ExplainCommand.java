package dev.postinglint.cli;

import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.policy.Origins;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.rules.ReportMode;
import dev.postinglint.core.rules.RuleInfo;
import dev.postinglint.core.rules.When;
import dev.postinglint.core.session.SessionException;
import dev.postinglint.core.yaml.YamlValue;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code posting-lint explain RULE-ID}: what a rule checks, why, and examples. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain a rule: what it checks, when it applies (conditions, jurisdictions with dates and citations), the fields it reads, and examples.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Parameters(paramLabel = "RULE-ID", description = "The rule to explain.")
    String ruleId;

    @Override
    public Integer call() {
        Policy p = policy.policyHere();
        PrintWriter out = spec.commandLine().getOut();
        var builtin = BuiltinRules.find(ruleId);
        if (p.rule(ruleId).isEmpty() && builtin.isPresent()) {
            BuiltinRules.BuiltinRule b = builtin.get();
            out.println(b.id() + " (built-in, " + b.severity().label() + ", category " + b.category() + ")");
            out.println("Reported by posting-lint itself, whatever the policy; never suppressed, waived or fixed.");
            out.println();
            out.println(b.description());
            out.flush();
            return Main.OK;
        }
        PolicyRule r = p.rule(ruleId).orElseThrow(() -> new SessionException("no rule '" + ruleId + "' in policy "
                + p.label() + dev.postinglint.core.yaml.Suggest.didYouMean(ruleId, p.rules().stream().map(PolicyRule::id).toList())
                + " (see 'posting-lint rules')"));
        RuleInfo info = r.rule().info();
        out.println(info.id() + " (" + info.type() + ", " + (r.enabled() ? r.severity().label() : "off") + ", category " + info.category() + ")");
        out.println("Defined in " + info.place());
        Origins.Origin origin = p.origins().rules().get(info.id());
        if (origin != null && origin.isOverride()) {
            out.println("It " + Origins.describe("rule", info.id(), origin));
        }
        if (!info.description().isBlank()) {
            out.println();
            out.println(info.description().strip());
        }
        out.println();
        out.println("Message: " + info.message().source());
        if (info.link() != null) {
            boolean ownLinks = info.when().jurisdictions().stream().anyMatch(w -> w.link() != null);
            out.println("Source:  " + info.link() + (ownLinks ? " (where the jurisdiction below has no link of its own)" : ""));
        }
        // Everything that decides whether it fires: its own keys, scope, conditions and the fields it reads.
        if (origin != null) {
            String checks = typeKeys(origin.yaml());
            if (!checks.isBlank()) {
                out.println();
                out.println("Checks:");
                checks.lines().forEach(l -> out.println("  " + l));
            }
        }
        out.println();
        out.println("Scope:   " + (info.scope().isWhole() ? "the whole posting" : info.scope()));
        out.println("Reports: " + (info.report() == ReportMode.ONCE_PER_POSTING
                ? "once per posting (report: once-per-posting): one finding at the first place, the others as its related"
                        + " places; its fix fixes every place"
                : "each place as a finding of its own"));
        printWhen(out, info.when());
        java.util.Set<String> fields = new java.util.TreeSet<>(r.rule().fieldsUsed());
        fields.addAll(info.when().fieldsUsed());
        for (String f : fields) {
            Origins.Origin fo = p.origins().fields().get(f);
            if (fo == null) {
                continue;
            }
            out.println();
            out.println("Field '" + f + "' (" + fo.place() + (fo.isOverride() ? "; " + Origins.describe("field", f, fo) : "") + "):");
            fo.yaml().toYaml().lines().filter(l -> !l.equals("...")).forEach(l -> out.println("  " + l));
        }
        if (!info.examples().isEmpty()) {
            out.println();
            out.println("Flagged:");
            info.examples().flag().forEach(s -> out.println("  " + s.strip()));
            out.println("Passes:");
            info.examples().pass().forEach(s -> out.println("  " + s.strip()));
        }
        out.flush();
        return Main.OK;
    }

    /** The rule's type-specific keys (pattern, phrases, selector, ...) as written. */
    private static String typeKeys(YamlValue rule) {
        YamlValue v = rule;
        for (String common : List.of("id", "type", "severity", "category", "message", "description", "link", "scope", "when",
                "examples", "override", "report")) {
            v = v.with(common, null);
        }
        String yaml = v.toYaml().strip();
        return yaml.equals("{}") ? "" : yaml;
    }

    private static void printWhen(PrintWriter out, When when) {
        List<String> conditions = new ArrayList<>();
        if (when.field() != null) {
            String test = when.matches() != null ? "matches " + when.matches().pattern() : Boolean.FALSE.equals(when.present()) ? "is absent" : "is present";
            conditions.add("field '" + when.field() + "' " + test);
        }
        if (when.effectiveFrom() != null) {
            conditions.add("from " + when.effectiveFrom() + " (judged against --as-of)");
        }
        if (when.effectiveUntil() != null) {
            conditions.add("until " + when.effectiveUntil() + " (judged against --as-of)");
        }
        if (when.company() != null) {
            conditions.add("company fact '" + when.company() + "' is set");
        }
        if (when.usesJurisdictions()) {
            conditions.add("the location (field '" + when.jurisdictionField() + "') is in one of these jurisdictions, on the --as-of date:");
        }
        if (conditions.isEmpty()) {
            out.println("When:    always");
            return;
        }
        out.println("When:    " + String.join("\n         and ", conditions));
        for (When.JurisdictionWindow w : when.jurisdictions()) {
            String dates = (w.from() == null ? "" : "from " + w.from()) + (w.from() != null && w.until() != null ? " " : "")
                    + (w.until() == null ? "" : "until " + w.until());
            out.println("  " + String.format("%-10s", w.code()) + " " + w.label() + (dates.isEmpty() ? "" : ", " + dates)
                    + (w.remote() ? "" : ", only for jobs placed there (not remote ones)")
                    + (w.except().isEmpty() ? "" : ", except where " + String.join(" or ", w.except()) + " applies")
                    + (w.link() == null ? "" : "\n             " + w.link()));
        }
    }
}
