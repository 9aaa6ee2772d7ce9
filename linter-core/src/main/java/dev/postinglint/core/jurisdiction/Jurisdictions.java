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
        if (coversPlace(wanted)) {
            return true;
        }
        for (String country : remoteCountries) {
            if (inside(wanted, country)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #covers} and {@link #coversPlace} asked many times of the same places: see {@link Lookup}. */
    public Lookup lookup() {
        return new Lookup(this);
    }

    /**
     * The answers of {@link #covers} and {@link #coversPlace} from arrays of the codes: every rule's
     * condition asks them for each of its jurisdictions (a pay-range rule lists 18), per posting, and
     * walking the immutable sets (an iterator probing a sparse table) cost more than the tests.
     */
    public static final class Lookup {
        private final Set<String> codes;
        private final String[] all;
        private final String[] remote;

        private Lookup(Jurisdictions j) {
            codes = j.codes;
            all = j.codes.toArray(new String[0]);
            remote = j.remoteCountries.toArray(new String[0]);
        }

        /** As {@link Jurisdictions#covers}. */
        public boolean covers(String wanted) {
            if (coversPlace(wanted)) {
                return true;
            }
            for (String country : remote) {
                if (inside(wanted, country)) {
                    return true;
                }
            }
            return false;
        }

        /** As {@link Jurisdictions#coversPlace}. */
        public boolean coversPlace(String wanted) {
            if (all.length == 0) {
                return false;
            }
            if (codes.contains(wanted)) {
                return true;
            }
            for (String c : all) {
                if (inside(c, wanted)) {
                    return true;
                }
            }
            return false;
        }
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
            if (inside(c, wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code code} is a place inside {@code outer} ({@code code.startsWith(outer + "-")}), without
     * building that string: every rule's condition asks, for each of its jurisdictions, per posting.
     */
    private static boolean inside(String code, String outer) {
        int n = outer.length();
        return code.length() > n && code.charAt(n) == '-' && code.startsWith(outer);
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
