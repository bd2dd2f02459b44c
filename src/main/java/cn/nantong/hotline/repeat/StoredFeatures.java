package cn.nantong.hotline.repeat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A ticket's parsed {@link ReportFeatures} as stored beside it ({@code ticket.repeat_features}), so that the
 * candidates of a later intake are read, not parsed again: parsing costs about half a millisecond, and a busy
 * place has dozens of candidates however large the history grows.
 *
 * <p>Stored features carry the version of the parser that made them. Features of another version are ignored and
 * the ticket is parsed again, so changing the parser or a vocabulary never compares old and new features.
 */
public final class StoredFeatures {

    /** Raise when AddressParser, ProblemKinds or TextTokens change what they return; vocabulary edits count by themselves. */
    private static final int PARSER_REVISION = 1;
    static final long VERSION = PARSER_REVISION * 31L * 31L * 31L
            + 31L * crc("/repeat/landmark-types.txt") + crc("/repeat/problem-kinds.txt");
    /**
     * Decoded names and words are interned. Decoded features stay in the repeat detector's cache for about a minute
     * at peak intake, long enough for the collector to move them to the old generation, where each evicted one is
     * garbage until a full collection; most of their weight was private copies of the same words and names.
     * Interned (the JVM's string table holds them weakly), a cached report adds only what is new.
     */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addDeserializer(String.class, new InterningStrings()));

    /** The stored form; short names because a million of these sit in the ticket table. */
    record Form(long v, Place p, Set<String> k, Set<String> w) {
    }

    private StoredFeatures() {
    }

    public static String encode(ReportFeatures f) {
        try {
            return JSON.writeValueAsString(new Form(VERSION, f.place(), f.problemKinds(), f.words()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode repeat features", e);
        }
    }

    /** The features stored for {@code r}, or empty when none are stored or they come from another parser version. */
    static Optional<ReportFeatures> decode(String stored, Report r) {
        if (stored == null || stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            Form form = JSON.readValue(stored, Form.class);
            return form.v() == VERSION
                    ? Optional.of(ReportFeatures.of(r, form.p(), form.k(), form.w()))
                    : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Stored features if usable, else a fresh parse of the report. */
    static ReportFeatures read(String stored, Report r) {
        return decode(stored, r).orElseGet(() -> ReportFeatures.of(r));
    }

    private static final class InterningStrings extends StdScalarDeserializer<String> {
        InterningStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            return s == null ? null : s.intern();
        }
    }

    private static long crc(String resource) {
        try (InputStream in = StoredFeatures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing vocabulary resource " + resource);
            }
            CRC32 crc = new CRC32();
            crc.update(in.readAllBytes());
            return crc.getValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
