package org.tipline.stateendpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Keeps every delivery per state, in arrival order, and on disk when a storage directory is configured. */
@Component
class DeliveryStore {

	static final Pattern STATE = Pattern.compile("[A-Z]{2}|NATIONAL");

	private final Map<String, List<ReceivedDelivery>> byState = new ConcurrentHashMap<>();

	private final Path storageDir;

	private final JsonMapper json;

	DeliveryStore(StateEndpointProperties properties, JsonMapper json) throws IOException {
		this.storageDir = properties.storageDir();
		this.json = json;
		if (storageDir != null) {
			Files.createDirectories(storageDir);
			try (var files = Files.list(storageDir)) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".jsonl")).toList()) {
					String state = file.getFileName().toString().replace(".jsonl", "");
					List<ReceivedDelivery> kept = new ArrayList<>();
					for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
						kept.add(json.readValue(line, ReceivedDelivery.class));
					}
					byState.put(state, kept);
				}
			}
		}
	}

	/** Returns how many deliveries the state has now. */
	synchronized int add(String state, ReceivedDelivery delivery) {
		if (storageDir != null) {
			try {
				Files.writeString(storageDir.resolve(state + ".jsonl"), json.writeValueAsString(delivery) + "\n",
						StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		List<ReceivedDelivery> kept = byState.computeIfAbsent(state, (s) -> new ArrayList<>());
		kept.add(delivery);
		return kept.size();
	}

	synchronized List<ReceivedDelivery> of(String state) {
		return List.copyOf(byState.getOrDefault(state, List.of()));
	}
}
