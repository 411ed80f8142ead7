package org.tipline.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The holders of API keys a service accepts, each known by the hash of its key. Looking a key up compares it with
 * every configured hash, always all of them, so the time taken says nothing about which one (if any) matched.
 *
 * @param <H> what the service knows about a holder: an adapter, an analyst, an operator
 */
public final class KeyRing<H> {

	private final List<Map.Entry<String, H>> holders;

	/** {@code holdersByKeyHash}: lower-case hex SHA-256 of each key, see {@link ApiKeys#sha256Hex}. */
	public KeyRing(Map<String, H> holdersByKeyHash) {
		holdersByKeyHash.keySet().forEach((hash) -> {
			if (!ApiKeys.isWellFormedHash(hash)) {
				throw new IllegalArgumentException("a key hash must be 64 lower-case hex digits (SHA-256)");
			}
		});
		this.holders = List.copyOf(holdersByKeyHash.entrySet());
	}

	public Optional<H> holderOf(String presentedKey) {
		H found = null;
		for (Map.Entry<String, H> holder : holders) {
			if (ApiKeys.matches(presentedKey, holder.getKey()) && found == null) {
				found = holder.getValue();
			}
		}
		return Optional.ofNullable(found);
	}

	public boolean isEmpty() {
		return holders.isEmpty();
	}
}
