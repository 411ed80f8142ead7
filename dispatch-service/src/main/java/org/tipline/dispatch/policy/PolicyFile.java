package org.tipline.dispatch.policy;

import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tipline.events.Decision;
import org.tipline.events.Priority;
import org.tipline.events.StateCode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a forwarding policy from YAML. Every problem is collected with the line it is on, so an official who
 * edits the file learns everything that is wrong at once; a file with any problem is refused whole.
 */
public final class PolicyFile {

	private static final Set<String> TOP_LEVEL = Set.of("policy", "version", "defaults", "states");

	private static final Set<String> PARAMETERS = Set.of("consentDeclined", "consentNotAsked", "consentWindow",
			"afterConsentWindow", "redact", "deadlines");

	/** The fields of a delivered tip that a redacted delivery can leave out. */
	static final Set<String> REDACTABLE = Set.of("reporter.contact", "reporter.contact.phone",
			"reporter.contact.email", "callerPhone", "location.address", "location.coordinates", "narrative");

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

	private final String source;

	private final List<String> problems = new ArrayList<>();

	private PolicyFile(String source) {
		this.source = source;
	}

	public static ForwardingPolicy parse(String source, Reader yaml) {
		return new PolicyFile(source).read(yaml);
	}

	private ForwardingPolicy read(Reader yaml) {
		Node root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(yaml);
		}
		catch (YAMLException ex) {
			throw new InvalidPolicyException(source, List.of("not valid YAML: " + ex.getMessage()));
		}
		if (!(root instanceof MappingNode document)) {
			throw new InvalidPolicyException(source, List.of("line 1: expected keys policy, version, defaults, states"));
		}
		Map<String, Node> top = entries(document, TOP_LEVEL);
		String id = requiredText(top, "policy", document);
		int version = requiredVersion(top, document);
		StatePolicy defaults = null;
		if (top.get("defaults") instanceof MappingNode defaultsNode) {
			defaults = statePolicy(defaultsNode, null);
		}
		else {
			problem(top.getOrDefault("defaults", document), "defaults are required and must be a mapping");
		}
		Map<StateCode, StatePolicy> states = new LinkedHashMap<>();
		if (top.get("states") instanceof MappingNode statesNode && defaults != null) {
			for (NodeTuple entry : statesNode.getValue()) {
				String code = text(entry.getKeyNode());
				if (!StateCode.isValid(code)) {
					problem(entry.getKeyNode(), "'" + code + "' is not a USPS state or territory code");
				}
				else if (entry.getValueNode() instanceof MappingNode stateNode) {
					states.put(StateCode.of(code), statePolicy(stateNode, defaults));
				}
				else {
					problem(entry.getValueNode(), "the overrides of " + code + " must be a mapping");
				}
			}
		}
		else if (top.containsKey("states") && defaults != null) {
			problem(top.get("states"), "states must be a mapping of state codes to overrides");
		}
		if (!problems.isEmpty()) {
			throw new InvalidPolicyException(source, problems);
		}
		return new ForwardingPolicy(id, version, defaults, states);
	}

	/** With {@code base} null these are the defaults, where every parameter is required. */
	private StatePolicy statePolicy(MappingNode node, StatePolicy base) {
		Map<String, Node> given = entries(node, PARAMETERS);
		if (base == null) {
			for (String parameter : PARAMETERS) {
				if (!given.containsKey(parameter)) {
					problem(node, "defaults must set " + parameter);
				}
			}
		}
		Decision declined = decision(given.get("consentDeclined"), Set.of(Decision.WITHHOLD, Decision.FORWARD_REDACTED),
				(base != null) ? base.consentDeclined() : Decision.WITHHOLD);
		Decision notAsked = decision(given.get("consentNotAsked"),
				Set.of(Decision.HOLD_FOR_CONSENT, Decision.WITHHOLD, Decision.FORWARD_REDACTED),
				(base != null) ? base.consentNotAsked() : Decision.HOLD_FOR_CONSENT);
		Duration window = duration(given.get("consentWindow"), (base != null) ? base.consentWindow() : Duration.ofHours(24));
		Decision after = decision(given.get("afterConsentWindow"), Set.of(Decision.WITHHOLD, Decision.FORWARD_REDACTED),
				(base != null) ? base.afterConsentWindow() : Decision.WITHHOLD);
		List<String> redact = redact(given.get("redact"), (base != null) ? base.redact() : List.of());
		Map<Priority, Duration> deadlines = deadlines(given.get("deadlines"), base);
		List<String> overridden = (base != null) ? new ArrayList<>(given.keySet()) : List.of();
		return new StatePolicy(declined, notAsked, window, after, redact, deadlines, overridden);
	}

	private Map<Priority, Duration> deadlines(Node node, StatePolicy base) {
		Map<Priority, Duration> deadlines = new EnumMap<>(Priority.class);
		if (base != null) {
			deadlines.putAll(base.deadlines());
		}
		if (node == null) {
			return deadlines;
		}
		if (!(node instanceof MappingNode mapping)) {
			problem(node, "deadlines must map priorities (P1..P4) to durations such as 15m");
			return deadlines;
		}
		for (NodeTuple entry : mapping.getValue()) {
			String key = text(entry.getKeyNode());
			try {
				deadlines.put(Priority.valueOf(key), duration(entry.getValueNode(), null));
			}
			catch (IllegalArgumentException ex) {
				problem(entry.getKeyNode(), "'" + key + "' is not a priority; use P1, P2, P3 or P4");
			}
		}
		if (base == null) {
			for (Priority priority : Priority.values()) {
				if (!deadlines.containsKey(priority)) {
					problem(node, "defaults.deadlines must set " + priority);
				}
			}
		}
		return deadlines;
	}

	private List<String> redact(Node node, List<String> fallback) {
		if (node == null) {
			return fallback;
		}
		if (!(node instanceof SequenceNode sequence)) {
			problem(node, "redact must be a list of fields, e.g. [reporter.contact, callerPhone]");
			return fallback;
		}
		List<String> fields = new ArrayList<>();
		for (Node item : sequence.getValue()) {
			String field = text(item);
			if (REDACTABLE.contains(field)) {
				fields.add(field);
			}
			else {
				problem(item, "'" + field + "' cannot be redacted; choose from " + REDACTABLE.stream().sorted().toList());
			}
		}
		return fields;
	}

	private Decision decision(Node node, Set<Decision> allowed, Decision fallback) {
		if (node == null) {
			return fallback;
		}
		String value = text(node);
		for (Decision candidate : allowed) {
			if (candidate.name().equals(value)) {
				return candidate;
			}
		}
		problem(node, "'" + value + "' is not allowed here; use one of " + allowed.stream().map(Enum::name).sorted().toList());
		return fallback;
	}

	private Duration duration(Node node, Duration fallback) {
		if (node == null) {
			return fallback;
		}
		Matcher matcher = DURATION.matcher(text(node).trim());
		if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
			problem(node, "'" + text(node) + "' is not a duration; write e.g. 90s, 15m, 24h or 2d");
			return (fallback != null) ? fallback : Duration.ofHours(24);
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
	}

	private Map<String, Node> entries(MappingNode node, Set<String> known) {
		Map<String, Node> entries = new LinkedHashMap<>();
		for (NodeTuple entry : node.getValue()) {
			String key = text(entry.getKeyNode());
			if (!known.contains(key)) {
				problem(entry.getKeyNode(), "unknown key '" + key + "'; expected one of " + known.stream().sorted().toList());
			}
			else if (entries.put(key, entry.getValueNode()) != null) {
				problem(entry.getKeyNode(), "'" + key + "' is set twice");
			}
		}
		return entries;
	}

	private String requiredText(Map<String, Node> top, String key, Node parent) {
		Node node = top.get(key);
		if (node == null || text(node).isBlank()) {
			problem((node != null) ? node : parent, key + " is required");
			return "";
		}
		return text(node);
	}

	private int requiredVersion(Map<String, Node> top, Node parent) {
		String value = requiredText(top, "version", parent);
		try {
			int version = Integer.parseInt(value);
			if (version > 0) {
				return version;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		if (!value.isEmpty()) {
			problem(top.get("version"), "version must be a positive whole number, raised with every change");
		}
		return 0;
	}

	private String text(Node node) {
		if (node instanceof ScalarNode scalar) {
			return scalar.getValue();
		}
		problem(node, "expected a single value");
		return "";
	}

	private void problem(Node node, String message) {
		problems.add("line " + (node.getStartMark().getLine() + 1) + ": " + message);
	}
}
