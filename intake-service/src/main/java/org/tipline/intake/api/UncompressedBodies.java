package org.tipline.intake.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Nothing in intake decompresses a request body. Read as JSON, a gzip body was refused as malformed, and a plain
 * body labelled gzip was accepted, so an adapter never learnt that its encoding was ignored: a body with any
 * {@code Content-Encoding} but {@code identity} is refused with 415 before it is read.
 */
final class UncompressedBodies {

	private UncompressedBodies() {
	}

	static Mono<byte[]> of(String contentEncoding, Mono<byte[]> body) {
		if (contentEncoding == null || contentEncoding.isBlank() || "identity".equalsIgnoreCase(contentEncoding.strip())) {
			return body;
		}
		return Mono.error(new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Content-Encoding is not supported: send the body uncompressed"));
	}
}
