package org.tipline.intake.publish;

import org.tipline.events.TipId;

/** Kafka did not acknowledge a tip; the channel adapter must retry, the tip was not accepted. */
public class PublishFailedException extends RuntimeException {

	public PublishFailedException(TipId tipId, Throwable cause) {
		super("Kafka did not acknowledge tip " + tipId, cause);
	}
}
