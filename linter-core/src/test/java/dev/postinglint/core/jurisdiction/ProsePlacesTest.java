package dev.postinglint.core.jurisdiction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Places read from sentences that say where the job is, and the sentences that must not count. */
class ProsePlacesTest {
    private static List<String> values(String text) {
        return ProsePlaces.find(text, GazetteerTest.G).stream().map(ProsePlaces.Mention::value).toList();
    }

    @Test
    void officeWordingWithCityAndRegion() {
        assertEquals(List.of("Denver, Colorado"), values("Join our HQ offices in Denver, Colorado. We pay well."));
        assertEquals(List.of("Denver, CO"), values("This role is based in Denver, CO."));
        assertEquals(List.of("Lisbon, Portugal"), values("The position is located in Lisbon, Portugal and reports to the CTO."));
    }

    @Test
    void theMentionPointsAtThePlace() {
        String text = "This role is based in Denver, CO.";
        ProsePlaces.Mention m = ProsePlaces.find(text, GazetteerTest.G).get(0);
        assertEquals("Denver, CO", text.substring(m.start(), m.end()));
    }

    @Test
    void aBareCityCountsOnlyWhereAnOfficeWordTiesItToTheJob() {
        assertEquals(List.of("Denver"), values("You will work from our Denver office three days a week."));
        assertEquals(List.of("Denver"), values("This is a Denver-based role."));
        assertEquals(List.of(), values("This role is based in Denver."), "a bare city after 'based in' is not enough");
        assertEquals(List.of("Colorado"), values("This role is based in Colorado."), "a region by name is");
    }

    @Test
    void remoteAcrossACountry() {
        assertEquals(List.of("Remote - US"), values("This is a remote role anywhere in the US."));
        assertEquals(List.of("Remote - United States"), values("The job is fully remote across the United States."));
        assertEquals(1, GazetteerTest.G.resolve("Remote - US").remoteCountries().size());
    }

    @Test
    void aListOfOfficesIsTheCompanysNotTheJobs() {
        assertEquals(List.of(), values("We have offices in London, New York and Lisbon."));
        assertEquals(List.of(), values("We have offices in Denver, Colorado and Lisbon, Portugal."));
    }

    @Test
    void wordsAfterThePlaceEndIt() {
        assertEquals(List.of("Denver, CO"), values("Based in Denver, CO. We Build Things."));
        assertEquals(List.of(), values("Our offices in Denver HQ, London and Lisbon."), "a list after an office word");
        assertEquals(List.of(), values("We have offices in Denver, London, Lisbon."), "a city after a comma starts a list");
        assertEquals(List.of(), values("This role is based in Denver, New York State."), "Denver is not in New York State");
    }

    @Test
    void conditionsAndPayLabelsDoNotPlaceTheJob() {
        assertEquals(List.of(), values("If you are based in Colorado, please read this notice."));
        assertEquals(List.of(), values("For candidates located in Denver, CO, the range is $100,000 - $120,000."));
        assertEquals(List.of(), values("This role is based in Denver, CO, or Lisbon, Portugal."), "alternatives are a list");
    }

    @Test
    void aCountryInASentenceThatSaysRemoteIsRemoteAcrossIt() {
        assertEquals(List.of("Remote - US"), values("This role will be remote (based in the US)."));
    }

    @Test
    void customersEventsAndHistoryDoNotPlaceTheJob() {
        assertEquals(List.of(), values("We support clients based in Denver, Colorado."));
        assertEquals(List.of(), values("The company was founded in 2015 with offices in Denver, Colorado."));
        assertEquals(List.of(), values("Our annual summit is held at our offices in Denver, Colorado."));
        assertEquals(List.of(), values("Acme is headquartered in Denver, Colorado."));
        assertEquals(List.of(), values("We are serving Colorado from our office in Denver, CO."));
    }

    @Test
    void aSentenceEndsThePlace() {
        assertEquals(List.of("Denver, Colorado"), values("Based in Denver, Colorado. We Build Things."));
    }

    @Test
    void unknownPlacesAreNotGuessed() {
        assertEquals(List.of(), values("This role is based in Atlantis, Oceania."));
        assertEquals(List.of(), values("This role is based in the Engineering team."));
    }
}
