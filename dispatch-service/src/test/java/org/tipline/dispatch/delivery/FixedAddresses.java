package org.tipline.dispatch.delivery;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

/** A resolver for tests: one host name resolves to the address the test says, any other name to nothing. */
final class FixedAddresses extends AddressResolverGroup<InetSocketAddress> {

	private final String host;

	private final InetAddress address;

	private FixedAddresses(String host, InetAddress address) {
		this.host = host;
		this.address = address;
	}

	static FixedAddresses of(String host, String ip) throws UnknownHostException {
		return new FixedAddresses(host, InetAddress.getByAddress(host, InetAddress.getByName(ip).getAddress()));
	}

	@Override
	protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
		return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {

			@Override
			protected void doResolve(String name, Promise<InetAddress> promise) {
				if (name.equals(host)) {
					promise.setSuccess(address);
				}
				else {
					promise.setFailure(new UnknownHostException(name));
				}
			}

			@Override
			protected void doResolveAll(String name, Promise<List<InetAddress>> promise) {
				if (name.equals(host)) {
					promise.setSuccess(List.of(address));
				}
				else {
					promise.setFailure(new UnknownHostException(name));
				}
			}
		});
	}
}
