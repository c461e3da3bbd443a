// The WebIDL-shaped globals of XMLHttpRequest over spring-xhr's Java engine, installed into a GraalJS context by
// XhrJsContext. Everything here runs on the context's event-loop thread: the Java side queues network events to it,
// and a request's visible state changes only when an event is dispatched (run-to-completion, as in a browser).
// `host` is the Java JsHost; it is not left on the global object.
(function (global, host, workerScope) {
  'use strict';

  const EVENT_HANDLER_TYPES = ['loadstart', 'progress', 'abort', 'error', 'load', 'timeout', 'loadend'];
  const DOM_EXCEPTION_CODES = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
    SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
    TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
    QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25
  };

  // ---- DOMException (WebIDL) ---------------------------------------------------------------------------------

  class DOMException extends Error {
    constructor(message = '', name = 'Error') {
      super(String(message));
      Object.defineProperty(this, 'name', { value: String(name), configurable: true, writable: true });
    }
    get code() {
      return DOM_EXCEPTION_CODES[this.name] || 0;
    }
  }
  const LEGACY_CODES = {
    INDEX_SIZE_ERR: 1, HIERARCHY_REQUEST_ERR: 3, WRONG_DOCUMENT_ERR: 4, INVALID_CHARACTER_ERR: 5,
    NO_MODIFICATION_ALLOWED_ERR: 7, NOT_FOUND_ERR: 8, NOT_SUPPORTED_ERR: 9, INVALID_STATE_ERR: 11, SYNTAX_ERR: 12,
    INVALID_MODIFICATION_ERR: 13, NAMESPACE_ERR: 14, INVALID_ACCESS_ERR: 15, TYPE_MISMATCH_ERR: 17,
    SECURITY_ERR: 18, NETWORK_ERR: 19, ABORT_ERR: 20, URL_MISMATCH_ERR: 21, QUOTA_EXCEEDED_ERR: 22,
    TIMEOUT_ERR: 23, INVALID_NODE_TYPE_ERR: 24, DATA_CLONE_ERR: 25
  };
  for (const [name, value] of Object.entries(LEGACY_CODES)) {
    Object.defineProperty(DOMException, name, { value, enumerable: true });
    Object.defineProperty(DOMException.prototype, name, { value, enumerable: true });
  }

  /** Throws what a Java call reported: [name, message] or null. */
  function rethrow(failure) {
    if (failure == null) {
      return;
    }
    const name = failure[0];
    const message = failure[1];
    if (name === 'TypeError') {
      throw new TypeError(message);
    }
    throw new DOMException(message, name);
  }

  // ---- Event, ProgressEvent, EventTarget (DOM §2) -------------------------------------------------------------

  const eventState = new WeakMap();

  class Event {
    constructor(type, init = {}) {
      if (arguments.length === 0) {
        throw new TypeError("Failed to construct 'Event': 1 argument required, but only 0 present.");
      }
      eventState.set(this, {
        type: String(type), bubbles: !!init.bubbles, cancelable: !!init.cancelable, target: null,
        currentTarget: null, defaultPrevented: false, stop: false, stopImmediate: false, phase: 0,
        timeStamp: Date.now(), isTrusted: false
      });
    }
    get type() { return eventState.get(this).type; }
    get target() { return eventState.get(this).target; }
    get srcElement() { return eventState.get(this).target; }
    get currentTarget() { return eventState.get(this).currentTarget; }
    get eventPhase() { return eventState.get(this).phase; }
    get bubbles() { return eventState.get(this).bubbles; }
    get cancelable() { return eventState.get(this).cancelable; }
    get defaultPrevented() { return eventState.get(this).defaultPrevented; }
    get timeStamp() { return eventState.get(this).timeStamp; }
    get isTrusted() { return eventState.get(this).isTrusted; }
    composedPath() { const t = eventState.get(this).currentTarget; return t ? [t] : []; }
    stopPropagation() { eventState.get(this).stop = true; }
    stopImmediatePropagation() { const s = eventState.get(this); s.stop = true; s.stopImmediate = true; }
    preventDefault() { const s = eventState.get(this); if (s.cancelable) { s.defaultPrevented = true; } }
  }
  for (const [name, value] of Object.entries({ NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 })) {
    Object.defineProperty(Event, name, { value, enumerable: true });
    Object.defineProperty(Event.prototype, name, { value, enumerable: true });
  }

  class ProgressEvent extends Event {
    constructor(type, init = {}) {
      super(type, init);
      const s = eventState.get(this);
      s.lengthComputable = !!init.lengthComputable;
      s.loaded = Number(init.loaded || 0);
      s.total = Number(init.total || 0);
    }
    get lengthComputable() { return eventState.get(this).lengthComputable; }
    get loaded() { return eventState.get(this).loaded; }
    get total() { return eventState.get(this).total; }
  }

  const listenersOf = new WeakMap();

  class EventTarget {
    constructor() {
      listenersOf.set(this, new Map());
    }
    addEventListener(type, callback, options) {
      if (callback == null) {
        return;
      }
      const once = typeof options === 'object' && options !== null && !!options.once;
      const capture = typeof options === 'boolean' ? options : !!(options && options.capture);
      const listeners = listenersOf.get(this);
      let list = listeners.get(String(type));
      if (!list) {
        list = [];
        listeners.set(String(type), list);
      }
      if (!list.some((l) => l.callback === callback && l.capture === capture)) {
        list.push({ callback, capture, once, removed: false });
      }
    }
    removeEventListener(type, callback, options) {
      const capture = typeof options === 'boolean' ? options : !!(options && options.capture);
      const list = listenersOf.get(this).get(String(type));
      if (!list) {
        return;
      }
      const index = list.findIndex((l) => l.callback === callback && l.capture === capture);
      if (index >= 0) {
        list[index].removed = true;
        list.splice(index, 1);
      }
    }
    dispatchEvent(event) {
      if (!(event instanceof Event)) {
        throw new TypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
      }
      return dispatch(this, event, false);
    }
  }

  /** DOM §2.9 dispatch on a target without parents; listener exceptions are reported, never thrown. */
  function dispatch(target, event, trusted) {
    const s = eventState.get(event);
    s.target = target;
    s.currentTarget = target;
    s.phase = 2;
    s.isTrusted = trusted;
    const list = (listenersOf.get(target).get(s.type) || []).slice();
    for (const listener of list) {
      if (listener.removed) {
        continue;
      }
      if (listener.once) {
        target.removeEventListener(s.type, listener.callback, listener.capture);
      }
      try {
        const callback = listener.callback;
        if (typeof callback === 'function') {
          callback.call(target, event);
        }
        else if (callback && typeof callback.handleEvent === 'function') {
          callback.handleEvent(event);
        }
      }
      catch (error) {
        host.reportError(String(error && error.stack || error));
      }
      if (s.stopImmediate) {
        break;
      }
    }
    s.currentTarget = null;
    s.phase = 0;
    return !s.defaultPrevented;
  }

  /** An `on…` event handler IDL attribute: one listener slot per type, called in the order it was first set. */
  function defineHandlers(prototype, types) {
    for (const type of types) {
      const key = Symbol('on' + type);
      Object.defineProperty(prototype, 'on' + type, {
        configurable: true, enumerable: true,
        get() { const slot = this[key]; return slot ? slot.handler : null; },
        set(value) {
          let slot = this[key];
          if (!slot) {
            slot = { handler: null, listener: null };
            this[key] = slot;
          }
          slot.handler = (typeof value === 'function' || (typeof value === 'object' && value !== null)) ? value : null;
          if (slot.handler && !slot.listener) {
            slot.listener = function (event) {
              const handler = slot.handler;
              if (typeof handler === 'function') {
                const result = handler.call(this, event);
                if (result === false) {
                  event.preventDefault();
                }
              }
            };
            this.addEventListener(type, slot.listener);
          }
        }
      });
    }
  }

  // ---- XMLHttpRequestEventTarget, XMLHttpRequestUpload, XMLHttpRequest (XHR §3) --------------------------------

  const ILLEGAL = Symbol('illegal constructor');

  class XMLHttpRequestEventTarget extends EventTarget {
    constructor(token) {
      if (token !== ILLEGAL && new.target === XMLHttpRequestEventTarget) {
        throw new TypeError('Illegal constructor');
      }
      super();
    }
  }
  defineHandlers(XMLHttpRequestEventTarget.prototype, EVENT_HANDLER_TYPES);

  class XMLHttpRequestUpload extends XMLHttpRequestEventTarget {
    constructor(token) {
      if (token !== ILLEGAL) {
        throw new TypeError('Illegal constructor');
      }
      super(ILLEGAL);
    }
  }

  const requestState = new WeakMap();

  /** A body as the Java engine takes it: a string, bytes (byte[]), the engine's Blob, FormData or URLSearchParams. */
  function bodyForJava(body) {
    if (body === undefined || body === null) {
      return null;
    }
    if (body instanceof Blob) {
      return host.blob(host.bytes(blobBytes.get(body)), body.type);
    }
    if (body instanceof FormData) {
      const form = host.formData();
      for (const [name, value] of formEntries.get(body)) {
        if (value instanceof Blob) {
          host.appendFile(form, name, host.bytes(blobBytes.get(value)), value.type, value.name);
        }
        else {
          host.appendString(form, name, value);
        }
      }
      return form;
    }
    if (body instanceof URLSearchParams) {
      return host.urlSearchParams(body.toString());
    }
    if (body instanceof ArrayBuffer) {
      return host.bytes(new Uint8Array(body));
    }
    if (ArrayBuffer.isView(body)) {
      return host.bytes(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
    }
    return String(body);
  }

  class XMLHttpRequest extends XMLHttpRequestEventTarget {
    constructor() {
      super(ILLEGAL);
      const upload = new XMLHttpRequestUpload(ILLEGAL);
      const state = {
        upload, readyState: 0, status: 0, statusText: '', responseURL: '', headers: '', text: '',
        response: null, responseType: '', done: false
      };
      requestState.set(this, state);
      state.java = host.create((type, atUpload, snapshot) => dispatchRequestEvent(this, type, atUpload, snapshot));
    }
    get readyState() { return requestState.get(this).readyState; }
    get upload() { return requestState.get(this).upload; }
    get status() { return requestState.get(this).status; }
    get statusText() { return requestState.get(this).statusText; }
    get responseURL() { return requestState.get(this).responseURL; }
    get timeout() { return requestState.get(this).java.getTimeout(); }
    set timeout(value) { rethrow(requestState.get(this).java.setTimeout(Number(value))); }
    get withCredentials() { return requestState.get(this).java.getWithCredentials(); }
    set withCredentials(value) { rethrow(requestState.get(this).java.setWithCredentials(!!value)); }
    get responseType() { return requestState.get(this).responseType; }
    set responseType(value) {
      const state = requestState.get(this);
      const type = String(value);
      if (!['', 'arraybuffer', 'blob', 'document', 'json', 'text'].includes(type)) {
        return; // WebIDL: an unknown enum value is ignored
      }
      rethrow(state.java.setResponseType(type));
      state.responseType = type;
    }
    get responseText() {
      const state = requestState.get(this);
      if (state.responseType !== '' && state.responseType !== 'text') {
        throw new DOMException("The value is only accessible if the object's 'responseType' is '' or 'text' (was '"
          + state.responseType + "').", 'InvalidStateError');
      }
      return (state.readyState === 3 || state.readyState === 4) ? state.text : '';
    }
    get response() {
      const state = requestState.get(this);
      if (state.responseType === '' || state.responseType === 'text') {
        return this.responseText;
      }
      if (state.readyState !== 4 || !state.done) {
        return null;
      }
      if (state.response === undefined) {
        state.response = responseObject(state);
      }
      return state.response;
    }
    get responseXML() {
      const state = requestState.get(this);
      if (state.responseType !== '' && state.responseType !== 'document') {
        throw new DOMException('responseXML is only available for responseType "" or "document"', 'InvalidStateError');
      }
      return null; // there is no DOM in this context (docs/javascript.md)
    }
    open(method, url, async, username, password) {
      if (arguments.length < 2) {
        throw new TypeError("Failed to execute 'open' on 'XMLHttpRequest': 2 arguments required, but only "
          + arguments.length + ' present.');
      }
      const state = requestState.get(this);
      rethrow(state.java.open(String(method), String(url), arguments.length < 3 ? true : !!async,
        username == null ? null : String(username), password == null ? null : String(password)));
    }
    setRequestHeader(name, value) {
      rethrow(requestState.get(this).java.setRequestHeader(String(name), String(value)));
    }
    send(body) {
      const state = requestState.get(this);
      const uploadListened = hasListeners(state.upload);
      rethrow(state.java.send(bodyForJava(body), uploadListened));
    }
    abort() {
      rethrow(requestState.get(this).java.abort());
    }
    getResponseHeader(name) {
      const state = requestState.get(this);
      if (state.readyState < 2) {
        return null;
      }
      const wanted = String(name).toLowerCase();
      for (const line of state.headers.split('\r\n')) {
        const colon = line.indexOf(': ');
        if (colon > 0 && line.substring(0, colon) === wanted) {
          return line.substring(colon + 2);
        }
      }
      return null;
    }
    getAllResponseHeaders() {
      const state = requestState.get(this);
      return state.readyState < 2 ? '' : state.headers;
    }
    overrideMimeType(mime) {
      rethrow(requestState.get(this).java.overrideMimeType(String(mime)));
    }
  }
  defineHandlers(XMLHttpRequest.prototype, ['readystatechange']);
  for (const [name, value] of Object.entries({ UNSENT: 0, OPENED: 1, HEADERS_RECEIVED: 2, LOADING: 3, DONE: 4 })) {
    Object.defineProperty(XMLHttpRequest, name, { value, enumerable: true });
    Object.defineProperty(XMLHttpRequest.prototype, name, { value, enumerable: true });
  }

  /** One event of the Java request, with the state it had then: the state becomes visible, the event fires. */
  function dispatchRequestEvent(xhr, type, atUpload, snapshot) {
    const state = requestState.get(xhr);
    state.readyState = snapshot.readyState;
    state.status = snapshot.status;
    state.statusText = snapshot.statusText;
    state.responseURL = snapshot.responseURL;
    state.headers = snapshot.headers;
    if (snapshot.text != null) {
      state.text = snapshot.text;
    }
    if (snapshot.readyState !== 4) {
      state.done = false;
    }
    else if (!state.done && (type === 'readystatechange' || type === 'load')) {
      state.done = snapshot.done;
      state.response = undefined;
      state.responseBytes = snapshot.bytes;
      state.blobType = snapshot.blobType;
    }
    const target = atUpload ? state.upload : xhr;
    const event = type === 'readystatechange' ? new Event(type)
      : new ProgressEvent(type, { lengthComputable: snapshot.lengthComputable, loaded: snapshot.loaded,
        total: snapshot.total });
    dispatch(target, event, true);
  }

  function hasListeners(target) {
    for (const list of listenersOf.get(target).values()) {
      if (list.length > 0) {
        return true;
      }
    }
    return false;
  }

  /** XHR §3.6.9 the response of the non-text types, made once at DONE from the body's bytes. */
  function responseObject(state) {
    const bytes = state.responseBytes;
    switch (state.responseType) {
      case 'arraybuffer': {
        const buffer = new ArrayBuffer(bytes ? bytes.length : 0);
        const view = new Uint8Array(buffer);
        for (let i = 0; i < view.length; i++) {
          view[i] = bytes[i];
        }
        return buffer;
      }
      case 'json': {
        try {
          return state.text === '' ? null : JSON.parse(state.text);
        }
        catch (error) {
          return null;
        }
      }
      case 'blob':
        return new Blob(bytes ? [Uint8Array.from(bytes, (b) => b & 0xFF)] : [], { type: state.blobType || '' });
      default:
        return null; // document: there is no DOM in this context (docs/javascript.md)
    }
  }

  // ---- Blob, File (File API), FormData (XHR §4), URLSearchParams (URL §6), AbortController (DOM §3) ----------

  const blobBytes = new WeakMap();

  function utf8(text) {
    const out = [];
    for (const ch of String(text)) {
      let cp = ch.codePointAt(0);
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        cp = 0xFFFD; // a lone surrogate: USVString conversion
      }
      if (cp < 0x80) {
        out.push(cp);
      }
      else if (cp < 0x800) {
        out.push(0xC0 | (cp >> 6), 0x80 | (cp & 0x3F));
      }
      else if (cp < 0x10000) {
        out.push(0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F));
      }
      else {
        out.push(0xF0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3F), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F));
      }
    }
    return Uint8Array.from(out);
  }

  class Blob {
    constructor(parts = [], options = {}) {
      const chunks = [];
      for (const part of parts) {
        if (part instanceof Blob) {
          chunks.push(blobBytes.get(part));
        }
        else if (part instanceof ArrayBuffer) {
          chunks.push(new Uint8Array(part.slice(0)));
        }
        else if (ArrayBuffer.isView(part)) {
          chunks.push(new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength)));
        }
        else {
          chunks.push(utf8(part));
        }
      }
      const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      blobBytes.set(this, bytes);
      const type = options.type === undefined ? '' : String(options.type);
      this._type = /^[\x20-\x7E]*$/.test(type) ? type.toLowerCase() : '';
    }
    get size() { return blobBytes.get(this).length; }
    get type() { return this._type; }
    slice(start = 0, end = this.size, type = '') {
      const bytes = blobBytes.get(this);
      const from = start < 0 ? Math.max(bytes.length + start, 0) : Math.min(start, bytes.length);
      const to = end < 0 ? Math.max(bytes.length + end, 0) : Math.min(end, bytes.length);
      return new Blob([bytes.slice(from, Math.max(from, to))], { type });
    }
    arrayBuffer() { return Promise.resolve(blobBytes.get(this).slice().buffer); }
    text() { return Promise.resolve(host.utf8Decode(host.bytes(blobBytes.get(this)))); }
  }

  class File extends Blob {
    constructor(parts, name, options = {}) {
      if (arguments.length < 2) {
        throw new TypeError("Failed to construct 'File': 2 arguments required.");
      }
      super(parts, options);
      this._name = String(name);
      this._lastModified = options.lastModified === undefined ? Date.now() : Number(options.lastModified);
    }
    get name() { return this._name; }
    get lastModified() { return this._lastModified; }
  }

  const formEntries = new WeakMap();

  class FormData {
    constructor(form) {
      if (form !== undefined) {
        throw new TypeError('There is no HTML form here: new FormData() takes no argument in this context.');
      }
      formEntries.set(this, []);
    }
    append(name, value, filename) { formEntries.get(this).push(formEntry(name, value, filename, arguments.length)); }
    set(name, value, filename) {
      const entries = formEntries.get(this);
      const entry = formEntry(name, value, filename, arguments.length);
      const index = entries.findIndex((e) => e[0] === entry[0]);
      if (index < 0) {
        entries.push(entry);
        return;
      }
      entries.splice(index, 1, entry);
      for (let i = entries.length - 1; i > index; i--) {
        if (entries[i][0] === entry[0]) {
          entries.splice(i, 1);
        }
      }
    }
    get(name) { const e = formEntries.get(this).find((x) => x[0] === String(name)); return e ? e[1] : null; }
    getAll(name) { return formEntries.get(this).filter((x) => x[0] === String(name)).map((x) => x[1]); }
    has(name) { return formEntries.get(this).some((x) => x[0] === String(name)); }
    delete(name) { formEntries.set(this, formEntries.get(this).filter((x) => x[0] !== String(name))); }
    forEach(callback, thisArg) { for (const [k, v] of this) { callback.call(thisArg, v, k, this); } }
    *entries() { for (const [k, v] of formEntries.get(this).slice()) { yield [k, v]; } }
    *keys() { for (const [k] of this) { yield k; } }
    *values() { for (const [, v] of this) { yield v; } }
    [Symbol.iterator]() { return this.entries(); }
  }

  /** XHR §4.2 "create an entry": a string, or a File (a Blob becomes a File named "blob"). */
  function formEntry(name, value, filename, argc) {
    if (value instanceof Blob) {
      const file = (value instanceof File && argc < 3) ? value
        : new File([value], argc >= 3 ? String(filename) : (value instanceof File ? value.name : 'blob'),
          { type: value.type });
      return [String(name), file];
    }
    return [String(name), String(value)];
  }

  const searchEntries = new WeakMap();

  class URLSearchParams {
    constructor(init = '') {
      let entries = [];
      if (init instanceof URLSearchParams) {
        entries = searchEntries.get(init).slice();
      }
      else if (typeof init === 'object' && init !== null && typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const list = Array.from(pair);
          if (list.length !== 2) {
            throw new TypeError('Each query pair must be a name and a value');
          }
          entries.push([String(list[0]), String(list[1])]);
        }
      }
      else if (typeof init === 'object' && init !== null) {
        entries = Object.keys(init).map((k) => [k, String(init[k])]);
      }
      else {
        const text = String(init);
        const flat = host.parseQuery(text.startsWith('?') ? text.substring(1) : text);
        for (let i = 0; i < flat.length; i += 2) {
          entries.push([flat[i], flat[i + 1]]);
        }
      }
      searchEntries.set(this, entries);
    }
    get size() { return searchEntries.get(this).length; }
    append(name, value) { searchEntries.get(this).push([String(name), String(value)]); }
    delete(name, value) {
      searchEntries.set(this, searchEntries.get(this).filter((e) => e[0] !== String(name)
        || (value !== undefined && e[1] !== String(value))));
    }
    get(name) { const e = searchEntries.get(this).find((x) => x[0] === String(name)); return e ? e[1] : null; }
    getAll(name) { return searchEntries.get(this).filter((x) => x[0] === String(name)).map((x) => x[1]); }
    has(name, value) {
      return searchEntries.get(this).some((e) => e[0] === String(name) && (value === undefined || e[1] === String(value)));
    }
    set(name, value) {
      const entries = searchEntries.get(this);
      const index = entries.findIndex((e) => e[0] === String(name));
      if (index < 0) {
        entries.push([String(name), String(value)]);
        return;
      }
      entries[index] = [String(name), String(value)];
      searchEntries.set(this, entries.filter((e, i) => i <= index || e[0] !== String(name)));
    }
    sort() {
      // Stable, by code units, as the standard says.
      searchEntries.get(this).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    }
    forEach(callback, thisArg) { for (const [k, v] of this) { callback.call(thisArg, v, k, this); } }
    *entries() { for (const [k, v] of searchEntries.get(this).slice()) { yield [k, v]; } }
    *keys() { for (const [k] of this) { yield k; } }
    *values() { for (const [, v] of this) { yield v; } }
    [Symbol.iterator]() { return this.entries(); }
    toString() { return host.serializeQuery(searchEntries.get(this).flat()); }
  }

  class AbortSignal extends EventTarget {
    constructor(token) {
      if (token !== ILLEGAL) {
        throw new TypeError('Illegal constructor');
      }
      super();
      this._aborted = false;
      this._reason = undefined;
    }
    get aborted() { return this._aborted; }
    get reason() { return this._reason; }
    throwIfAborted() { if (this._aborted) { throw this._reason; } }
    static abort(reason) { const c = new AbortController(); c.abort(reason); return c.signal; }
    static timeout(ms) {
      const c = new AbortController();
      setTimeout(() => c.abort(new DOMException('signal timed out', 'TimeoutError')), ms);
      return c.signal;
    }
  }
  defineHandlers(AbortSignal.prototype, ['abort']);

  class AbortController {
    constructor() { this._signal = new AbortSignal(ILLEGAL); }
    get signal() { return this._signal; }
    abort(reason) {
      const signal = this._signal;
      if (signal._aborted) {
        return;
      }
      signal._aborted = true;
      signal._reason = reason === undefined ? new DOMException('signal is aborted without reason', 'AbortError')
        : reason;
      dispatch(signal, new Event('abort'), true);
    }
  }

  // ---- timers and microtasks (HTML §8.6, §8.1.7) --------------------------------------------------------------

  function setTimeout(handler, timeout, ...args) {
    return host.setTimer(() => call(handler, args), Number(timeout) || 0, false);
  }
  function setInterval(handler, timeout, ...args) {
    return host.setTimer(() => call(handler, args), Number(timeout) || 0, true);
  }
  function call(handler, args) {
    if (typeof handler === 'function') {
      handler(...args);
    }
    else {
      (0, eval)(String(handler));
    }
  }
  function clearTimeout(id) {
    if (id != null) {
      host.clearTimer(Number(id));
    }
  }
  function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'queueMicrotask': parameter 1 is not of type 'Function'.");
    }
    Promise.resolve().then(() => callback());
  }

  const globals = {
    DOMException, Event, ProgressEvent, EventTarget, XMLHttpRequestEventTarget, XMLHttpRequestUpload,
    XMLHttpRequest, Blob, File, FormData, URLSearchParams, AbortController, AbortSignal, setTimeout, setInterval,
    clearTimeout, clearInterval: clearTimeout, queueMicrotask
  };
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
    if (typeof value === 'function' && value.prototype && /^[A-Z]/.test(name)) {
      // WebIDL §3.7.3: an interface's prototype has its name as @@toStringTag ("[object FormData]").
      Object.defineProperty(value.prototype, Symbol.toStringTag, { value: name, configurable: true });
    }
  }
  Object.defineProperty(global, 'self', { value: global, writable: true, configurable: true });
  if (workerScope) {
    // A dedicated worker's global scope (HTML §10.2.1): clients such as axios tell a worker from a page by it.
    class WorkerGlobalScope extends EventTarget {
      constructor() { throw new TypeError('Illegal constructor'); }
    }
    class DedicatedWorkerGlobalScope extends WorkerGlobalScope {
    }
    Object.setPrototypeOf(global, DedicatedWorkerGlobalScope.prototype);
    listenersOf.set(global, new Map());
    const scopes = {
      WorkerGlobalScope, DedicatedWorkerGlobalScope,
      importScripts() {
        throw new DOMException('importScripts() has no script to fetch from in this context', 'NotSupportedError');
      }
    };
    for (const [name, value] of Object.entries(scopes)) {
      Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
    }
  }
})
