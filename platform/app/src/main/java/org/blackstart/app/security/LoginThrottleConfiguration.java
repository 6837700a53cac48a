package org.blackstart.app.security;

import java.time.Clock;
import org.blackstart.app.api.ProblemWriter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link LoginThrottleFilter} before Spring Security's and Camunda's authentication filters. */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottle(LoginThrottleProperties properties, Clock clock,
                                                              ProblemWriter problems) {
        FilterRegistrationBean<LoginThrottleFilter> registration =
                new FilterRegistrationBean<>(new LoginThrottleFilter(properties, clock, problems));
        registration.setName("blackstart-login-throttle");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
