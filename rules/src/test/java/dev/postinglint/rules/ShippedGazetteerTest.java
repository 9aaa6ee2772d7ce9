package dev.postinglint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.postinglint.core.policy.ClasspathPacks;

import dev.postinglint.core.jurisdiction.Jurisdictions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped gazetteer on the location strings postings really use. */
class ShippedGazetteerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Lisbon, Portugal | EU-PT",
        "Lisbon, PT | PT",
        "London, UK | GB",
        "Denver, CO | US-CO",
        "Indianapolis, IN | US-IN",
        "Berlin, Germany | EU-DE",
        "New York, NY | US-NY-NYC",
        "New York City | US-NY-NYC",
        "Austin, TX | US-TX",
        "San Francisco, CA | US-CA",
        "Vancouver, BC | CA-BC",
        "Vancouver, WA | US-WA",
        "Toronto, Ontario, Canada | CA-ON",
        "Washington, DC | US-DC",
        "Remote - US | US",
        "Remote (United States) | US",
        "Paris, France | EU",
        "Warsaw | PL",
        "Singapore | SG",
        "Seattle, Washington | US-WA",
        "Portland, ME | US-ME",
        "Cleveland, OH | US-OH-CLE",
        // Remote wordings: a job open to anyone in the country is in scope of every region of it
        "Anywhere in the U.S. (remote) | US-CO",
        "Anywhere in the United States | US-NY-NYC",
        "Virtual (100% remote) - United States | US-CA",
        "US-remote | US-WA",
        "US - Remote | US-WA",
        "Remote (US) | US-IL",
        "USA - Remote | US-MD",
        "Remote, USA | US-CO",
        "Remote in the US | US-CO",
        "United States (Remote) | US-NJ",
        "Fully remote within the United States | US-MN",
        "Remote - Canada | CA-BC",
        "Virtual - United States | US-CO",
        "Telework, USA | US-VA",
        "Remote (Canada) | CA-ON",
        // ATS-style locations: country-region-city
        "US-CO-Boulder | US-CO",
        "US-NY-New York | US-NY-NYC",
        "USA-CA-San Francisco | US-CA-SF",
        "CA-ON-Toronto | CA-ON",
        "US-TX-Austin | US-TX",
        "Los Angeles, CA | US-CA-LA",
        "San Francisco, CA | US-CA-SF",
        // Los Angeles County's unincorporated areas (its Fair Chance Ordinance), and the county named alone
        "Altadena, CA | US-CA-LACU",
        "Marina del Rey | US-CA-LACU",
        "East Los Angeles, California | US-CA-LACU",
        "Unincorporated Los Angeles County, CA | US-CA-LACU",
        "Lennox, CA | US-CA-LACU",
        "Los Angeles County, CA | US-CA-LAC",
        "LA County | US-CA"})
    void resolves(String location, String expected) {
        Jurisdictions j = ClasspathPacks.shipped().gazetteer().resolve(location);
        assertTrue(j.covers(expected), location + " -> " + j.codes());
        assertEquals(List.of(), j.unresolved(), location);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Denver, CO | CO", "Indianapolis, IN | IN", "Berlin, DE | US-DE", "Remote | US",
        "US-CO-Boulder | CO", "Virtual (100% remote) | US", "Remote - Canada | US", "CA-ON-Toronto | US-CA",
        "Paris, France | US", "Remote (Europe) | US",
        // a city of Los Angeles County is not unincorporated, nor is the county named alone; same names elsewhere are not it
        "Los Angeles, CA | US-CA-LACU", "Pasadena, CA | US-CA-LACU", "Los Angeles County, CA | US-CA-LACU",
        "Los Angeles County, CA | US-CA-LA", "East Los Angeles | US-CA-LA", "Lennox, SD | US-CA", "Universal City, TX | US-CA",
        "Acton, MA | US-CA"})
    void neverConfuses(String location, String notThis) {
        assertFalse(ClasspathPacks.shipped().gazetteer().resolve(location).covers(notThis), location + " is not " + notThis);
    }
}
