package dev.springxhr.docs.configuration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;

/**
 * The configuration properties that the class path's Spring Boot metadata
 * ({@code META-INF/spring-configuration-metadata.json} and {@code additional-spring-configuration-metadata.json},
 * ours and Boot's) declares: a key of a docs example that none declares is a typo that Boot would silently ignore.
 */
final class ConfigurationMetadata {

	private final Set<String> properties = new HashSet<>();

	private final Set<String> mapProperties = new HashSet<>();

	private ConfigurationMetadata() {
	}

	static ConfigurationMetadata fromClassPath() throws IOException {
		ConfigurationMetadata metadata = new ConfigurationMetadata();
		ClassLoader classLoader = ConfigurationMetadata.class.getClassLoader();
		for (String name : List.of("META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json")) {
			for (URL url : Collections.list(classLoader.getResources(name))) {
				try (InputStream in = url.openStream()) {
					Map<String, Object> file = JsonPath.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "$");
					// an additional metadata file may hold only hints
					Object properties = file.getOrDefault("properties", List.of());
					for (Object entry : (List<?>) properties) {
						Map<?, ?> property = (Map<?, ?>) entry;
						String propertyName = (String) property.get("name");
						metadata.properties.add(propertyName);
						Object type = property.get("type");
						if (type instanceof String typeName && typeName.startsWith("java.util.Map")) {
							metadata.mapProperties.add(propertyName);
						}
					}
				}
			}
		}
		return metadata;
	}

	/**
	 * Whether a key is a declared property, an element of a declared list ({@code a.b[0]}), or an entry of a declared
	 * map ({@code xhr.health.probes.catalog.url}, {@code logging.level.dev.springxhr}).
	 */
	boolean declares(String key) {
		String withoutIndexes = key.replaceAll("\\[\\d+]", "");
		return this.properties.contains(withoutIndexes)
				|| this.mapProperties.stream().anyMatch((map) -> withoutIndexes.startsWith(map + "."));
	}

	int size() {
		return this.properties.size();
	}

}
