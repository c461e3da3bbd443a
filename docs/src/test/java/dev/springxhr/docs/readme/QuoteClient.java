package dev.springxhr.docs.readme;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.springxhr.autoconfigure.XhrApplicationEvent;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.event.ProgressEvent;

// tag::readme-example[]
@Component
record QuoteClient(XhrFactory xhrFactory) {     // the starter's factory, configured by xhr.* properties

    void refresh() {
        XMLHttpRequest xhr = xhrFactory.create();
        xhr.addEventListener("progress", (e) -> System.out.println(((ProgressEvent) e).getLoaded() + " bytes"));
        xhr.setOnload((e) -> System.out.println(xhr.getStatus() + " " + xhr.getResponseText()));
        xhr.open("GET", "/quotes/today");       // relative to xhr.base-url
        xhr.send();                             // returns at once; the events follow
    }

    @EventListener(condition = "#event.eventType == 'loadend'")
    void onLoadend(XhrApplicationEvent event) {     // every XHR event is also a Spring event
        System.out.println(event.getMethod() + " " + event.getUrl() + " ended with " + event.getStatus());
    }
}
// end::readme-example[]
