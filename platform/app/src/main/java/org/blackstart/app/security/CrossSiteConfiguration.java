package org.blackstart.app.security;

import org.blackstart.app.api.ProblemWriter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cross-site check for every path whose credentials a browser keeps: {@code /api} and
 * {@code /engine-rest} (HTTP Basic, or a login session), {@code /actuator} (HTTP Basic, for endpoints an
 * operator may open that change state, such as loggers). It runs before Spring Security and Camunda's
 * REST authentication, so a forged call is refused before any credential is looked at. Camunda's webapps
 * ({@code /camunda/**}) carry their own CSRF token; the public status page ({@code /status/**}) takes no
 * credentials, so another site posting its subscription form acts as nobody.
 */
@Configuration(proxyBeanMethods = false)
class CrossSiteConfiguration {

    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(CrossSiteProperties properties,
                                                                        ProblemWriter problems) {
        FilterRegistrationBean<CrossSiteRequestFilter> registration =
                new FilterRegistrationBean<>(new CrossSiteRequestFilter(properties, problems));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/*");
        registration.setName("blackstart-cross-site");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
