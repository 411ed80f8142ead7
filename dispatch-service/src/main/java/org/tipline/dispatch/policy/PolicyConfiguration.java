package org.tipline.dispatch.policy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

	/**
	 * @param file where the forwarding policy is read from at start: a {@code file:} path or a
	 * {@code classpath:} resource
	 */
	@ConfigurationProperties("tipline.dispatch.policy")
	record PolicyProperties(@DefaultValue("classpath:forwarding-policy.yml") String file) {
	}

	/** Read once at start: an invalid file stops dispatch, with every problem and its line in the message. */
	@Bean
	ForwardingPolicy forwardingPolicy(PolicyProperties properties, ResourceLoader resources) {
		Resource resource = resources.getResource(properties.file());
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			ForwardingPolicy policy = PolicyFile.parse(properties.file(), reader);
			log.info("Forwarding policy {} loaded from {}", policy.versionTag(), properties.file());
			return policy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the forwarding policy " + properties.file(), ex);
		}
	}
}
