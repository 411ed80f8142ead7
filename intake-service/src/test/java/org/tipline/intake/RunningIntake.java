package org.tipline.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tipline.testing.SharedKafka;
import org.tipline.testing.SharedPostgres;
import org.tipline.testing.TestFieldKeys;

/**
 * An intake on a random port against the module's shared Kafka and PostgreSQL, accepting the {@link TestAdapters}.
 * The integration tests that use it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a fresh context's first submission once took more than the default 5 s on a loaded CI machine
// (TipOwnershipIT, the module's first test); a wrong answer still fails a test, a slow one no longer does
@AutoConfigureWebTestClient(timeout = "30s")
@ContextConfiguration(initializers = RunningIntake.Infrastructure.class)
public @interface RunningIntake {

	final class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of(properties()).applyTo(context);
		}

		public static Map<String, String> properties() {
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
			properties.put("spring.datasource.url", SharedPostgres.jdbcUrl("intake"));
			properties.putAll(TestAdapters.properties());
			properties.put("tipline.field-encryption.public-keyset-file", TestFieldKeys.publicKeysetFile());
			return properties;
		}
	}
}
