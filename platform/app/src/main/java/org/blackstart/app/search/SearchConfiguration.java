package org.blackstart.app.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The Elasticsearch client, when {@code blackstart.search.elasticsearch.uris} names a cluster. Spring Boot 3.5
 * auto-configures only the 8.x client (on the legacy low-level RestClient); Blackstart uses the 9.x client on its
 * own transport, {@link Rest5Client} over Apache HttpClient 5, created here. Boot's own Elasticsearch
 * auto-configuration stays out (see {@code spring.autoconfigure.exclude} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SearchConfiguration.ElasticsearchConfigured.class)
public class SearchConfiguration {

    @Bean(destroyMethod = "close")
    Rest5Client elasticsearchRestClient(SearchProperties properties) {
        SearchProperties.Elasticsearch cluster = properties.elasticsearch();
        Rest5ClientBuilder builder = Rest5Client.builder(cluster.uris())
                .setRequestConfigCallback(request -> request
                        .setConnectTimeout(Timeout.of(cluster.connectTimeout().toMillis(), TimeUnit.MILLISECONDS))
                        .setResponseTimeout(Timeout.of(cluster.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)));
        Header authorization = authorization(cluster);
        if (authorization != null) {
            builder.setDefaultHeaders(new Header[] {authorization});
        }
        return builder.build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(Rest5Client restClient, ObjectMapper objectMapper) {
        // The application's ObjectMapper (Java time as ISO-8601) writes the documents; Jackson 3, which the 9.x
        // client also brings, is not used.
        return new ElasticsearchClient(new Rest5ClientTransport(restClient, new JacksonJsonpMapper(objectMapper.copy())));
    }

    private static Header authorization(SearchProperties.Elasticsearch cluster) {
        if (cluster.apiKey() != null && !cluster.apiKey().isBlank()) {
            return new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + cluster.apiKey().strip());
        }
        if (cluster.username() != null && !cluster.username().isBlank()) {
            String pair = cluster.username() + ":" + cluster.password();
            return new BasicHeader(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return null;
    }

    /** {@code blackstart.search.elasticsearch.uris} has at least one address (as a list or a comma-separated value). */
    public static class ElasticsearchConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("blackstart.search.elasticsearch.uris", String[].class)
                    .map(uris -> java.util.Arrays.stream(uris).anyMatch(uri -> !uri.isBlank())).orElse(false);
        }
    }
}
