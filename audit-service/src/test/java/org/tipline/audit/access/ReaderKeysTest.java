package org.tipline.audit.access;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.tipline.security.ApiKeys;
import org.tipline.security.KeyRing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReaderKeysTest {

	private static final String KEY = ApiKeys.generate();

	@Test
	void findsEachReaderByItsOwnKeyAndNobodyByAnother() {
		String analystKey = ApiKeys.generate();
		KeyRing<Reader> readers = ReaderKeys.of(Map.of("board", reader(ApiKeys.sha256Hex(KEY), "OVERSIGHT"), "ana",
				reader(" " + ApiKeys.sha256Hex(analystKey).toUpperCase() + " ", "analyst")));

		assertThat(readers.holderOf(KEY)).contains(new Reader("board", ReaderRole.OVERSIGHT));
		assertThat(readers.holderOf(analystKey)).contains(new Reader("ana", ReaderRole.ANALYST));
		assertThat(readers.holderOf(ApiKeys.generate())).isEmpty();
		assertThat(readers.holderOf(ApiKeys.sha256Hex(KEY))).isEmpty();
	}

	@Test
	void refusesToStartWithoutAnyReader() {
		assertThatThrownBy(() -> ReaderKeys.of(Map.of())).isInstanceOf(ReaderConfigurationException.class)
			.hasMessageContaining("no reader is configured (tipline.audit.readers.<name>.key-sha256");
	}

	@Test
	void namesEveryPropertyAtFaultAndNeverWhatWasConfigured() {
		String hash = ApiKeys.sha256Hex(KEY);
		assertThatThrownBy(() -> ReaderKeys.of(Map.of("pasted", reader(KEY, "OVERSIGHT"), "short",
				reader("abc123", "ANALYST"), "admin", reader(hash, "ADMINISTRATOR"), "empty", reader(null, null),
				"unauthenticated", reader(ApiKeys.sha256Hex(ApiKeys.generate()), "ANALYST"))))
			.isInstanceOf(ReaderConfigurationException.class)
			.hasMessageContaining("tipline.audit.readers.pasted.key-sha256 holds a key, not its SHA-256")
			.hasMessageContaining("tipline.audit.readers.short.key-sha256 is not a SHA-256 hash")
			.hasMessageContaining("tipline.audit.readers.admin.role is unknown: it must be ANALYST or OVERSIGHT")
			.hasMessageContaining("tipline.audit.readers.empty.key-sha256 is missing")
			.hasMessageContaining("tipline.audit.readers.empty.role is missing")
			.hasMessageContaining("tipline.audit.readers.unauthenticated: a reader's name")
			.message()
			.doesNotContain(KEY, KEY.substring(4), "abc123", "ADMINISTRATOR", hash);
	}

	@Test
	void refusesTwoReadersSharingAKeyForTheAccessLogCouldNotTellThemApart() {
		String hash = ApiKeys.sha256Hex(KEY);
		assertThatThrownBy(() -> ReaderKeys.of(Map.of("first", reader(hash, "ANALYST"), "second",
				reader(hash, "OVERSIGHT"))))
			.hasMessageContaining("tipline.audit.readers.second.key-sha256 is also tipline.audit.readers.first"
					+ ".key-sha256");
	}

	@Test
	void readsReadersFromEnvironmentVariablesAsDocumented() {
		SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("TIPLINE_AUDIT_READERS_BOARD_KEYSHA256", ApiKeys.sha256Hex(KEY), "TIPLINE_AUDIT_READERS_BOARD_ROLE",
						"OVERSIGHT"));

		ReaderProperties properties = new Binder(ConfigurationPropertySources.from(environment))
			.bind("tipline.audit", ReaderProperties.class)
			.get();

		assertThat(ReaderKeys.of(properties.readers()).holderOf(KEY))
			.contains(new Reader("board", ReaderRole.OVERSIGHT));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void theServiceFailsToStartWithAReportThatNamesThePropertyAndSaysWhatToDo(CapturedOutput output) {
		SpringApplication application = new SpringApplication(ReaderKeys.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> application.run("--tipline.audit.readers.board.key-sha256=" + KEY,
				"--tipline.audit.readers.board.role=OVERSIGHT"))
			.hasRootCauseInstanceOf(ReaderConfigurationException.class);
		assertThat(output).contains("APPLICATION FAILED TO START",
				"tipline.audit.readers.board.key-sha256 holds a key", "tipline.audit.readers.<name>.role",
				"sha256sum")
			.doesNotContain(KEY.substring(4));
	}

	private static ReaderProperties.ConfiguredReader reader(String keySha256, String role) {
		return new ReaderProperties.ConfiguredReader(keySha256, role);
	}
}
