package dev.postinglint.core.jurisdiction;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves location text ("Lisbon, Portugal", "Austin, TX", "Remote - US", "London, UK; New York")
 * to {@link Jurisdictions} with a gazetteer given as data (the rules module ships one, which
 * {@code policy.ClasspathPacks} reads): countries, first-level regions and cities with their region and country.
 * Two-letter region abbreviations count only after a comma ("Austin, TX"), so a bare word is never
 * mistaken for a state.
 */
public final class Gazetteer {
    /** No places at all: what a policy gets when no gazetteer was provided. */
    public static final Gazetteer EMPTY = new Gazetteer(Map.of());

    private record Place(String code, boolean eu) {
    }

    private final Map<String, Place> countries = new HashMap<>();
    private final Map<String, String> regions = new HashMap<>();
    private final Map<String, String> regionAbbreviations = new HashMap<>();
    private final Map<String, List<String>> cities = new HashMap<>();
    private final Set<String> euCountries = new LinkedHashSet<>();
    private static final Pattern SPLIT = Pattern.compile("\\s*(?:;|\\||\\n|\\s/\\s|\\bor\\b|\\band\\b|•)\\s*");
    // Compiled once: String.replaceAll and split compile their pattern on every call.
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015]");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s\\-:(),]+|[\\s\\-:(),]+$");
    private static final Pattern PARENTHESES = Pattern.compile("[()]");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern REMOTE = Pattern.compile("(?i)\\b(?:remote|anywhere|distributed|work from home|wfh|virtual|telework|telecommute)\\b");

    /**
     * Reads a gazetteer (YAML: countries, regions, cities). Composed into SnakeYAML's node tree (which builds no
     * objects) and read from there, as the policy loader does: a {@code Yaml} with its safe constructor gives the
     * same maps, lists, strings and booleans, but its constructor's logger starts {@code java.util.logging}, about
     * 10 ms of a cold check's CPU (docs/BENCHMARKS.md, "Round 8: cold start on Java 17").
     */
    public static Gazetteer read(InputStream in, String location) {
        try (InputStream s = in) {
            return of(compose(new InputStreamReader(s, StandardCharsets.UTF_8)), location);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * The gazetteer of a composed document ({@link #compose}, or its build-time image, which gives the same tree).
     */
    public static Gazetteer of(Node root, String location) {
        Object data = root == null ? null : value(root);
        if (!(data instanceof Map<?, ?>)) {
            throw new IllegalStateException(location + " is not a gazetteer (a mapping of countries, regions and cities)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) data;
        return new Gazetteer(map);
    }

    /** The YAML document's data: see {@link #value}; null for an empty document. */
    static Object data(java.io.Reader yaml) {
        Node root = compose(yaml);
        return root == null ? null : value(root);
    }

    /** A gazetteer's YAML composed into SnakeYAML's node tree; null for an empty document. */
    public static Node compose(java.io.Reader yaml) {
        LoaderOptions opts = new LoaderOptions();
        return new Composer(new ParserImpl(new StreamReader(yaml), opts), new Resolver(), opts).getSingleNode();
    }

    /**
     * A node as the safe constructor would make it, for what a gazetteer holds: mappings (in order), sequences,
     * booleans, nulls, and every other scalar as its text (the gazetteer reads each value with {@code String.valueOf}).
     */
    private static Object value(Node node) {
        if (node instanceof MappingNode m) {
            Map<Object, Object> map = new java.util.LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                map.put(value(t.getKeyNode()), value(t.getValueNode()));
            }
            return map;
        }
        if (node instanceof SequenceNode q) {
            List<Object> list = new ArrayList<>(q.getValue().size());
            for (Node n : q.getValue()) {
                list.add(value(n));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        if (Tag.BOOL.equals(scalar.getTag())) {
            return switch (scalar.getValue().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "y" -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
        }
        return Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
    }

    /** Whether it knows no place at all (rules that judge jurisdictions could never apply). */
    public boolean isEmpty() {
        return countries.isEmpty() && regions.isEmpty() && cities.isEmpty();
    }

    @SuppressWarnings("unchecked")
    public Gazetteer(Map<String, Object> data) {
        for (Map<String, Object> c : (List<Map<String, Object>>) data.getOrDefault("countries", List.of())) {
            String code = String.valueOf(c.get("code"));
            boolean eu = Boolean.TRUE.equals(c.get("eu"));
            if (eu) {
                euCountries.add(code);
            }
            // Only the names listed: bare ISO codes would collide with region abbreviations (CO, IN, DE).
            for (Object n : (List<Object>) c.get("names")) {
                countries.put(key(String.valueOf(n)), new Place(code, eu));
            }
        }
        for (Map<String, Object> r : (List<Map<String, Object>>) data.getOrDefault("regions", List.of())) {
            String code = String.valueOf(r.get("code"));
            for (Object n : (List<Object>) r.get("names")) {
                regions.put(key(String.valueOf(n)), code);
            }
            regionAbbreviations.put(code.substring(code.indexOf('-') + 1).toUpperCase(Locale.ROOT), code);
        }
        for (Map<String, Object> c : (List<Map<String, Object>>) data.getOrDefault("cities", List.of())) {
            String in = String.valueOf(c.get("in"));
            String code = c.get("code") == null ? in : String.valueOf(c.get("code"));
            for (Object n : (List<Object>) c.get("names")) {
                cities.computeIfAbsent(key(String.valueOf(n)), k -> new ArrayList<>()).add(code);
            }
        }
    }

    /**
     * A name as looked up: lower case, each run of spaces (and no-break spaces) one space, full stops
     * dropped, stripped. Written out rather than with two replaceAll, which compiled their patterns on
     * every look-up (several per location resolved, many per place read from prose).
     */
    static String key(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(lower.length());
        boolean inSpaces = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == '\u00a0') { // [\s\u00a0]
                if (!inSpaces) {
                    b.append(' ');
                }
                inSpaces = true;
            } else {
                inSpaces = false;
                if (c != '.') {
                    b.append(c);
                }
            }
        }
        return b.toString().strip();
    }

    public Set<String> euMembers() {
        return euCountries;
    }

    /** Resolves a location field's value; every part must resolve, or it is listed as unresolved. */
    public Jurisdictions resolve(String location) {
        Set<String> codes = new LinkedHashSet<>();
        Set<String> remote = new LinkedHashSet<>();
        List<String> unresolved = new ArrayList<>();
        for (String rawPart : SPLIT.split(location)) {
            String part = DASHES.matcher(rawPart).replaceAll("-").strip();
            if (part.isEmpty()) {
                continue;
            }
            boolean isRemote = REMOTE.matcher(part).find();
            String place = isRemote ? PARENTHESES.matcher(EDGE_PUNCTUATION.matcher(REMOTE.matcher(part).replaceAll(" ")).replaceAll(""))
                    .replaceAll(" ").strip() : part;
            String code = resolvePlace(place);
            if (code == null) { // "San Francisco Office", "Arvada, CO - US", "Weave - HQ (Lehi, UT)": see LocationText
                String cleaned = LocationText.clean(place);
                String inside = LocationText.parenthesized(place);
                code = cleaned.isEmpty() || cleaned.equals(place) ? null : resolvePlace(cleaned);
                code = code != null || inside == null ? code : resolvePlace(LocationText.clean(inside));
            }
            if (code == null) {
                unresolved.add(rawPart.strip()); // includes a bare "Remote": no country, no jurisdiction
                continue;
            }
            addWithAncestors(codes, code);
            if (isRemote && code.indexOf('-') < 0) {
                remote.add(code);
            }
        }
        return new Jurisdictions(codes, remote, unresolved);
    }

    private void addWithAncestors(Set<String> codes, String code) {
        String c = code;
        while (true) {
            codes.add(c);
            int dash = c.lastIndexOf('-');
            if (dash < 0) {
                break;
            }
            c = c.substring(0, dash);
        }
        String country = code.contains("-") ? code.substring(0, code.indexOf('-')) : code;
        if (euCountries.contains(country)) {
            codes.add("EU");
            codes.add("EU-" + country);
        }
    }

    /** Whether the name is a first-level region's or a country's ("Colorado", "Germany", "the US"), not only a city's. */
    boolean isRegionOrCountry(String name) {
        String k = key(name);
        return regions.containsKey(k) || countries.containsKey(k);
    }

    /** Whether the name is a country's ("the U.S.", "Canada"). */
    boolean isCountry(String name) {
        return countries.containsKey(key(name));
    }

    /** Whether the name is a city's, a region's or a country's, as written ("Denver", "Colorado", "CO" after a comma). */
    boolean knows(String name, boolean afterComma) {
        String k = key(name);
        boolean abbreviation = afterComma && name.length() == 2 && name.equals(name.toUpperCase(Locale.ROOT))
                && regionAbbreviations.containsKey(name);
        return abbreviation || isRegionOrCountry(name) || !afterComma && cities.containsKey(k);
    }

    /** Whether {@code city} names a city that these jurisdictions hold ("Atlanta, New York" does not resolve to Atlanta). */
    boolean holdsCity(String city, Jurisdictions j) {
        List<String> codes = cities.get(key(city));
        if (codes == null) {
            return false;
        }
        for (String c : codes) {
            if (j.codes().contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** One place: "City", "City, Region", "City, Country", "Region", "Country", in any of those forms. */
    private String resolvePlace(String place) {
        List<String> whole = cities.get(key(place));
        if (whole != null && whole.size() == 1) {
            return whole.get(0); // a name that includes its region: "Vancouver, WA", "London, ON"
        }
        String[] segs = COMMA.split(place);
        String country = null;
        String region = null;
        String abbreviation = null;
        for (int i = 0; i < segs.length; i++) {
            String s = segs[i].strip();
            if (s.isEmpty()) {
                continue;
            }
            Place c = countries.get(key(s));
            if (c != null && (i > 0 || segs.length == 1)) {
                country = c.code();
                continue;
            }
            if (i > 0 && s.length() == 2 && s.equals(s.toUpperCase(Locale.ROOT))) {
                abbreviation = s; // "Portland, ME": a region code, even one the gazetteer lists no name for
            }
            String r = regions.get(key(s));
            if (r == null && i > 0 && s.length() == 2 && s.equals(s.toUpperCase(Locale.ROOT))) {
                r = regionAbbreviations.get(s);
            }
            if (r != null && (i > 0 || segs.length == 1 || cities.get(key(s)) == null)) {
                region = r;
            }
        }
        String first = segs[0].strip();
        List<String> candidates = cities.get(key(first));
        if (candidates != null) {
            if (abbreviation != null) {
                for (String cand : candidates) {
                    if (cand.equals(abbreviation)) {
                        return cand; // "Berlin, DE": the city's own country code, not Delaware
                    }
                }
            }
            for (String cand : candidates) {
                boolean regionOk = region != null ? cand.equals(region) || cand.startsWith(region + "-")
                        : abbreviation == null || cand.endsWith("-" + abbreviation) || cand.contains("-" + abbreviation + "-");
                if (regionOk && (country == null || cand.equals(country) || cand.startsWith(country + "-"))) {
                    return cand;
                }
            }
            if (region == null && country == null && candidates.size() == 1) {
                return candidates.get(0);
            }
        }
        if (region != null && (country == null || region.startsWith(country + "-"))) {
            return region;
        }
        if (country != null) {
            return country;
        }
        Place c = countries.get(key(first));
        return c == null ? null : c.code();
    }
}
