package dev.springxhr.docs.configuration;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

// tag::inventory-client[]
@Component
class InventoryClient {

    private final XhrFactory inventory;

    private final XhrFactory xhrFactory;

    InventoryClient(@Qualifier("inventory") XhrFactory inventory, XhrFactory xhrFactory) {
        this.inventory = inventory;     // the factory above
        this.xhrFactory = xhrFactory;   // the auto-configured one: plain injection by type, no @Primary needed
    }

    // end::inventory-client[]
    XhrFactory inventory() {
        return this.inventory;
    }

    XhrFactory xhrFactory() {
        return this.xhrFactory;
    }

    // tag::inventory-client[]
    Mono<String> stockOf(String sku) {
        XMLHttpRequest xhr = this.inventory.create();
        xhr.open("GET", "stock/" + sku);        // relative to the inventory base URL
        xhr.send();
        return xhr.asMono().map(XMLHttpRequest::getResponseText);   // fails with a TimeoutError after 3 s
    }

}
// end::inventory-client[]
