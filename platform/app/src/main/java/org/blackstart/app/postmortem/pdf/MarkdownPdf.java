package org.blackstart.app.postmortem.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A Markdown document as an A4 PDF with page numbers. The Markdown holds what people typed, so it is never
 * trusted as markup: raw HTML in it is printed as text, images are printed as their description, and the
 * renderer may load nothing from outside (no image, style sheet or font from any URL or file).
 */
@Component
class MarkdownPdf {

    /** Ships inside PDFBox: Unicode Latin, Greek and Cyrillic, where the PDF standard fonts know only Latin-1. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String FONT_FAMILY = "Liberation Sans";

    private final List<Extension> extensions = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true)
            .nodeRendererFactory(ImageAsText::new).build();
    private final String css = read("postmortem-pdf/postmortem.css");

    byte[] render(String title, String markdown) {
        String body = html.render(parser.parse(xmlSafe(markdown)));
        String page = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\" />"
                + "<title>" + HtmlUtils.htmlEscape(xmlSafe(title)) + "</title><style>" + css + "</style></head><body>"
                + body + "</body></html>";
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useDefaultPageSize(210, 297, BaseRendererBuilder.PageSizeUnits.MM);
            for (ExternalResourceControlPriority priority : ExternalResourceControlPriority.values()) {
                builder.useExternalResourceAccessControl((uri, type) -> false, priority);
            }
            builder.useFont(() -> MarkdownPdf.class.getResourceAsStream(FONT), FONT_FAMILY, 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(page, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("BLACKSTART-PDF-001 the PDF could not be written", e);
        }
        return pdf.toByteArray();
    }

    /** XML 1.0 cannot carry most control characters, not even escaped; a pasted one must not fail the export. */
    static String xmlSafe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(safe::appendCodePoint);
        return safe.toString();
    }

    private static String read(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path + " cannot be read", e);
        }
    }

    /** An image is printed as its description: the renderer fetches nothing, and the reader still learns what was meant. */
    private static final class ImageAsText implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        ImageAsText(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            context.getWriter().text("[image: ");
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            context.getWriter().text("]");
        }
    }
}
