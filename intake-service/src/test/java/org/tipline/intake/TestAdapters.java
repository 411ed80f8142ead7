package org.tipline.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.tipline.security.ApiKeys;

/**
 * The channel adapters every intake under test accepts, with keys made fresh for each test run (a key in the
 * source would look like a leaked one to a secret scanner).
 */
public final class TestAdapters {

	public static final String SMS_GATEWAY = "sms-gateway";

	public static final String SMS_GATEWAY_KEY = ApiKeys.generate();

	public static final String WEB_FORM = "web-form";

	public static final String WEB_FORM_KEY = ApiKeys.generate();

	/** Allowed 3 requests at once and then one every 5 seconds, so that a test can run it over its rate. */
	public static final String SLOW_GATEWAY = "slow-gateway";

	public static final String SLOW_GATEWAY_KEY = ApiKeys.generate();

	private TestAdapters() {
	}

	/** sms-gateway and web-form keep the default rate; slow-gateway has its own. */
	public static Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(keyHashProperty(SMS_GATEWAY), ApiKeys.sha256Hex(SMS_GATEWAY_KEY));
		properties.put(keyHashProperty(WEB_FORM), ApiKeys.sha256Hex(WEB_FORM_KEY));
		properties.put(keyHashProperty(SLOW_GATEWAY), ApiKeys.sha256Hex(SLOW_GATEWAY_KEY));
		properties.put("tipline.intake.adapters." + SLOW_GATEWAY + ".requests-per-second", "0.2");
		properties.put("tipline.intake.adapters." + SLOW_GATEWAY + ".burst", "3");
		return properties;
	}

	public static Consumer<HttpHeaders> as(String key) {
		return (headers) -> headers.setBearerAuth(key);
	}

	private static String keyHashProperty(String adapter) {
		return "tipline.intake.adapters." + adapter + ".key-sha256";
	}
}
