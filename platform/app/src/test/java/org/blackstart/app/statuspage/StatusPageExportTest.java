package org.blackstart.app.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusPageExportTest {

    @TempDir
    Path root;

    private StatusPageExport exportOf(Map<String, String> files) {
        StatusPages pages = mock(StatusPages.class);
        when(pages.files()).thenReturn(files);
        StatusPageProperties properties = mock(StatusPageProperties.class);
        return new StatusPageExport(pages, properties);
    }

    private static Map<String, String> filesWithEscapes(Path outside) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("index.html", "<p>status</p>");
        files.put("incidents/INC-2026-0001.html", "<p>incident</p>");
        files.put("incidents/../../escaped.html", "<p>escaped</p>");
        files.put(outside.resolve("absolute.html").toString(), "<p>absolute</p>");
        files.put("incidents/..\\..\\backslash.html", "<p>backslash</p>");
        return files;
    }

    @Test
    void fileNamesThatWouldLeaveTheDirectoryAreLeftOutAndNothingIsWrittenOutsideIt() throws IOException {
        // given an export directory inside a site folder, and a second folder beside it
        Path site = Files.createDirectories(root.resolve("www"));
        Path outside = Files.createDirectories(root.resolve("elsewhere"));
        Path target = site.resolve("status");
        StatusPageExport export = exportOf(filesWithEscapes(outside));

        // when
        export.write(target);

        // then the plain files are there, and nothing else anywhere
        assertThat(target.resolve("index.html")).hasContent("<p>status</p>");
        assertThat(target.resolve("incidents/INC-2026-0001.html")).hasContent("<p>incident</p>");
        assertThat(filesUnder(root)).containsExactlyInAnyOrder(target.resolve("index.html"),
                target.resolve("incidents/INC-2026-0001.html"));
    }

    @Test
    void theZipHoldsOnlyPlainRelativeNames() throws IOException {
        // given
        StatusPageExport export = exportOf(filesWithEscapes(root));

        // when
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export.zip()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }

        // then
        assertThat(names).containsExactly("index.html", "incidents/INC-2026-0001.html");
    }

    @Test
    void aTargetThatIsASymbolicLinkIsRefusedAndWhatItPointsAtIsLeftAlone() throws IOException {
        // given the export directory is a link to another folder with a file in it
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep.txt"), "keep");
        Path target = Files.createSymbolicLink(root.resolve("status"), elsewhere);
        StatusPageExport export = exportOf(Map.of("index.html", "<p>status</p>"));

        // when / then
        assertThatThrownBy(() -> export.write(target)).isInstanceOf(IOException.class).hasMessageContaining("symbolic link");
        assertThat(filesUnder(elsewhere)).containsExactly(elsewhere.resolve("keep.txt"));
        assertThat(Files.isSymbolicLink(target)).isTrue();
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
