package org.tipline.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** This module's files (Surefire runs the tests in the module's directory), read as YAML. */
final class ModuleFiles {

	static final Path MODULE = Path.of("").toAbsolutePath();

	private ModuleFiles() {
	}

	static Map<String, Object> yaml(Path file) throws IOException {
		assertThat(file).as("run the tests from platform/observability").exists();
		return map(new Yaml().load(Files.readString(file)));
	}

	static Map<String, Object> yaml(String file) throws IOException {
		return yaml(MODULE.resolve(file));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object yaml) {
		assertThat(yaml).isInstanceOf(Map.class);
		return (Map<String, Object>) yaml;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object yaml) {
		assertThat(yaml).isInstanceOf(List.class);
		return (List<Object>) yaml;
	}

}
