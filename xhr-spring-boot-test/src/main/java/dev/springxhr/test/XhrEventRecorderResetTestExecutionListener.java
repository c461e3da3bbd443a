package dev.springxhr.test;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Clears every {@link XhrEventRecorder} bean before each test method, so a test sees only its own requests even when
 * the application context is cached and shared with other tests. Registered in {@code META-INF/spring.factories}.
 */
public final class XhrEventRecorderResetTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		// Only a context that is already loaded: asking for one would load it, and a recorder-less test needs none.
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeansOfType(XhrEventRecorder.class).values()
				.forEach(XhrEventRecorder::clear);
		}
	}

}
