package dev.postinglint.core.jurisdiction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Resolution logic on a small gazetteer; the shipped data is tested in the rules module. */
class GazetteerTest {
    static final Gazetteer G = new Gazetteer(Map.of(
            "countries", List.of(
                    Map.of("code", "US", "names", List.of("United States", "USA", "US")),
                    Map.of("code", "CO", "names", List.of("Colombia")),
                    Map.of("code", "PT", "names", List.of("Portugal"), "eu", true),
                    Map.of("code", "GB", "names", List.of("United Kingdom", "UK"))),
            "regions", List.of(
                    Map.of("code", "US-CO", "names", List.of("Colorado")),
                    Map.of("code", "US-NY", "names", List.of("New York State")),
                    Map.of("code", "US-WA", "names", List.of("Washington State"))),
            "cities", List.of(
                    Map.of("names", List.of("Denver"), "in", "US-CO"),
                    Map.of("names", List.of("New York", "NYC"), "in", "US-NY", "code", "US-NY-NYC"),
                    Map.of("names", List.of("Portland"), "in", "US-OR"),
                    Map.of("names", List.of("Portland"), "in", "US-ME"),
                    Map.of("names", List.of("Vancouver, WA"), "in", "US-WA"),
                    Map.of("names", List.of("Lisbon"), "in", "PT"),
                    Map.of("names", List.of("London"), "in", "GB"))));

    @Test
    void aStateAbbreviationIsNeverACountryCode() {
        assertEquals(Set.of("US-CO", "US"), G.resolve("Denver, CO").codes());
    }

    @Test
    void citiesWithLawsOfTheirOwnCarryTheirAncestors() {
        assertEquals(Set.of("US-NY-NYC", "US-NY", "US"), G.resolve("New York, NY").codes());
        assertTrue(G.resolve("NYC").covers("US-NY"));
        assertTrue(G.resolve("NYC").covers("US-NY-NYC"));
        assertFalse(G.resolve("Denver").covers("US-NY"));
    }

    @Test
    void euMembersCarryEuCodes() {
        Jurisdictions j = G.resolve("Lisbon, Portugal");
        assertEquals(Set.of("PT", "EU", "EU-PT"), j.codes());
        assertTrue(j.covers("EU"));
        assertFalse(G.resolve("London, UK").covers("EU"));
    }

    @Test
    void remoteAcrossACountryIsInScopeOfItsRegions() {
        Jurisdictions j = G.resolve("Remote - US");
        assertTrue(j.covers("US-CO"));
        assertTrue(j.covers("US-NY-NYC"));
        assertFalse(j.covers("PT"));
        assertFalse(G.resolve("US").covers("US-CO"), "an office in the US is not remote");
    }

    @Test
    void severalLocationsAndNamesWithTheirRegion() {
        Jurisdictions j = G.resolve("Denver, CO; London, UK | Vancouver, WA");
        assertTrue(j.covers("US-CO") && j.covers("GB") && j.covers("US-WA"));
        assertEquals(Set.of("US-ME", "US"), G.resolve("Portland, ME").codes());
    }

    @Test
    void unknownPlacesAreReportedNotGuessed() {
        Jurisdictions j = G.resolve("Atlantis; Denver, CO");
        assertEquals(List.of("Atlantis"), j.unresolved());
        assertEquals(List.of("Remote"), G.resolve("Remote").unresolved());
        assertTrue(G.resolve("Atlantis").isEmpty());
    }

    /** The look-up key written out is the one the two replaceAll gave (spaces and full stops in every order, other scripts). */
    @Test
    void theLookUpKeyIsTheRegexOne() {
        String[] pieces = {" ", "  ", "\t", "\n", "\u000b", "\f", "\r", "\u00a0", "\u2003", ".", "..", " . ", "St", "LOUIS", "\u0130", "\u00c9", "U.S.", "x"};
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(8), k = 0; k < n; k++) {
                b.append(pieces[r.nextInt(pieces.length)]);
            }
            String s = b.toString();
            String reference = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s\\u00a0]+", " ").replaceAll("[.]", "").strip();
            assertEquals(reference, Gazetteer.key(s), s);
        }
    }

    /**
     * The record's tests and its {@link Jurisdictions.Lookup}'s give the answers of the plain definition
     * ("the code, a code starting with it and a dash, or a remote country it starts with and a dash"),
     * on random places, including codes that share a prefix without a dash ("US-CA" and "US-CAL").
     */
    @Test
    void theLookupAnswersAsTheDefinition() {
        String[] pool = {"US", "US-CA", "US-CAL", "US-CA-SF", "US-CA-SFO", "U", "USA", "US-NY", "US-NY-NYC", "EU", "EU-PT", "PT", "GB", "CA", "CA-BC"};
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 3_000; i++) {
            Set<String> codes = new java.util.HashSet<>();
            Set<String> remote = new java.util.HashSet<>();
            for (int n = r.nextInt(5), k = 0; k < n; k++) {
                codes.add(pool[r.nextInt(pool.length)]);
            }
            for (int n = r.nextInt(3), k = 0; k < n; k++) {
                remote.add(pool[r.nextInt(pool.length)]);
            }
            Jurisdictions j = new Jurisdictions(codes, remote, List.of());
            Jurisdictions.Lookup lookup = j.lookup();
            for (String wanted : pool) {
                boolean place = codes.contains(wanted) || codes.stream().anyMatch(c -> c.startsWith(wanted + "-"));
                boolean covered = place || remote.stream().anyMatch(c -> wanted.startsWith(c + "-"));
                String where = codes + " remote " + remote + " wanted " + wanted;
                assertEquals(place, j.coversPlace(wanted), where);
                assertEquals(place, lookup.coversPlace(wanted), where);
                assertEquals(covered, j.covers(wanted), where);
                assertEquals(covered, lookup.covers(wanted), where);
            }
        }
    }

    /** The gazetteer's data as SnakeYAML's safe constructor builds it, every scalar but booleans and nulls as text. */
    private static Object constructed(String yaml) {
        return asRead(new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                new org.yaml.snakeyaml.LoaderOptions())).load(yaml));
    }

    private static Object asRead(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(asRead(k), asRead(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(GazetteerTest::asRead).toList();
        }
        return o == null || o instanceof Boolean ? o : String.valueOf(o);
    }

    @Test
    void readsTheSameDataAsTheSafeConstructor() throws java.io.IOException {
        String testCopy;
        try (java.io.InputStream in = GazetteerTest.class.getResourceAsStream("/dev/postinglint/rules/gazetteer.yaml")) {
            testCopy = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // The rules module's gazetteer, the one the packs ship (the reactor runs tests in the module's directory).
        String shipped = java.nio.file.Files.readString(java.nio.file.Path.of("../rules/src/main/resources/dev/postinglint/rules/gazetteer.yaml"));
        String odd = "countries:\n  - {code: NO, names: [Norway, 'NO'], eu: no}\n  - code: \"PT\"\n    eu: Yes\n"
                + "    names: [Portugal, 351, 3.5, ~, null, true, off]\n    note:\nregions: []\n";
        for (String yaml : List.of(shipped, testCopy, odd)) {
            Object read = Gazetteer.data(new java.io.StringReader(yaml));
            assertEquals(constructed(yaml), asRead(read));
        }
    }
}
