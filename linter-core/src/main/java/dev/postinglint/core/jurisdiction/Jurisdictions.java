package dev.postinglint.core.jurisdiction;

import java.util.List;
import java.util.Set;

/**
 * Where a posting's job is, as jurisdiction codes: countries ({@code GB}), first-level regions
 * ({@code US-CO}, {@code CA-BC}), cities with laws of their own ({@code US-NY-NYC}), every ancestor
 * of each, and {@code EU} plus {@code EU-PT} for a member state. A remote job open anywhere in a
 * country ({@code Remote - US}) is in scope of every region of it. {@code unresolved} lists the
 * location parts the gazetteer did not know (reported, never guessed).
 */
public record Jurisdictions(Set<String> codes, Set<String> remoteCountries, List<String> unresolved) {
    public static final Jurisdictions NONE = new Jurisdictions(Set.of(), Set.of(), List.of());

    public Jurisdictions {
        codes = Set.copyOf(codes);
        remoteCountries = Set.copyOf(remoteCountries);
        unresolved = List.copyOf(unresolved);
    }

    /** Whether a job here is in scope of {@code wanted}: the same place, a place inside it, or remote across its country. */
    public boolean covers(String wanted) {
        if (codes.contains(wanted)) {
            return true;
        }
        for (String c : codes) {
            if (c.startsWith(wanted + "-")) {
                return true;
            }
        }
        for (String country : remoteCountries) {
            if (wanted.startsWith(country + "-")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Like {@link #covers}, but a job open anywhere in a country does not count: only a job placed in
     * {@code wanted} or inside it. For local ordinances that reach work done in the city (a fair-chance
     * statement in San Francisco), not every remote job in the country.
     */
    public boolean coversPlace(String wanted) {
        if (codes.contains(wanted)) {
            return true;
        }
        for (String c : codes) {
            if (c.startsWith(wanted + "-")) {
                return true;
            }
        }
        return false;
    }

    /**
     * These places and {@code other}'s: a job whose board says one place and whose text another is in
     * scope of both. The parts left unresolved stay this one's (the value that is reported).
     */
    public Jurisdictions plus(Jurisdictions other) {
        if (other.codes.isEmpty() && other.remoteCountries.isEmpty()) {
            return this;
        }
        Set<String> c = new java.util.HashSet<>(codes);
        c.addAll(other.codes);
        Set<String> r = new java.util.HashSet<>(remoteCountries);
        r.addAll(other.remoteCountries);
        return new Jurisdictions(c, r, unresolved);
    }

    public boolean isEmpty() {
        return codes.isEmpty();
    }
}
