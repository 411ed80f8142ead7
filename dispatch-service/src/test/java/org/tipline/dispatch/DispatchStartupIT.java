package org.tipline.dispatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;
import org.tipline.testing.SharedKafka;
import org.tipline.testing.SharedPostgres;
import org.tipline.testing.TestFieldKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside local mode, the endpoints dispatch ships with (on this machine, plain HTTP) stop it at start. */
@ExtendWith(OutputCaptureExtension.class)
class DispatchStartupIT {

	@Test
	void refusesToStartWithPlainHttpEndpointsOnThisMachineNamingEachRule(CapturedOutput output) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(DispatchApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
				"--spring.datasource.url=" + SharedPostgres.jdbcUrl("dispatch_startup"),
				"--tipline.dispatch.endpoints.default-secrets=" + DispatchIT.SECRET,
				"--tipline.field-encryption.private-keyset-file=" + TestFieldKeys.privateKeysetFile(),
				"--tipline.dispatch.endpoints.states.FL=https://127.0.0.1/states/FL/tips"))
			.satisfies((thrown) -> assertThat(NestedExceptionUtils.getMostSpecificCause(thrown))
				.isInstanceOf(InvalidSettingsException.class)
				.hasMessageContaining("every state without its own URL (tipline.dispatch.endpoints.url-template): "
						+ "uses http; outside local mode every endpoint must use https")
				.hasMessageContaining("FL (tipline.dispatch.endpoints.states.FL): host 127.0.0.1 is a loopback address")
				.hasMessageContaining("FALLBACK (tipline.dispatch.endpoints.fallback-url): uses http"));
		assertThat(output).as("reported as a start-up failure an operator can act on")
			.contains("APPLICATION FAILED TO START", "tipline.dispatch.outbound.allow-insecure-local-endpoints=true");
	}
}
