package org.blackstart.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.blackstart.app.api.ProblemWriter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the Camunda webapps' first-run setup. It creates an administrator for whoever asks while no
 * member of {@code camunda-admin} exists: on a fresh node with the demo off, or after the demo's users
 * were removed, the first stranger to reach the page would own the platform. The first administrator
 * comes from configuration instead ({@code camunda.bpm.admin-user.id} and {@code .password}) or from
 * Keycloak.
 */
@Configuration(proxyBeanMethods = false)
class WebappSetupClosed {

    static final String DETAIL = "the first-run setup is closed: create the first administrator with "
            + "camunda.bpm.admin-user.id and camunda.bpm.admin-user.password, or log in through Keycloak";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappSetupClosedFilter(ProblemWriter problems) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter(problems));
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setName("blackstart-webapp-setup-closed");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
        return registration;
    }

    static OncePerRequestFilter filter(ProblemWriter problems) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                problems.write(response, HttpStatus.FORBIDDEN, "Forbidden", DETAIL);
            }
        };
    }
}
