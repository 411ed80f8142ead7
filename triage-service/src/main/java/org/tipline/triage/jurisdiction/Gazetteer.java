package org.tipline.triage.jurisdiction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

	/**
	 * Everything a name can be, under the name: one lookup per word of a narrative instead of one per kind of
	 * name, since tens of thousands of names make each lookup a trip to memory.
	 */
	private record Names(List<Place> places, Set<StateCode> counties, StateCode state, StateCode nickname,
			boolean startsLongerName) {

		static final Names NONE = new Names(List.of(), Set.of(), null, null, false);

	}

	private final Map<String, Names> names = new HashMap<>();

	private final int longestName;

	private Gazetteer(Map<String, List<Place>> places, Map<String, Set<StateCode>> counties,
			Map<String, StateCode> stateNames, Map<String, StateCode> nicknames) {
		Set<String> startsOfLongerNames = new HashSet<>();
		int longest = 1;
		for (Map<String, ?> named : List.of(places, counties, stateNames, nicknames)) {
			for (String name : named.keySet()) {
				String[] words = name.split(" ");
				longest = Math.max(longest, words.length);
				StringBuilder start = new StringBuilder(words[0]);
				for (int i = 1; i < words.length; i++) {
					startsOfLongerNames.add(start.toString());
					start.append(' ').append(words[i]);
				}
			}
		}
		this.longestName = longest;
		Set<String> all = new HashSet<>(startsOfLongerNames);
		List.of(places, counties, stateNames, nicknames).forEach((named) -> all.addAll(named.keySet()));
		for (String name : all) {
			names.put(name, new Names(places.getOrDefault(name, List.of()), counties.getOrDefault(name, Set.of()),
					stateNames.get(name), nicknames.get(name), startsOfLongerNames.contains(name)));
		}
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
		return names.getOrDefault(name, Names.NONE).places();
	}

	Set<StateCode> counties(String name) {
		return names.getOrDefault(name, Names.NONE).counties();
	}

	StateCode stateNamed(String name) {
		return names.getOrDefault(name, Names.NONE).state();
	}

	StateCode nicknamed(String name) {
		return names.getOrDefault(name, Names.NONE).nickname();
	}

	boolean isPlace(String name) {
		return !places(name).isEmpty();
	}

	int longestName() {
		return longestName;
	}

	/** Whether some name has more words than these and begins with them. */
	boolean startsLongerName(String words) {
		return names.getOrDefault(words, Names.NONE).startsLongerName();
	}
}
