package org.tipline.intake.adapter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.tipline.intake.IntakeProperties;
import org.tipline.security.ApiKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdapterSettingsTest {

	private static final String KEY = ApiKeys.generate();

	private static final String OTHER_KEY = ApiKeys.generate();

	private final ApplicationContextRunner intake = new ApplicationContextRunner()
		.withUserConfiguration(AdapterSettings.class);

	@Test
	void anAdapterNeedsOnlyItsKeyHashAndGetsTheDefaultRate() {
		intake.withPropertyValues("tipline.intake.adapters.sms-gateway.key-sha256=" + ApiKeys.sha256Hex(KEY))
			.run((context) -> {
				IntakeProperties.AdapterSettings settings = context.getBean(IntakeProperties.class)
					.adapters()
					.get("sms-gateway");
				assertThat(settings.requestsPerSecond()).isEqualTo(200);
				assertThat(settings.burst()).isEqualTo(400);
				assertThat(context.getBean(Adapters.class).authenticate("Bearer " + KEY))
					.contains(new Adapter("sms-gateway"));
			});
	}

	@Test
	void anAdapterCanBeConfiguredThroughEnvironmentVariables() {
		Map<String, Object> environment = Map.of("TIPLINE_INTAKE_ADAPTERS_DEMO_KEYSHA256", ApiKeys.sha256Hex(KEY),
				"TIPLINE_INTAKE_ADAPTERS_DEMO_REQUESTSPERSECOND", "20");
		intake
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								environment)))
			.run((context) -> {
				assertThat(context.getBean(Adapters.class).authenticate("Bearer " + KEY)).contains(new Adapter("demo"));
				assertThat(context.getBean(IntakeProperties.class).adapters().get("demo").requestsPerSecond())
					.isEqualTo(20);
			});
	}

	@Test
	void refusesToStartWithoutAnyAdapter() {
		intake.run((context) -> assertThat(refusal(context)).contains("tipline.intake.adapters ")
			.contains("no channel adapter"));
	}

	@Test
	void refusesAMalformedHashNamingThePropertyButNotTheValue() {
		String malformed = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0Z";
		intake.withPropertyValues("tipline.intake.adapters.sms-gateway.key-sha256=" + malformed)
			.run((context) -> assertThat(refusal(context))
				.contains("tipline.intake.adapters.sms-gateway.key-sha256 is not a SHA-256")
				.doesNotContain(malformed));
	}

	@Test
	void refusesAKeyConfiguredInPlaceOfItsHashWithoutRepeatingTheKey() {
		intake.withPropertyValues("tipline.intake.adapters.sms-gateway.key-sha256=" + KEY)
			.run((context) -> assertThat(refusal(context))
				.contains("tipline.intake.adapters.sms-gateway.key-sha256 holds a key, not its SHA-256")
				.doesNotContain(KEY)
				.doesNotContain(KEY.substring(4)));
	}

	@Test
	void refusesAnAdapterWithoutAKeyHash() {
		intake.withPropertyValues("tipline.intake.adapters.sms-gateway.burst=10")
			.run((context) -> assertThat(refusal(context))
				.contains("tipline.intake.adapters.sms-gateway.key-sha256 is missing"));
	}

	@Test
	void refusesTwoAdaptersSharingOneKey() {
		String hash = ApiKeys.sha256Hex(KEY);
		intake
			.withPropertyValues("tipline.intake.adapters.sms-gateway.key-sha256=" + hash,
					"tipline.intake.adapters.web-form.key-sha256=" + hash)
			.run((context) -> assertThat(refusal(context)).contains("every adapter needs its own key")
				.doesNotContain(hash));
	}

	@Test
	void refusesARateOrBurstThatAdmitsNothing() {
		String hash = ApiKeys.sha256Hex(KEY);
		intake
			.withPropertyValues("tipline.intake.adapters.sms-gateway.key-sha256=" + hash,
					"tipline.intake.adapters.sms-gateway.requests-per-second=0")
			.run((context) -> assertThat(refusal(context))
				.contains("tipline.intake.adapters.sms-gateway.requests-per-second must be a positive number"));
		intake
			.withPropertyValues("tipline.intake.adapters.sms-gateway.key-sha256=" + hash,
					"tipline.intake.adapters.sms-gateway.burst=0")
			.run((context) -> assertThat(refusal(context))
				.contains("tipline.intake.adapters.sms-gateway.burst must be at least 1"));
	}

	@Test
	void acceptsAHashWrittenInUpperCase() {
		intake
			.withPropertyValues(
					"tipline.intake.adapters.sms-gateway.key-sha256=" + ApiKeys.sha256Hex(KEY).toUpperCase())
			.run((context) -> assertThat(context.getBean(Adapters.class).authenticate("Bearer " + KEY))
				.contains(new Adapter("sms-gateway")));
	}

	@Test
	void knowsEachAdapterOnlyByItsOwnKey() {
		intake
			.withPropertyValues("tipline.intake.adapters.sms-gateway.key-sha256=" + ApiKeys.sha256Hex(KEY),
					"tipline.intake.adapters.web-form.key-sha256=" + ApiKeys.sha256Hex(OTHER_KEY))
			.run((context) -> {
				Adapters adapters = context.getBean(Adapters.class);
				assertThat(adapters.authenticate("Bearer " + KEY)).contains(new Adapter("sms-gateway"));
				assertThat(adapters.authenticate("Bearer " + OTHER_KEY)).contains(new Adapter("web-form"));
				assertThat(adapters.authenticate("Bearer " + ApiKeys.generate())).isEmpty();
				assertThat(adapters.authenticate("Bearer " + ApiKeys.sha256Hex(KEY))).isEmpty();
				assertThat(adapters.authenticate("Basic " + KEY)).isEmpty();
				assertThat(adapters.authenticate(KEY)).isEmpty();
				assertThat(adapters.authenticate(null)).isEmpty();
			});
	}

	@Test
	void oneAdapterOverItsRateLeavesAnotherUnlimited() {
		intake
			.withPropertyValues("tipline.intake.adapters.sms-gateway.key-sha256=" + ApiKeys.sha256Hex(KEY),
					"tipline.intake.adapters.sms-gateway.burst=2",
					"tipline.intake.adapters.sms-gateway.requests-per-second=1",
					"tipline.intake.adapters.web-form.key-sha256=" + ApiKeys.sha256Hex(OTHER_KEY),
					"tipline.intake.adapters.web-form.burst=2")
			.run((context) -> {
				Adapters adapters = context.getBean(Adapters.class);
				Adapter flooding = new Adapter("sms-gateway");
				adapters.admit(flooding);
				adapters.admit(flooding);

				assertThat(adapters.admit(flooding)).isEqualTo(Duration.ofSeconds(1));
				assertThat(adapters.admit(new Adapter("web-form"))).isZero();
			});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void anOperatorIsToldWhichSettingToFixAndNeverTheKey(CapturedOutput output) {
		SpringApplication application = new SpringApplicationBuilder(AdapterSettings.class)
			.web(WebApplicationType.NONE)
			.properties("tipline.intake.adapters.sms-gateway.key-sha256=" + KEY)
			.build();

		assertThatThrownBy(application::run).isNotNull();

		assertThat(output).contains("APPLICATION FAILED TO START", "Intake cannot authenticate channel adapters",
				"tipline.intake.adapters.sms-gateway.key-sha256", "tipline.intake.adapters.<name>.key-sha256")
			.doesNotContain(KEY.substring(4));
	}

	/** What an operator reads when intake refuses to start: the exception and the failure analysis. */
	private static String refusal(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidAdapterSettingsException.class);
		FailureAnalysis analysis = new InvalidAdapterSettingsFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).isNotNull();
		return context.getStartupFailure().getMessage() + "\n" + analysis.getDescription() + "\n"
				+ analysis.getAction();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(IntakeProperties.class)
	@Import(Adapters.class)
	static class AdapterSettings {

		/** Fixed, so that no token refills while a test counts them. */
		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
		}
	}
}
