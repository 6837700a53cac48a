package org.blackstart.app.postmortem.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class MarkdownPdfTest {

    static final String SAMPLE = """
            # Postmortem INC-2026-0042: Power failure in the Frankfurt datacenter

            **Severity** SEV1 · **Status** published

            ## Summary

            The UPS failover in rack B4 failed at 23:45; servers were back at 00:45 and the databases at 08:00.

            ## Durations

            | Measure | From | To | Duration |
            |---|---|---|---|
            | Time to detect | impact started 23:45 | detected 23:45 | 0 min |
            | Time to mitigate | impact started 23:45 | mitigated 00:45 | 1 h |
            | Time to resolve | impact started 23:45 | resolved 08:00 | 8 h 15 min |

            ## Pinned timeline

            1. 23:45 alarm: rack B4 lost power
            2. 00:00 cause known: UPS failover failed
            3. 00:45 servers back

            ## Contributing factors

            - The failover test was skipped in March.
            - Customers in Zürich, İstanbul and Київ were told in their languages.

            ```
            ups-b4: transfer switch timeout 30000 ms
            ```
            """;

    private final MarkdownPdf pdf = new MarkdownPdf();

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** Every page as a PNG under target/screenshots, to look at what a reader gets. */
    private static void screenshots(byte[] bytes, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 80);
                ImageIO.write(image, "png", dir.resolve(name + "-" + (page + 1) + ".png").toFile());
            }
        }
    }

    @Test
    void aPostmortemBecomesAnA4PdfWithItsTextTablesAndPageNumbers() throws IOException {
        // when
        byte[] bytes = pdf.render("Postmortem INC-2026-0042", SAMPLE);
        screenshots(bytes, "postmortem-pdf");

        // then
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
        }
        String text = text(bytes);
        assertThat(text).contains("Postmortem INC-2026-0042: Power failure in the Frankfurt datacenter",
                "Time to resolve", "8 h 15 min", "00:00 cause known: UPS failover failed", "Page 1 of 1",
                "ups-b4: transfer switch timeout 30000 ms");
    }

    @Test
    void lettersBeyondLatin1AreKept() throws IOException {
        // when
        String text = text(pdf.render("Umlauts", "Customers in Zürich, İstanbul and Київ — told “in time”."));

        // then
        assertThat(text).contains("Zürich", "İstanbul", "Київ", "“in time”");
    }

    @Test
    void rawHtmlIsPrintedAsTextAndNothingIsFetchedFromOutside() throws IOException {
        // given a server that counts every request, and a section that tries to make the renderer call it
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String markdown = """
                ## What went wrong

                <img src="%1$s/raw-img.png"> and <script>alert('x')</script>

                <link rel="stylesheet" href="%1$s/style.css">
                <style>@import url("%1$s/import.css"); body { background: url("%1$s/bg.png"); }</style>

                ![the rack](%1$s/markdown-image.png)

                <iframe src="%1$s/frame.html"></iframe> <object data="%1$s/object.pdf"></object>

                [a link is fine](%1$s/link)
                """.formatted(base);
        try {
            // when
            byte[] bytes = pdf.render("Hostile", markdown);

            // then nothing was fetched, and what was typed is shown as typed
            assertThat(requests).isEmpty();
            String text = text(bytes);
            assertThat(text).contains("<img src=\"" + base + "/raw-img.png\">", "<script>alert('x')</script>",
                    "[image: the rack]", "a link is fine");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void controlCharactersPastedIntoASectionDoNotFailTheExport() throws IOException {
        // when
        String text = text(pdf.render("Control\u0001", "Log line\u0000 with \u0007 a bell & <angle> brackets"));

        // then
        assertThat(text).contains("Log line with a bell & <angle> brackets");
    }
}
