package org.tipline.dispatch.endpoint;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PublicAddressesTest {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			10.0.0.7              | a private address
			172.16.0.1            | a private address
			172.31.255.254        | a private address
			192.168.1.1           | a private address
			100.64.0.1            | a private address
			127.0.0.1             | a loopback address
			127.8.9.10            | a loopback address
			::1                   | a loopback address
			169.254.169.254       | a link-local address
			169.254.0.1           | a link-local address
			fe80::1               | a link-local address
			fc00::1               | a unique-local address
			fd00:ec2::254         | a unique-local address
			224.0.0.1             | a multicast or broadcast address
			239.255.255.250       | a multicast or broadcast address
			255.255.255.255       | a multicast or broadcast address
			ff02::1               | a multicast or broadcast address
			0.0.0.0               | an unspecified address
			0.1.2.3               | an unspecified address
			::                    | an unspecified address
			::ffff:10.0.0.7       | a private address
			::ffff:169.254.169.254 | a link-local address
			198.18.0.1            | a benchmarking or reserved address
			198.19.255.254        | a benchmarking or reserved address
			240.0.0.1             | a benchmarking or reserved address
			254.1.2.3             | a benchmarking or reserved address
			::ffff:198.18.5.5     | a benchmarking or reserved address
			""")
	void refusesAnAddressThatIsNotPublic(String address, String rule) throws UnknownHostException {
		assertThat(PublicAddresses.refusalOf(InetAddress.getByName(address))).hasValueSatisfying(
				(refusal) -> assertThat(refusal).startsWith(rule));
	}

	@ParameterizedTest(name = "{0} carries {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0:0:0:0:0:ffff:a9fe:a9fe | a link-local address
			0:0:0:0:0:ffff:7f00:1    | a loopback address
			0:0:0:0:0:0:a00:7        | a private address
			64:ff9b:0:0:0:0:c0a8:101 | a private address
			64:ff9b:0:0:0:0:7f00:1   | a loopback address
			""")
	void refusesAnIpv4AddressWrittenAsIpv6(String address, String rule) throws UnknownHostException {
		// InetAddress.getByName would turn the mapped ones into IPv4; a resolver or a socket need not
		InetAddress ipv6 = Inet6Address.getByAddress(null, bytesOf(address), null);

		assertThat(PublicAddresses.refusalOf(ipv6)).hasValueSatisfying(
				(refusal) -> assertThat(refusal).startsWith(rule).contains("in IPv6 form"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "203.0.113.10", "172.32.0.1", "100.128.0.1", "198.17.255.255", "198.20.0.1",
			"223.255.255.254", "2606:4700:4700::1111", "64:ff9b::808:808" })
	void acceptsAPublicAddress(String address) throws UnknownHostException {
		assertThat(PublicAddresses.refusalOf(InetAddress.getByName(address))).isEmpty();
	}

	/** The 16 bytes of an IPv6 address written out in eight groups. */
	private static byte[] bytesOf(String eightGroups) {
		String[] groups = eightGroups.split(":");
		byte[] bytes = new byte[16];
		for (int i = 0; i < 8; i++) {
			int group = Integer.parseInt(groups[i], 16);
			bytes[2 * i] = (byte) (group >> 8);
			bytes[2 * i + 1] = (byte) group;
		}
		return bytes;
	}
}
