package org.tipline.dispatch.endpoint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What dispatch may connect to, under {@code tipline.dispatch.outbound}.
 *
 * @param allowInsecureLocalEndpoints for local runs and tests only: endpoints may be plain HTTP and on loopback,
 * private or link-local addresses. Off (the default), every endpoint must be HTTPS on a public address: checked
 * at start on the configured URLs, and at every connection on the address the host name resolved to then.
 */
@ConfigurationProperties("tipline.dispatch.outbound")
public record OutboundProperties(@DefaultValue("false") boolean allowInsecureLocalEndpoints) {
}
