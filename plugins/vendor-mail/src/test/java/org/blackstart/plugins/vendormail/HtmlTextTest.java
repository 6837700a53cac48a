package org.blackstart.plugins.vendormail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTML-only replies read by an HTML parser. */
class HtmlTextTest {

    @Test
    void blocksBecomeLinesAndEntitiesAreDecoded() {
        assertThat(HtmlText.of("<div>Controller&nbsp;0 &amp; 1<br>restarted</div><ul><li>one</li><li>two &#8211; &#x263A;</li></ul>"))
                .isEqualTo("Controller 0 & 1\nrestarted\none\ntwo – ☺");
    }

    @Test
    void scriptsStylesCommentsAndQuotedMailAreNotText() {
        assertThat(HtmlText.of("<html><head><title>t</title><style>p{}</style></head><body><script>alert('x')</script>"
                + "<!-- please send --><p>Fixed.</p><blockquote><p>Please send logs</p><blockquote>older</blockquote></blockquote>"
                + "<p>Regards</p></body></html>")).isEqualTo("Fixed.\nRegards");
    }

    @Test
    void brokenMarkupIsStillRead() {
        assertThat(HtmlText.of("<p>Patch <b>applied<p>Array <i>up")).isEqualTo("Patch applied\nArray up");
        assertThat(HtmlText.of("a < b and c <> d")).isEqualTo("a < b and c <> d");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void twoMegabytesOfAngleBracketsAreReadInOnePass() {
        // given: the body that stalled the pattern-based reader
        String html = "<".repeat(2 * 1024 * 1024);

        // when
        String text = HtmlText.of(html);

        // then: read as the text it is
        assertThat(text).hasSize(html.length());
        assertThat(text.chars().distinct().toArray()).containsExactly('<');
    }
}
