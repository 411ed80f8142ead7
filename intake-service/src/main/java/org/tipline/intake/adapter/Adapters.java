package org.tipline.intake.adapter;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.tipline.intake.IntakeProperties;
import org.tipline.intake.IntakeProperties.AdapterSettings;
import org.tipline.security.ApiKeys;
import org.tipline.security.KeyRing;

/**
 * The channel adapters of {@code tipline.intake.adapters}: which one holds a presented key, and whether it is
 * within its request rate. Checked when intake starts, so a misconfigured intake refuses to start instead of
 * refusing every tip.
 */
@Component
class Adapters {

	private static final String PROPERTY = "tipline.intake.adapters";

	/** Names become a database column, log fields and metric tags. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

	private final KeyRing<Adapter> keys;

	private final Map<Adapter, TokenBucket> rates = new HashMap<>();

	Adapters(IntakeProperties properties, Clock clock) {
		if (properties.adapters().isEmpty()) {
			throw new InvalidAdapterSettingsException(PROPERTY,
					"configures no channel adapter, so no request could be accepted");
		}
		Map<String, Adapter> byKeyHash = new HashMap<>();
		properties.adapters().forEach((name, settings) -> {
			Adapter adapter = new Adapter(checkedName(name));
			String hash = checkedKeyHash(name, settings);
			Adapter sharing = byKeyHash.putIfAbsent(hash, adapter);
			if (sharing != null) {
				throw new InvalidAdapterSettingsException(PROPERTY + "." + name + ".key-sha256",
						"is the same key as " + sharing.name() + "'s; every adapter needs its own key");
			}
			rates.put(adapter, new TokenBucket(checkedRate(name, settings), checkedBurst(name, settings), clock));
		});
		this.keys = new KeyRing<>(byKeyHash);
	}

	/** The adapter whose key an {@code Authorization: Bearer} header holds, if any. */
	Optional<Adapter> authenticate(String authorization) {
		return ApiKeys.fromAuthorization(authorization).flatMap(keys::holderOf);
	}

	/** {@link Duration#ZERO} when the adapter may make this request now, else how long it must wait. */
	Duration admit(Adapter adapter) {
		return rates.get(adapter).take();
	}

	private static String checkedName(String name) {
		// not quoted in the message: a name that breaks the rules may be a key pasted in the wrong place
		if (!NAME.matcher(name).matches() || name.startsWith(ApiKeys.PREFIX)) {
			throw new InvalidAdapterSettingsException(PROPERTY,
					"names an adapter with other characters than letters, digits, '-' and '_', longer than 64"
							+ " or starting like an API key");
		}
		return name;
	}

	private static String checkedKeyHash(String name, AdapterSettings settings) {
		String property = PROPERTY + "." + name + ".key-sha256";
		String hash = ApiKeys.normalizedHash(settings.keySha256());
		ApiKeys.problemOfConfiguredHash(hash).ifPresent((problem) -> {
			throw new InvalidAdapterSettingsException(property, problem);
		});
		return hash;
	}

	private static double checkedRate(String name, AdapterSettings settings) {
		double rate = settings.requestsPerSecond();
		if (!(rate > 0) || Double.isInfinite(rate)) {
			throw new InvalidAdapterSettingsException(PROPERTY + "." + name + ".requests-per-second",
					"must be a positive number");
		}
		return rate;
	}

	private static int checkedBurst(String name, AdapterSettings settings) {
		if (settings.burst() < 1) {
			throw new InvalidAdapterSettingsException(PROPERTY + "." + name + ".burst", "must be at least 1");
		}
		return settings.burst();
	}
}
