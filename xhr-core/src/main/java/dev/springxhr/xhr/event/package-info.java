/**
 * DOM events for {@code XMLHttpRequest}: {@link dev.springxhr.xhr.event.EventTarget}, {@link dev.springxhr.xhr.event.Event}
 * and {@link dev.springxhr.xhr.event.ProgressEvent}, as the DOM and XHR standards define them, and
 * {@link dev.springxhr.xhr.event.XhrEventType}, the eight types of event XHR fires.
 */
@NullMarked
package dev.springxhr.xhr.event;

import org.jspecify.annotations.NullMarked;
