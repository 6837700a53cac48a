package org.blackstart.app.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Keycloak mode is on when {@code blackstart.keycloak.issuer-uri} is set; the two conditions select the beans of each mode. */
final class KeycloakMode {

    static final String ISSUER_URI = KeycloakProperties.PREFIX + "issuer-uri";

    private KeycloakMode() {
    }

    static boolean on(ConditionContext context) {
        return StringUtils.hasText(context.getEnvironment().getProperty(ISSUER_URI));
    }

    /** People, tokens and groups come from Keycloak. */
    static final class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return on(context);
        }
    }

    /** The embedded default: the engine's own users, HTTP Basic and Camunda's login. */
    static final class Off implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !on(context);
        }
    }
}
