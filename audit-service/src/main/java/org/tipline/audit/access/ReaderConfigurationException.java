package org.tipline.audit.access;

import java.util.List;

/** The configured readers cannot be used; the message names each property at fault and never its value. */
class ReaderConfigurationException extends IllegalStateException {

	ReaderConfigurationException(List<String> problems) {
		super("The readers of the audit API are not configured correctly:\n - " + String.join("\n - ", problems));
	}
}
