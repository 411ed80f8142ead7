package org.tipline.stateendpoint;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StateEndpointApplication {

	public static void main(String[] args) {
		SpringApplication.run(StateEndpointApplication.class, args);
	}
}
