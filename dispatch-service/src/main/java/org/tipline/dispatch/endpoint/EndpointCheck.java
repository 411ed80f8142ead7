package org.tipline.dispatch.endpoint;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tipline.dispatch.InvalidSettingsException;
import org.tipline.dispatch.policy.ForwardingPolicy;
import org.tipline.events.StateCode;

/**
 * Checks every configured endpoint when dispatch starts and refuses to start, naming each endpoint and the rule it
 * breaks, when one is not HTTPS or is at a non-public address (outside local mode), when its TLS settings
 * cannot be used, or when its webhook secrets cannot sign (or there are none). A host name that does not resolve
 * at start is only warned about: a state's DNS being down must not stop deliveries to every other state, and the
 * address is checked again at every connection anyway.
 */
@Component
class EndpointCheck {

	private static final Logger log = LoggerFactory.getLogger(EndpointCheck.class);

	static final String ALLOW_INSECURE = "tipline.dispatch.outbound.allow-insecure-local-endpoints";

	/** How a host name becomes addresses; {@link InetAddress#getAllByName} outside tests. */
	interface HostLookup {

		InetAddress[] addressesOf(String host) throws UnknownHostException;

	}

	@Autowired
	EndpointCheck(StateEndpoints endpoints, OutboundProperties outbound) {
		this(endpoints, outbound, InetAddress::getAllByName);
	}

	EndpointCheck(StateEndpoints endpoints, OutboundProperties outbound, HostLookup lookup) {
		List<String> problems = new ArrayList<>();
		if (!outbound.allowInsecureLocalEndpoints()) {
			endpoints.configuredUrls().forEach((configured) -> problems.addAll(urlProblems(configured, lookup)));
		}
		new TreeMap<>(endpoints.tls()).forEach((endpoint, tls) -> problems.addAll(tlsProblems(endpoint, tls)));
		problems.addAll(secretProblems(endpoints));
		if (!problems.isEmpty()) {
			throw new InvalidSettingsException("State endpoints are not safe to deliver to", problems,
					"Correct the endpoints named above (tipline.dispatch.endpoints.*) and start dispatch again. "
							+ "Only for a local run or a test against endpoints on this machine, set " + ALLOW_INSECURE
							+ "=true.");
		}
		if (outbound.allowInsecureLocalEndpoints()) {
			log.warn("{}=true: endpoints may be plain HTTP and on loopback or private addresses. "
					+ "For local runs and tests only, never for real tips.", ALLOW_INSECURE);
		}
	}

	private static List<String> urlProblems(StateEndpoints.ConfiguredUrl configured, HostLookup lookup) {
		String where = configured.endpoint() + " (" + configured.property() + ")";
		URI url;
		URI otherState;
		try {
			url = URI.create(configured.url().replace("{state}", "XX"));
			otherState = URI.create(configured.url().replace("{state}", "YY"));
		}
		catch (IllegalArgumentException ex) {
			return List.of(where + ": is not a URL");
		}
		if (url.getHost() == null || !url.isAbsolute()) {
			return List.of(where + ": is not an absolute URL with a host");
		}
		List<String> problems = new ArrayList<>();
		if (!"https".equals(url.getScheme().toLowerCase(Locale.ROOT))) {
			problems.add(where + ": uses " + url.getScheme() + "; outside local mode every endpoint must use https");
		}
		if (!Objects.equals(url.getHost(), otherState.getHost())) {
			// a host per state ({state}.example.gov) is checked at each connection, when the state is known
			return problems;
		}
		String host = url.getHost().replaceAll("^\\[|\\]$", "");
		try {
			for (InetAddress address : lookup.addressesOf(host)) {
				Optional<String> refusal = PublicAddresses.refusalOf(address);
				if (refusal.isPresent()) {
					String at = host.equals(address.getHostAddress()) ? "host " + host + " is "
							: "host " + host + " resolves to " + address.getHostAddress() + ", ";
					problems.add(where + ": " + at + refusal.get() + "; outside local mode only public addresses "
							+ "are allowed");
				}
			}
		}
		catch (UnknownHostException ex) {
			log.warn("Endpoint {}: host {} cannot be resolved now; its addresses are checked at every connection",
					where, host);
		}
		return problems;
	}

	private static List<String> tlsProblems(String endpoint, EndpointTls tls) {
		String property = StateEndpoints.PREFIX + "tls." + endpoint;
		List<String> problems = new ArrayList<>();
		endpointNameProblem(property, endpoint).ifPresent(problems::add);
		if (tls.keyStore() == null && tls.trustStore() == null) {
			problems.add(property + ": names neither a key-store nor a trust-store");
		}
		try {
			tls.keyManagers();
		}
		catch (GeneralSecurityException | IOException ex) {
			problems.add(property + ".key-store: cannot be used: " + reason(ex));
		}
		try {
			tls.trustManagers();
		}
		catch (GeneralSecurityException | IOException ex) {
			problems.add(property + ".trust-store: cannot be used: " + reason(ex));
		}
		return problems;
	}

	/**
	 * Every delivery is signed, so with no secret at all none could be sent, and a secret that is not one would fail
	 * each delivery to its endpoints; both are found here rather than when the first tip is due. Problems name the
	 * property, never the value.
	 */
	private static List<String> secretProblems(StateEndpoints endpoints) {
		List<String> problems = new ArrayList<>();
		if (endpoints.defaultSecrets().isEmpty() && endpoints.secrets().values().stream().allMatch(List::isEmpty)) {
			problems.add(StateEndpoints.PREFIX
					+ "default-secrets: no webhook secret is configured, so no delivery could be signed");
		}
		for (int i = 0; i < endpoints.defaultSecrets().size(); i++) {
			secretProblem(StateEndpoints.PREFIX + "default-secrets[" + i + "]", endpoints.defaultSecrets().get(i))
				.ifPresent(problems::add);
		}
		new TreeMap<>(endpoints.secrets()).forEach((endpoint, secrets) -> {
			String property = StateEndpoints.PREFIX + "secrets." + endpoint;
			endpointNameProblem(property, endpoint).ifPresent(problems::add);
			for (int i = 0; i < secrets.size(); i++) {
				secretProblem(property + "[" + i + "]", secrets.get(i)).ifPresent(problems::add);
			}
		});
		return problems;
	}

	/**
	 * Settings per endpoint are keyed by a state code or FALLBACK, in any case ({@link StateEndpoints}); any other
	 * key would never be used.
	 */
	private static Optional<String> endpointNameProblem(String property, String endpoint) {
		String name = endpoint.toUpperCase(Locale.ROOT);
		if (StateCode.isValid(name) || ForwardingPolicy.FALLBACK_ENDPOINT.equals(name)) {
			return Optional.empty();
		}
		return Optional.of(property + ": '" + endpoint + "' is not a USPS state or territory code, nor "
				+ ForwardingPolicy.FALLBACK_ENDPOINT);
	}

	private static Optional<String> secretProblem(String property, String secret) {
		byte[] key;
		try {
			key = WebhookSecret.keyOf(secret);
		}
		catch (IllegalArgumentException ex) {
			return Optional.of(property + ": is not a Standard Webhooks secret (" + WebhookSecret.PREFIX
					+ " followed by base64)");
		}
		if (key.length < WebhookSecret.MINIMUM_BYTES) {
			return Optional.of(property + ": is a key of " + key.length + " bytes; at least "
					+ WebhookSecret.MINIMUM_BYTES + " are needed (Standard Webhooks recommends 24 to 64)");
		}
		return Optional.empty();
	}

	/** Key store exceptions name the file and what is wrong with it, never a password. */
	private static String reason(Exception ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}
}
