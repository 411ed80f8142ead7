package org.tipline.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;

/** The web filters every service's HTTP server gets, each working around a defect named on its class. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ServerWorkaroundsAutoConfiguration {

	@Bean
	WebFilter blankAcceptHeader() {
		return new BlankAcceptHeader();
	}

	@Bean
	WebFilter answersOffTheEventLoop() {
		return new AnswersOffTheEventLoop();
	}
}
