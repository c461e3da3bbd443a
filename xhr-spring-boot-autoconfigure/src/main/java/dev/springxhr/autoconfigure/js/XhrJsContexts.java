package dev.springxhr.autoconfigure.js;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;

import org.springframework.beans.factory.DisposableBean;

import dev.springxhr.js.XhrJsContext;
import dev.springxhr.xhr.GlobalScope;
import dev.springxhr.xhr.XhrFactory;

/**
 * Creates JavaScript contexts ({@link XhrJsContext}) on the application's {@code XhrFactory}: the scripts' requests
 * have the {@code xhr.*} settings, the Spring event relay, metrics and health statistics of Java ones. Each context
 * is a page of its own, with a profile (cookies, CORS-preflight cache) of its own. Contexts left open are closed with
 * the application context.
 */
public final class XhrJsContexts implements DisposableBean {

	private final XhrFactory factory;

	private final GlobalScope scope;

	private final Set<XhrJsContext> created = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	/**
	 * Create the contexts' source.
	 * @param factory the factory of the scripts' requests
	 * @param scope the scripts' global scope
	 */
	public XhrJsContexts(XhrFactory factory, GlobalScope scope) {
		this.factory = Objects.requireNonNull(factory, "'factory' must not be null");
		this.scope = Objects.requireNonNull(scope, "'scope' must not be null");
	}

	/**
	 * Create a context, a page with a profile of its own; close it when done with it.
	 * @return the context, its event loop running
	 */
	public XhrJsContext newContext() {
		XhrJsContext context = XhrJsContext.create(this.factory.newProfile(), this.scope);
		this.created.add(context);
		return context;
	}

	/**
	 * Return the scripts' global scope.
	 * @return the scope
	 */
	public GlobalScope getGlobalScope() {
		return this.scope;
	}

	@Override
	public void destroy() {
		XhrJsContext[] open;
		synchronized (this.created) {
			open = this.created.toArray(new XhrJsContext[0]);
			this.created.clear();
		}
		for (XhrJsContext context : open) {
			context.close();
		}
	}

}
