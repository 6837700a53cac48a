package org.blackstart.app.runbook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a file is what it says it is: its content type is one of {@code blackstart.runbooks.evidence-types}, its
 * name ends as files of that type do, and its first bytes are that type's (an image is an image, a log has no binary
 * bytes). Evidence is downloaded by other people during the incident; a page or a program named {@code diff.png} is not.
 */
final class EvidenceTypes {

    private static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "image/png", Set.of("png"), "image/jpeg", Set.of("jpg", "jpeg"), "image/gif", Set.of("gif"),
            "image/webp", Set.of("webp"), "text/plain", Set.of("txt", "log", "out", "diff"), "text/csv", Set.of("csv"),
            "application/json", Set.of("json"), "application/pdf", Set.of("pdf"), "application/gzip", Set.of("gz", "tgz"),
            "application/zip", Set.of("zip"));
    private static final Map<String, List<byte[]>> MAGIC = Map.of(
            "image/png", List.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
            "image/jpeg", List.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
            "image/gif", List.of("GIF87a".getBytes(StandardCharsets.US_ASCII), "GIF89a".getBytes(StandardCharsets.US_ASCII)),
            "image/webp", List.of("RIFF".getBytes(StandardCharsets.US_ASCII)),
            "application/pdf", List.of("%PDF-".getBytes(StandardCharsets.US_ASCII)),
            "application/gzip", List.of(new byte[] {0x1F, (byte) 0x8B}),
            "application/zip", List.of(new byte[] {'P', 'K', 3, 4}));
    private static final Set<String> TEXT = Set.of("text/plain", "text/csv", "application/json");
    private static final int TEXT_PROBE = 8192;

    private final Set<String> allowed;

    EvidenceTypes(List<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** @return why the file is refused, or {@code null} when it is accepted */
    String refusal(String fileName, String contentType, byte[] content) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(type)) {
            return "files of type '" + type + "' are not accepted; accepted are " + String.join(", ", allowed.stream().sorted().toList());
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        Set<String> extensions = EXTENSIONS.get(type);
        int dot = name.lastIndexOf('.');
        if (extensions != null && (dot < 0 || !extensions.contains(name.substring(dot + 1)))) {
            return "a file of type " + type + " is named ." + String.join(" or .", extensions.stream().sorted().toList());
        }
        List<byte[]> magic = MAGIC.get(type);
        if (magic != null && magic.stream().noneMatch(prefix -> startsWith(content, prefix))) {
            return "the file's content is not " + type;
        }
        if (TEXT.contains(type)) {
            for (int i = 0; i < Math.min(content.length, TEXT_PROBE); i++) {
                if (content[i] == 0) {
                    return "the file's content is not text";
                }
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
