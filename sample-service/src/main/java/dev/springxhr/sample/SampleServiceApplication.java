package dev.springxhr.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample service: demo endpoints, and an endpoint that calls them through {@code XMLHttpRequest} and returns
 * the event timeline.
 */
@SpringBootApplication
public class SampleServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleServiceApplication.class, args);
	}

}
