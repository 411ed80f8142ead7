package org.tipline.audit.ledger;

import java.util.function.Consumer;

import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class HopRecording {

	/**
	 * Records every pipeline event as audit entries. Offsets are committed only after the entries are stored,
	 * and a redelivered event adds nothing, so the log is complete and free of duplicates across crashes.
	 */
	@Bean
	Consumer<Message<byte[]>> recordHop(AuditLedger ledger, JsonMapper json) {
		HopReader reader = new HopReader(json);
		return (message) -> ledger.append(reader.read(CloudEventMessageUtils.getType(message),
				String.valueOf(CloudEventMessageUtils.getSource(message)), CloudEventMessageUtils.getId(message),
				message.getPayload()));
	}
}
