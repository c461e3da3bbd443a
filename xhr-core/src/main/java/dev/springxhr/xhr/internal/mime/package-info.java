/**
 * The MIME Sniffing Standard's MIME type parser and serializer. Internal: no compatibility promise; used by {@code dev.springxhr.xhr}
 * only.
 */
@NullMarked
package dev.springxhr.xhr.internal.mime;

import org.jspecify.annotations.NullMarked;
