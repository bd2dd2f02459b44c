package cn.nantong.hotline.kb;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads a knowledge-base folder: every {@code *.md} below it is an entry; bad files are reported, not fatal. */
public final class KbFolderScanner {

    private final KbFileParser parser;

    public KbFolderScanner(KbFileParser parser) {
        this.parser = parser;
    }

    /** A file that loaded: its entry, its path relative to the folder and the hash of its bytes. */
    public record LoadedFile(String path, String hash, KbDocument doc) {
    }

    /** A file that was skipped, and why. */
    public record SkippedFile(String path, String reason) {
    }

    public record Scan(List<LoadedFile> loaded, List<SkippedFile> skipped) {
    }

    public Scan scan(Path folder) throws IOException {
        List<LoadedFile> loaded = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        Map<String, String> pathById = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String rel = folder.relativize(file).toString().replace('\\', '/');
            byte[] bytes = Files.readAllBytes(file);
            try {
                KbDocument doc = parser.parse(decode(bytes));
                String first = pathById.putIfAbsent(doc.id(), rel);
                if (first != null) {
                    skipped.add(new SkippedFile(rel, "duplicate id '" + doc.id() + "', already used by " + first));
                } else {
                    loaded.add(new LoadedFile(rel, sha256(bytes), doc));
                }
            } catch (KbFileParser.InvalidEntryException e) {
                skipped.add(new SkippedFile(rel, e.getMessage()));
            }
        }
        return new Scan(loaded, skipped);
    }

    private static String decode(byte[] bytes) throws KbFileParser.InvalidEntryException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new KbFileParser.InvalidEntryException(null, "the file is not UTF-8 text");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
