package dev.springxhr.autoconfigure.profile;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches unless {@code xhr.profiles.scope} is {@code application}: the scopes that follow inbound requests. */
public final class ProfileScopeCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		XhrProfileScope scope = scope(Binder.get(context.getEnvironment()));
		return (scope != XhrProfileScope.APPLICATION)
				? ConditionOutcome.match("xhr.profiles.scope is " + scope)
				: ConditionOutcome.noMatch("xhr.profiles.scope is application");
	}

	static XhrProfileScope scope(Binder binder) {
		return binder.bind("xhr.profiles.scope", XhrProfileScope.class).orElse(XhrProfileScope.REQUEST);
	}

}
