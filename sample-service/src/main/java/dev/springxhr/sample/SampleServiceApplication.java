package dev.springxhr.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * "Upstream watch", the sample service: it checks a list of upstream URLs through the auto-configured
 * {@code XhrFactory}, on a schedule and on demand, and shows every relayed XHR event live on its page ({@code /}).
 * Out of the box the upstreams are its own demo endpoints ({@code /demo/*}), so it needs no outside network.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleServiceApplication.class, args);
	}

}
