package org.blackstart.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Function;
import org.camunda.bpm.extension.keycloak.cache.QueryCache;

/**
 * The identity plugin's query cache with a lifetime of any length: the plugin's own takes whole minutes,
 * which is too coarse for how quickly a removed group membership must take effect.
 */
final class ExpiringQueryCache<K, V> implements QueryCache<K, V> {

    private final Cache<K, V> cache;

    ExpiringQueryCache(Duration lifetime, int maxSize) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(maxSize).build();
    }

    @Override
    public V getOrCompute(K key, Function<K, V> query) {
        return cache.get(key, query);
    }

    @Override
    public void clear() {
        cache.invalidateAll();
    }
}
