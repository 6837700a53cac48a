package org.blackstart.app.postmortem.pdf;

import org.blackstart.app.postmortem.PostmortemMarkdown;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/incidents/{key}/postmortem.pdf}: the whole postmortem, as its Markdown export says it, on A4. */
@RestController
class PostmortemPdfController {

    private final PostmortemMarkdown markdown;
    private final MarkdownPdf pdf;

    PostmortemPdfController(PostmortemMarkdown markdown, MarkdownPdf pdf) {
        this.markdown = markdown;
        this.pdf = pdf;
    }

    /** An incident without a postmortem, or no incident at all, is a 404 problem (from {@link PostmortemMarkdown}). */
    @GetMapping("/api/incidents/{key}/postmortem.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String key) {
        byte[] document = pdf.render("Postmortem " + key, markdown.markdown(key));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noCache())
                .header("Content-Disposition", ContentDisposition.inline().filename(key + "-postmortem.pdf").build().toString())
                .body(document);
    }
}
