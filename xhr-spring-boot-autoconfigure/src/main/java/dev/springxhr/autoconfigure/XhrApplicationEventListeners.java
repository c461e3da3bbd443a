package dev.springxhr.autoconfigure;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.Collection;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.AbstractApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.util.ReflectionUtils;

import dev.springxhr.xhr.XhrEventInfo;
import dev.springxhr.xhr.event.XhrEventType;

/**
 * Tells the relay whether any application listener would receive an {@link XhrApplicationEvent} right now, so that
 * without one no event is built at all: the relay then costs a lookup per XHR event (OkHttp's rule for event
 * listeners). It asks the context's multicaster, whose answer is cached per event type and refreshed whenever
 * listeners are added or removed, so {@code @EventListener} methods and listeners added later count.
 *
 * <p>Spring exposes that answer only to subclasses of {@link AbstractApplicationEventMulticaster}; where it cannot
 * be reached (another multicaster, a parent context whose listeners also receive the events, a restricted runtime),
 * the answer is always "yes" and every event is published, as without this check.
 */
final class XhrApplicationEventListeners implements BooleanSupplier {

	private static final BooleanSupplier ALWAYS = () -> true;

	private final Object multicaster;

	private final Method lookup;

	private final XhrApplicationEvent probe;

	private final ResolvableType eventType = ResolvableType.forClass(XhrApplicationEvent.class);

	private XhrApplicationEventListeners(Object multicaster, Method lookup, Object source) {
		this.multicaster = multicaster;
		this.lookup = lookup;
		this.probe = new XhrApplicationEvent(source, new XhrEventInfo(0, XhrEventType.LOADEND.type(), false, "GET",
				URI.create("about:blank"), (short) 0, (short) 0, 0, 0, false, false, 0), "about:blank");
	}

	/**
	 * The check for the events {@code source} publishes in {@code context}.
	 */
	static BooleanSupplier of(@Nullable ApplicationContext context, Object source) {
		if (!(context instanceof ConfigurableApplicationContext configurable) || context.getParent() != null) {
			return ALWAYS;
		}
		Object multicaster = configurable.getBeanFactory()
			.getSingleton(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME);
		if (!(multicaster instanceof AbstractApplicationEventMulticaster)) {
			return ALWAYS;
		}
		Method lookup = lookup();
		if (lookup == null) {
			return ALWAYS;
		}
		try {
			ReflectionUtils.makeAccessible(lookup);
		}
		catch (RuntimeException ex) {
			return ALWAYS;
		}
		return new XhrApplicationEventListeners(multicaster, lookup, source);
	}

	/**
	 * The multicaster's protected method that answers, called reflectively (so a native image needs its hint:
	 * {@link XhrAutoConfigurationRuntimeHints}); {@code null} if this Spring Framework has none.
	 */
	static @Nullable Method lookup() {
		return ReflectionUtils.findMethod(AbstractApplicationEventMulticaster.class, "getApplicationListeners",
				ApplicationEvent.class, ResolvableType.class);
	}

	@Override
	public boolean getAsBoolean() {
		try {
			Collection<?> listeners = (Collection<?>) this.lookup.invoke(this.multicaster, this.probe, this.eventType);
			return !listeners.isEmpty();
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return true;
		}
	}

}
