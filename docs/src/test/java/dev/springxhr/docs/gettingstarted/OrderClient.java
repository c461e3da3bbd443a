package dev.springxhr.docs.gettingstarted;

import org.springframework.stereotype.Service;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

// tag::order-client[]
@Service
class OrderClient {

	private final XhrFactory xhrFactory;

	OrderClient(XhrFactory xhrFactory) {
		this.xhrFactory = xhrFactory;
	}

	// end::order-client[]
	XMLHttpRequest newRequest() {
		return this.xhrFactory.create();
	}

	// tag::order-client[]
}
// end::order-client[]
