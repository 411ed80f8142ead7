package org.tipline.dispatch.endpoint;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.tipline.dispatch.policy.ForwardingPolicy;

/**
 * Where each state receives its tips, under {@code tipline.dispatch.endpoints}. URLs come only from
 * configuration, never from a tip.
 *
 * @param urlTemplate URL of a state's endpoint, {@code {state}} replaced by its USPS code
 * @param states per-state URLs that override the template
 * @param fallbackUrl where tips with no known state go (a national desk)
 */
@ConfigurationProperties("tipline.dispatch.endpoints")
public record StateEndpoints(@DefaultValue("http://localhost:8090/states/{state}/tips") String urlTemplate,
		@DefaultValue Map<String, URI> states, @DefaultValue("http://localhost:8090/states/NATIONAL/tips") URI fallbackUrl) {

	public URI urlOf(String endpoint) {
		if (ForwardingPolicy.FALLBACK_ENDPOINT.equals(endpoint)) {
			return fallbackUrl;
		}
		URI configured = states.get(endpoint);
		return (configured != null) ? configured : URI.create(urlTemplate.replace("{state}", endpoint));
	}
}
