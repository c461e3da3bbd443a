package dev.springxhr.docs.configuration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.springxhr.autoconfigure.XhrApplicationEvent;

// tag::xhr-audit[]
@Component
class XhrAudit {

	// end::xhr-audit[]
	private static final Logger log = LoggerFactory.getLogger(XhrAudit.class);

	// tag::xhr-audit[]
	@EventListener(condition = "#event.eventType == 'timeout'")
	void onTimeout(XhrApplicationEvent event) {
		log.warn("{} {} timed out", event.getMethod(), event.getUrl());
	}

}
// end::xhr-audit[]
