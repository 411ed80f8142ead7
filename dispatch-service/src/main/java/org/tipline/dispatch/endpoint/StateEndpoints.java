package org.tipline.dispatch.endpoint;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.tipline.dispatch.policy.ForwardingPolicy;

/**
 * Where each state receives its tips and the secrets deliveries are signed with, under
 * {@code tipline.dispatch.endpoints}. URLs come only from configuration, never from a tip.
 *
 * @param urlTemplate URL of a state's endpoint, {@code {state}} replaced by its USPS code
 * @param states per-state URLs that override the template
 * @param fallbackUrl where tips with no known state go (a national desk)
 * @param escalation per-state URLs that also receive a tip whose deadline passed undelivered
 * @param defaultSecrets Standard Webhooks secrets ({@code whsec_…}) of endpoints without their own; two during
 * a rotation, the new one first
 * @param secrets per-endpoint secrets (a state code, or FALLBACK), overriding the default ones
 * @param rateLimitPerSecond most deliveries per second to one endpoint
 * @param tls per-endpoint mutual TLS (a state code, or FALLBACK); an escalation uses its state's
 */
@ConfigurationProperties("tipline.dispatch.endpoints")
public record StateEndpoints(@DefaultValue("http://localhost:8090/states/{state}/tips") String urlTemplate,
		@DefaultValue Map<String, URI> states,
		@DefaultValue("http://localhost:8090/states/NATIONAL/tips") URI fallbackUrl,
		@DefaultValue Map<String, URI> escalation, @DefaultValue List<String> defaultSecrets,
		@DefaultValue Map<String, List<String>> secrets, @DefaultValue("50") double rateLimitPerSecond,
		@DefaultValue Map<String, EndpointTls> tls) {

	static final String ESCALATION_SUFFIX = "/escalation";

	static final String PREFIX = "tipline.dispatch.endpoints.";

	public StateEndpoints {
		states = byEndpointName("states", states);
		escalation = byEndpointName("escalation", escalation);
		secrets = byEndpointName("secrets", secrets);
		tls = byEndpointName("tls", tls);
	}

	/**
	 * Endpoints are named by state code or FALLBACK, in capitals, but looked up here in any case: a key set by an
	 * environment variable ({@code TIPLINE_DISPATCH_ENDPOINTS_SECRETS_FL_0_}) arrives in lower case and would
	 * otherwise name no endpoint. Keys keep their spelling, so the start-up check names them as configured.
	 */
	private static <V> Map<String, V> byEndpointName(String property, Map<String, V> configured) {
		TreeMap<String, V> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		configured.forEach((key, value) -> {
			String earlier = byName.ceilingKey(key);
			if (earlier != null && earlier.equalsIgnoreCase(key)) {
				List<String> spellings = List.of(earlier, key).stream().sorted().toList();
				throw new IllegalArgumentException(PREFIX + property + ": sets " + key.toUpperCase(Locale.ROOT)
						+ " twice (as '" + spellings.get(0) + "' and '" + spellings.get(1) + "')");
			}
			byName.put(key, value);
		});
		return Collections.unmodifiableMap(byName);
	}

	/**
	 * One URL as configured, for the start-up check: {@code endpoint} names who receives tips there (for the
	 * template: every state without a URL of its own), {@code property} where it was set.
	 */
	record ConfiguredUrl(String endpoint, String property, String url) {
	}

	/** The endpoint name of the escalation copy of a state's tip. */
	public static String escalationOf(String state) {
		return state + ESCALATION_SUFFIX;
	}

	public boolean hasEscalation(String state) {
		return state != null && escalation.containsKey(state);
	}

	public URI urlOf(String endpoint) {
		if (endpoint.endsWith(ESCALATION_SUFFIX)) {
			return escalation.get(ownerOf(endpoint));
		}
		if (ForwardingPolicy.FALLBACK_ENDPOINT.equals(endpoint)) {
			return fallbackUrl;
		}
		URI configured = states.get(endpoint);
		return (configured != null) ? configured : URI.create(urlTemplate.replace("{state}", endpoint));
	}

	/** The endpoint itself, or for {@code ST/escalation} the state it escalates for. */
	private static String ownerOf(String endpoint) {
		return endpoint.endsWith(ESCALATION_SUFFIX)
				? endpoint.substring(0, endpoint.length() - ESCALATION_SUFFIX.length()) : endpoint;
	}

	/** The mutual TLS settings of {@code endpoint}, {@link EndpointTls#NONE} without any; an escalation uses its state's. */
	public EndpointTls tlsOf(String endpoint) {
		return tls.getOrDefault(ownerOf(endpoint), EndpointTls.NONE);
	}

	List<ConfiguredUrl> configuredUrls() {
		List<ConfiguredUrl> urls = new ArrayList<>();
		urls.add(new ConfiguredUrl("every state without its own URL", PREFIX + "url-template", urlTemplate));
		new TreeMap<>(states).forEach((state, url) -> urls.add(new ConfiguredUrl(state, PREFIX + "states." + state,
				url.toString())));
		urls.add(new ConfiguredUrl(ForwardingPolicy.FALLBACK_ENDPOINT, PREFIX + "fallback-url", fallbackUrl.toString()));
		new TreeMap<>(escalation).forEach((state, url) -> urls.add(new ConfiguredUrl(escalationOf(state),
				PREFIX + "escalation." + state, url.toString())));
		return urls;
	}

	/** The secrets a delivery to {@code endpoint} is signed with; an escalation uses its state's. */
	public List<String> secretsOf(String endpoint) {
		String owner = ownerOf(endpoint);
		List<String> own = secrets.get(owner);
		List<String> chosen = (own != null && !own.isEmpty()) ? own : defaultSecrets;
		if (chosen.isEmpty()) {
			throw new IllegalStateException("no webhook secret configured for endpoint " + owner
					+ " (tipline.dispatch.endpoints.secrets." + owner + " or .default-secrets)");
		}
		return chosen;
	}
}
