package dev.postinglint.core.filter;

import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Waiver;
import dev.postinglint.core.regex.Globs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a policy's waivers to one posting's findings: a finding that a waiver in force covers gets that
 * waiver (it is still reported, marked, but counts against no threshold). A waiver that expired before the
 * as-of day covers nothing any more; each one that would have covered a finding adds one warning
 * ({@value BuiltinRules#EXPIRED_WAIVER}) naming it, at the first such finding, so that it gets renewed or removed.
 */
public final class Waivers {

    private Waivers() {
    }

    /** The policy's waivers for one posting file, as a step of the engine's filter chain. */
    public static FindingFilter of(List<Waiver> waivers, Path file, LocalDate asOf) {
        return waivers.isEmpty() ? FindingFilter.NONE : r -> r.withFindings(apply(r.findings(), waivers, file, asOf));
    }

    public static List<Finding> apply(List<Finding> findings, List<Waiver> waivers, Path file, LocalDate asOf) {
        if (waivers.isEmpty()) {
            return findings;
        }
        List<Waiver> forFile = waivers.stream().filter(w -> coversFile(w, file)).toList();
        if (forFile.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        Map<Waiver, Finding> expired = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!waivable(f.ruleId())) {
                out.add(f);
                continue;
            }
            Waiver inForce = null;
            for (Waiver w : forFile) {
                if (!w.coversRule(f.ruleId())) {
                    continue;
                }
                if (w.expiredOn(asOf)) {
                    expired.putIfAbsent(w, f);
                } else if (inForce == null) {
                    inForce = w;
                }
            }
            out.add(inForce == null ? f : f.withWaiver(inForce));
        }
        for (Map.Entry<Waiver, Finding> e : expired.entrySet()) {
            Waiver w = e.getKey();
            Finding f = e.getValue();
            out.add(new Finding(BuiltinRules.EXPIRED_WAIVER, "waiver", Severity.WARNING, "The waiver of '" + String.join(", ", w.rules())
                    + "' for " + w.target() + " (approved by " + w.approvedBy() + ": " + w.reason() + "; " + w.place()
                    + ") expired on " + w.expires() + ": its findings count again; renew or remove it",
                    f.span(), f.excerpt(), null, null, f.line()));
        }
        out.sort(Finding.ORDER);
        return out;
    }

    /** Findings about the linter's own machinery are never waived. */
    static boolean waivable(String ruleId) {
        return Suppressions.suppressible(ruleId);
    }

    /** Whether the waiver names this posting file (an absolute, normalized path). */
    static boolean coversFile(Waiver w, Path file) {
        if (w.posting() != null) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return (dot > 0 ? name.substring(0, dot) : name).equals(w.posting());
        }
        Path base = w.baseDir() == null ? Path.of("").toAbsolutePath() : w.baseDir();
        Path abs = file.toAbsolutePath().normalize();
        String rel = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
        return new Globs(List.of(w.files())).matches(dev.postinglint.core.source.Slashes.of(rel));
    }
}
