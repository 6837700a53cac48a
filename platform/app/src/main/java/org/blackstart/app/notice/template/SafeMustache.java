package org.blackstart.app.notice.template;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The one way notice templates are compiled. Mustache has no code, and this compiler also refuses
 * jmustache's conveniences that reach into Java: the collector reads maps and lists only (the default
 * one calls methods and reads fields by reflection, so {{title.class}} would work), partials have no
 * loader. Lists print joined with commas; a map (the data itself, printed by a stray {{.}}) prints nothing.
 */
final class SafeMustache {

    private static final Mustache.Collector MAPS_AND_LISTS_ONLY = new BasicCollector() {
        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    };

    private static final Mustache.Formatter FORMATTER = new Mustache.Formatter() {
        @Override
        public String format(Object value) {
            if (value instanceof Map<?, ?>) {
                return "";
            }
            if (value instanceof Collection<?> list) {
                return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
            }
            return String.valueOf(value);
        }
    };

    private static final Mustache.Compiler BASE = Mustache.compiler()
            .withCollector(MAPS_AND_LISTS_ONLY)
            .withFormatter(FORMATTER)
            .withLoader(name -> {
                throw new IllegalArgumentException("notice templates cannot include other templates ({{>" + name + "}})");
            })
            .defaultValue("")
            .emptyStringIsFalse(true);

    private static final Mustache.Compiler HTML = BASE.escapeHTML(true);
    private static final Mustache.Compiler PLAIN = BASE.escapeHTML(false);

    private SafeMustache() {
    }

    /** Compiles; throws {@link com.samskivert.mustache.MustacheParseException} with the line on a syntax error. */
    static Template compile(TemplatePart part, String source) {
        return (part.html() ? HTML : PLAIN).compile(source);
    }
}
