// The WebIDL-shaped globals of XMLHttpRequest over spring-xhr's Java engine, installed into a GraalJS context by
// XhrJsContext. Everything here runs on the context's event-loop thread: the Java side queues network events to it,
// and a request's visible state changes only when an event is dispatched (run-to-completion, as in a browser).
// `host` is the Java JsHost; it is not left on the global object.
(function (global, host) {
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

  /** A body as the Java engine takes it: a string, bytes (byte[]), or nothing. */
  function bodyForJava(body) {
    if (body === undefined || body === null) {
      return null;
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
      default:
        return null; // blob and document: not yet in this context (docs/javascript.md)
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
    XMLHttpRequest, setTimeout, setInterval, clearTimeout, clearInterval: clearTimeout, queueMicrotask
  };
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
  }
})
