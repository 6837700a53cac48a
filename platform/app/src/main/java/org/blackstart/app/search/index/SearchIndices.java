package org.blackstart.app.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchConfiguration;
import org.blackstart.app.search.SearchProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The indices in Elasticsearch: one concrete index per document type ({@code <prefix>-<code>-<yyyyMMddHHmmssSSS>})
 * behind its alias ({@code <prefix>-<code>}), which every writer and reader uses; and the index template that gives
 * each new index its mappings. Only the holder of the relay's lease changes them, so two nodes never both create an
 * alias.
 */
@Component
@Conditional(SearchConfiguration.ElasticsearchConfigured.class)
class SearchIndices {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final Rest5Client restClient;
    private final String prefix;
    private final Clock clock;

    SearchIndices(ElasticsearchClient client, Rest5Client restClient, SearchProperties properties, Clock clock) {
        this.client = client;
        this.restClient = restClient;
        this.prefix = properties.indexPrefix();
        this.clock = clock;
    }

    String alias(DocType type) {
        return prefix + "-" + type.code();
    }

    /** Puts the index template (from {@code search/index-template.json}, for this prefix); new indices take it. */
    void putTemplate() throws IOException {
        String template;
        try (InputStream in = new ClassPathResource("search/index-template.json").getInputStream()) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", prefix);
        }
        Request put = new Request("PUT", "/_index_template/" + prefix + "-documents");
        put.setJsonEntity(template);
        Response response = restClient.performRequest(put);
        int status = response.getStatusCode();
        if (status / 100 != 2) {
            // never create an index without the template: it would map every field by guess, for good
            String body;
            try {
                body = EntityUtils.toString(response.getEntity());
            } catch (ParseException unreadable) {
                body = unreadable.getMessage();
            }
            throw new IOException("Elasticsearch refused the index template (HTTP " + status + "): " + body);
        }
    }

    /** The concrete index behind the alias of {@code type}, empty when there is no such alias. */
    Optional<String> current(DocType type) throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias(type))).value()) {
            return Optional.empty();
        }
        Map<String, IndexAliases> indices = client.indices().getAlias(a -> a.name(alias(type))).aliases();
        return indices.keySet().stream().sorted().reduce((first, last) -> last);
    }

    /** Creates the alias of every type that has none, each with a fresh index; returns the types it created. */
    List<DocType> createMissing() throws IOException {
        putTemplate();
        List<DocType> created = new ArrayList<>();
        for (DocType type : DocType.values()) {
            if (current(type).isEmpty()) {
                String index = createIndex(type);
                client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias(type)))));
                created.add(type);
            }
        }
        return created;
    }

    /** A new concrete index for {@code type}, not behind the alias yet. */
    String createIndex(DocType type) throws IOException {
        String index = alias(type) + "-" + SUFFIX.format(clock.instant());
        client.indices().create(c -> c.index(index));
        return index;
    }

    /** A new concrete index per type, for a rebuild. */
    Map<DocType, String> createIndices() throws IOException {
        putTemplate();
        Map<DocType, String> indices = new EnumMap<>(DocType.class);
        for (DocType type : DocType.values()) {
            indices.put(type, createIndex(type));
        }
        return indices;
    }

    /**
     * Points every alias at its new index, all in ONE {@code _aliases} request, which Elasticsearch applies
     * atomically: a search sees either all old indices or all new ones, never none.
     *
     * @return the indices the aliases left
     */
    Map<DocType, String> swap(Map<DocType, String> fresh) throws IOException {
        Map<DocType, String> old = new EnumMap<>(DocType.class);
        for (DocType type : fresh.keySet()) {
            current(type).ifPresent(index -> old.put(type, index));
        }
        client.indices().updateAliases(u -> {
            fresh.forEach((type, index) -> {
                String previous = old.get(type);
                if (previous != null) {
                    u.actions(a -> a.remove(r -> r.index(previous).alias(alias(type))));
                }
                u.actions(a -> a.add(add -> add.index(index).alias(alias(type))));
            });
            return u;
        });
        return old;
    }

    /** Makes everything written to {@code indices} searchable now, rather than at their next periodic refresh. */
    void refresh(java.util.Collection<String> indices) throws IOException {
        if (!indices.isEmpty()) {
            client.indices().refresh(r -> r.index(List.copyOf(indices)));
        }
    }

    void delete(java.util.Collection<String> indices) throws IOException {
        if (!indices.isEmpty()) {
            client.indices().delete(d -> d.index(List.copyOf(indices)));
        }
    }
}
