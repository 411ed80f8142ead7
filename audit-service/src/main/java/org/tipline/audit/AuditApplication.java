package org.tipline.audit;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class AuditApplication {

	public static void main(String[] args) {
		SpringApplication.run(AuditApplication.class, args);
	}

	/** The one clock of the service: checkpoint times, the completeness grace period, "now" in reports. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
