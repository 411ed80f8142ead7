package org.tipline.dispatch.endpoint;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which addresses a state endpoint may be at: public ones only. A tip sent to a loopback, private or link-local
 * address would reach this machine, the internal network or the cloud's metadata service (169.254.169.254)
 * instead of a state, so a configuration mistake or a host name that later resolves inwards (DNS rebinding)
 * must never get a connection there.
 */
public final class PublicAddresses {

	private static final byte[] NAT64_PREFIX = { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };

	private PublicAddresses() {
	}

	/** The rule {@code address} breaks, such as "a private address", or empty when it is public. */
	public static Optional<String> refusalOf(InetAddress address) {
		if (address instanceof Inet6Address) {
			Optional<InetAddress> embedded = embeddedIpv4(address.getAddress());
			if (embedded.isPresent()) {
				return refusalOf(embedded.get())
					.map((rule) -> rule + " in IPv6 form (" + embedded.get().getHostAddress() + ")");
			}
		}
		if (address.isAnyLocalAddress() || isThisNetwork(address)) {
			return Optional.of("an unspecified address");
		}
		if (address.isLoopbackAddress()) {
			return Optional.of("a loopback address");
		}
		if (address.isLinkLocalAddress()) {
			return Optional.of("a link-local address (where cloud metadata services such as 169.254.169.254 are)");
		}
		if (address.isSiteLocalAddress() || isSharedAddressSpace(address)) {
			return Optional.of("a private address");
		}
		if (isUniqueLocal(address)) {
			return Optional.of("a unique-local address");
		}
		if (address.isMulticastAddress() || isBroadcast(address)) {
			return Optional.of("a multicast or broadcast address");
		}
		if (isBenchmarkingOrReserved(address)) {
			return Optional.of("a benchmarking or reserved address");
		}
		return Optional.empty();
	}

	/**
	 * IPv4 addresses written as IPv6: mapped ({@code ::ffff:10.0.0.1}), compatible ({@code ::10.0.0.1}) and
	 * NAT64 ({@code 64:ff9b::10.0.0.1}); each reaches the IPv4 address it carries.
	 */
	private static Optional<InetAddress> embeddedIpv4(byte[] ipv6) {
		boolean prefixZero = Arrays.equals(ipv6, 0, 10, new byte[10], 0, 10);
		boolean mapped = prefixZero && ipv6[10] == (byte) 0xff && ipv6[11] == (byte) 0xff;
		// :: and ::1 are IPv6's own unspecified and loopback addresses, not IPv4 ones
		boolean compatible = prefixZero && ipv6[10] == 0 && ipv6[11] == 0
				&& !(Arrays.equals(ipv6, 12, 15, new byte[3], 0, 3) && (ipv6[15] == 0 || ipv6[15] == 1));
		boolean nat64 = Arrays.equals(ipv6, 0, 12, NAT64_PREFIX, 0, 12);
		if (!mapped && !compatible && !nat64) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(ipv6, 12, 16)));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("four bytes are always an IPv4 address", ex);
		}
	}

	/** 0.0.0.0/8: "this network", which Linux connects to the local host. */
	private static boolean isThisNetwork(InetAddress address) {
		return address instanceof Inet4Address && address.getAddress()[0] == 0;
	}

	/** 100.64.0.0/10, the carrier-grade NAT range providers use inside their networks. */
	private static boolean isSharedAddressSpace(InetAddress address) {
		byte[] bytes = address.getAddress();
		return address instanceof Inet4Address && bytes[0] == 100 && (bytes[1] & 0xc0) == 64;
	}

	/**
	 * 198.18.0.0/15 (network benchmarking) and 240.0.0.0/4 (reserved): never a state's, yet routed inside some
	 * networks, proxies' "fake IP" schemes among them. The documentation ranges (192.0.2.0/24, 198.51.100.0/24,
	 * 203.0.113.0/24) stay allowed: the internet routes them nowhere, and tests use them for public endpoints.
	 */
	private static boolean isBenchmarkingOrReserved(InetAddress address) {
		byte[] bytes = address.getAddress();
		return address instanceof Inet4Address
				&& ((bytes[0] == (byte) 198 && (bytes[1] & 0xfe) == 18) || (bytes[0] & 0xf0) == 0xf0);
	}

	/** fc00::/7. */
	private static boolean isUniqueLocal(InetAddress address) {
		return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
	}

	private static boolean isBroadcast(InetAddress address) {
		return address instanceof Inet4Address && Arrays.equals(address.getAddress(), new byte[] { -1, -1, -1, -1 });
	}
}
