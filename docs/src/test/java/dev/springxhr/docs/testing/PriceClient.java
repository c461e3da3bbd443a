package dev.springxhr.docs.testing;

import java.util.concurrent.CompletionStage;

import org.springframework.stereotype.Service;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

// tag::price-client[]
@Service
class PriceClient {

    private final XhrFactory xhrFactory;

    PriceClient(XhrFactory xhrFactory) {
        this.xhrFactory = xhrFactory;
    }

    CompletionStage<String> price(String sku) {
        XMLHttpRequest xhr = this.xhrFactory.create();
        xhr.open("GET", "https://prices.example/api/prices/" + sku);
        xhr.send();
        return xhr.completion().thenApply(XMLHttpRequest::getResponseText);
    }

}
// end::price-client[]
