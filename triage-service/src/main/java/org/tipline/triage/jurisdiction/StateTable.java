package org.tipline.triage.jurisdiction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.tipline.events.StateCode;

/** A lookup from a code (ZIP, area code) to a state, read from a bundled CSV that data/regenerate.sh writes. */
final class StateTable {

	private final Map<String, StateCode> states;

	private StateTable(Map<String, StateCode> states) {
		this.states = Map.copyOf(states);
	}

	static StateTable fromResource(String name) {
		Map<String, StateCode> states = new HashMap<>();
		try (InputStream in = StateTable.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing triage data " + name + "; run triage-service/data/regenerate.sh");
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split(",", 2);
				if (StateCode.isValid(columns[1])) {
					states.put(columns[0], StateCode.of(columns[1]));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new StateTable(states);
	}

	Optional<StateCode> stateOf(String code) {
		return Optional.ofNullable(states.get(code));
	}

	int size() {
		return states.size();
	}
}
