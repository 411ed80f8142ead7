package org.tipline.intake.adapter;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator of an intake that refused to start which adapter setting to fix, and how. */
class InvalidAdapterSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAdapterSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidAdapterSettingsException cause) {
		return new FailureAnalysis("Intake cannot authenticate channel adapters: " + cause.getMessage() + ".",
				"Configure every channel adapter as tipline.intake.adapters.<name>.key-sha256, set to the lower-case"
						+ " hex SHA-256 of the adapter's whole API key (tpl_...), for example"
						+ " printf %s \"$KEY\" | sha256sum | cut -d' ' -f1. Give each adapter its own key;"
						+ " intake holds only the hashes.",
				cause);
	}
}
