package org.tipline.stateendpoint;

import java.time.Instant;
import java.util.Map;

/** One delivery exactly as it arrived: its headers and its raw body. */
record ReceivedDelivery(Instant receivedAt, Map<String, String> headers, String body) {
}
