package org.tipline.stateendpoint;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param storageDir where each state's deliveries are appended as JSON Lines so a restart keeps them; none
 * keeps them in memory only
 */
@ConfigurationProperties("tipline.state-endpoint")
record StateEndpointProperties(Path storageDir) {
}
