package org.tipline.stateendpoint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Stands in for a state's tip intake: accepts deliveries for any state, answers with a case number as a state's
 * system might, and lists what each state got.
 */
@RestController
class StateTipsController {

	private final DeliveryStore store;

	StateTipsController(DeliveryStore store) {
		this.store = store;
	}

	@PostMapping("/states/{state}/tips")
	ResponseEntity<Map<String, String>> receive(@PathVariable String state, @RequestHeader HttpHeaders headers,
			@RequestBody byte[] body) {
		Map<String, String> kept = new TreeMap<>();
		headers.forEach((name, values) -> kept.put(name.toLowerCase(), String.join(",", values)));
		int count = store.add(checked(state), new ReceivedDelivery(Instant.now(), kept, new String(body, StandardCharsets.UTF_8)));
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("status", "received", "caseNumber", state + "-" + String.format("%06d", count)));
	}

	@GetMapping("/states/{state}/tips")
	List<ReceivedDelivery> received(@PathVariable String state) {
		return store.of(checked(state));
	}

	private static String checked(String state) {
		if (!DeliveryStore.STATE.matcher(state).matches()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such state endpoint");
		}
		return state;
	}
}
