package org.blackstart.app.oncall;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/** Durations in the API as in the YAML ({@code 5m}, {@code 90s}) or ISO-8601 ({@code PT5M}). */
class FlexibleDurationDeserializer extends StdScalarDeserializer<Duration> {

    FlexibleDurationDeserializer() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        if (text == null) {
            return (Duration) context.handleUnexpectedToken(Duration.class, parser);
        }
        try {
            return DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException e) {
            return (Duration) context.handleWeirdStringValue(Duration.class, text, "expected a duration such as 5m or PT5M");
        }
    }
}
