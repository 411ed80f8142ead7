package org.tipline.triage.jurisdiction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.tipline.events.StateCode;

/**
 * Names of places, counties and states, read from the bundled files that data/regenerate.sh writes from
 * GeoNames, the Census Bureau and the zipcodes package. Names are folded (lower case, no accents).
 */
final class Gazetteer {

	/** A place of that name in one state; population 0 when only a ZIP code's city name knows it. */
	record Place(StateCode state, int population, boolean commonWord) {
	}

	private final Map<String, List<Place>> places;

	private final Map<String, Set<StateCode>> counties;

	private final Map<String, StateCode> stateNames;

	private final Map<String, StateCode> nicknames;

	private final int longestName;

	private Gazetteer(Map<String, List<Place>> places, Map<String, Set<StateCode>> counties,
			Map<String, StateCode> stateNames, Map<String, StateCode> nicknames) {
		this.places = places;
		this.counties = counties;
		this.stateNames = stateNames;
		this.nicknames = nicknames;
		int longest = 1;
		for (Map<String, ?> names : List.of(places, counties, stateNames, nicknames)) {
			for (String name : names.keySet()) {
				longest = Math.max(longest, name.split(" ").length);
			}
		}
		this.longestName = longest;
	}

	static Gazetteer fromBundledData() {
		Map<String, List<Place>> places = new HashMap<>();
		read("places.csv", (columns) -> {
			if (StateCode.isValid(columns[1])) {
				places.computeIfAbsent(columns[0], (name) -> new ArrayList<>())
					.add(new Place(StateCode.of(columns[1]), Integer.parseInt(columns[2]), "1".equals(columns[3])));
			}
		});
		Map<String, Set<StateCode>> counties = new HashMap<>();
		read("counties.csv", (columns) -> counties.computeIfAbsent(columns[0], (name) -> new LinkedHashSet<>())
			.add(StateCode.of(columns[1])));
		Map<String, StateCode> stateNames = new HashMap<>();
		read("state-names.csv", (columns) -> stateNames.put(columns[0], StateCode.of(columns[1])));
		// "Washington" alone is as often the capital or a person as the state; "Washington State" is the state.
		stateNames.remove("washington");
		stateNames.put("washington state", StateCode.of("WA"));
		stateNames.put("virgin islands", StateCode.of("VI"));
		stateNames.put("northern mariana islands", StateCode.of("MP"));
		Map<String, StateCode> nicknames = new HashMap<>();
		read("place-nicknames.csv", (columns) -> nicknames.put(columns[0], StateCode.of(columns[1])));
		return new Gazetteer(places, counties, stateNames, nicknames);
	}

	private static void read(String resource, Consumer<String[]> row) {
		try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(
						"missing triage data " + resource + "; run triage-service/data/regenerate.sh");
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					row.accept(line.split(","));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Place> places(String name) {
		return places.getOrDefault(name, List.of());
	}

	Set<StateCode> counties(String name) {
		return counties.getOrDefault(name, Set.of());
	}

	StateCode stateNamed(String name) {
		return stateNames.get(name);
	}

	StateCode nicknamed(String name) {
		return nicknames.get(name);
	}

	boolean isPlace(String name) {
		return places.containsKey(name);
	}

	int longestName() {
		return longestName;
	}
}
