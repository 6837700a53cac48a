package org.blackstart.app.statuspage;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/statuspage/export} (platform admins): the static copy as a zip. */
@RestController
class StatusPageExportController {

    private final StatusPageExport export;

    StatusPageExportController(StatusPageExport export) {
        this.export = export;
    }

    @PostMapping("/api/statuspage/export")
    ResponseEntity<byte[]> export() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("status-page.zip").build().toString())
                .body(export.zip());
    }
}
