package dev.springxhr.docs.gettingstarted;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.springxhr.autoconfigure.XhrApplicationEvent;

@Component
class OrderEvents {

	private static final Logger log = LoggerFactory.getLogger(OrderEvents.class);

	// tag::loadend-listener[]
	@EventListener(condition = "#event.eventType == 'loadend'")
	void onLoadend(XhrApplicationEvent event) {
		log.info("{} {} ended with status {}", event.getMethod(), event.getUrl(), event.getStatus());
	}
	// end::loadend-listener[]

}
