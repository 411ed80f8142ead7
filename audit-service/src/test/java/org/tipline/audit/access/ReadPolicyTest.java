package org.tipline.audit.access;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class ReadPolicyTest {

	@ParameterizedTest(name = "{0}?{1} needs {2}")
	@CsvSource(nullValues = "", value = {
			"/v1/audit/public-key, format=pem, PUBLIC",
			"/v1/audit/checkpoints/latest, , PUBLIC",
			"/v1/audit/reader, , ANALYST",
			"/v1/audit/dashboard/latency, bucket=PT1H, ANALYST",
			"/v1/audit/oversight/latency, format=csv, ANALYST",
			"/v1/audit/oversight/pending, , ANALYST",
			"/v1/audit/oversight/breaches, , ANALYST",
			"/v1/audit/oversight/completeness, , ANALYST",
			"/v1/audit/oversight/reports/OH/2026-11, format=html, ANALYST",
			"/v1/audit/tips/4a6d6c0e-2b7f-4c1e-9d55-0e6f1b0a7c11, , ANALYST",
			"/v1/audit/tips/4a6d6c0e-2b7f-4c1e-9d55-0e6f1b0a7c11, proof=false, ANALYST",
			"/v1/audit/tips/4a6d6c0e-2b7f-4c1e-9d55-0e6f1b0a7c11, proof=true, OVERSIGHT",
			"/v1/audit/tips/4a6d6c0e-2b7f-4c1e-9d55-0e6f1b0a7c11, proof=1, OVERSIGHT",
			"/v1/audit/tips/4a6d6c0e-2b7f-4c1e-9d55-0e6f1b0a7c11, proof=false&proof=yes, OVERSIGHT",
			"/v1/audit/oversight/withheld, , OVERSIGHT",
			"/v1/audit/export, from=0, OVERSIGHT",
			"/v1/audit/entries/5, treeSize=10, OVERSIGHT",
			"/v1/audit/consistency, from=5&to=10, OVERSIGHT",
			"/v1/audit/access, , OVERSIGHT",
			// whatever is not listed needs oversight, the spellings the handlers do not answer too
			"/v1/audit/added-later, , OVERSIGHT",
			"/v1/audit/oversight/latency/, , OVERSIGHT",
			"/v1/audit, , OVERSIGHT" })
	void aRequestNeedsTheRoleTheTableGives(String path, String query, String needed) {
		String uri = path + ((query == null) ? "" : "?" + query);
		Optional<ReaderRole> role = ReadPolicy.needed(PathContainer.parsePath(path),
				UriComponentsBuilder.fromUriString(uri).build().getQueryParams());

		assertThat(role.map(ReaderRole::name).orElse("PUBLIC")).isEqualTo(needed);
	}
}
