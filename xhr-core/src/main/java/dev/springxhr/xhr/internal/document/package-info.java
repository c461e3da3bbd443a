/**
 * Documents: the XML and HTML parsers behind responseType "document" and DOMParser, HTML's encoding sniffing,
 * and the serializer of document bodies. Internal: no compatibility promise; used by {@code dev.springxhr.xhr}
 * only.
 */
@NullMarked
package dev.springxhr.xhr.internal.document;

import org.jspecify.annotations.NullMarked;
