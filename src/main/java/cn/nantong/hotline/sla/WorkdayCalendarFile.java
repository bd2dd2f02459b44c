package cn.nantong.hotline.sla;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the holiday calendar file ({@code date,kind,name} per line, {@code #} comments): the bundled
 * {@value #BUNDLED} and an operator's file whose dates override it. A bad line is never skipped: the whole file
 * is refused with every bad line's number and reason, because a silently lost 调休 day shifts every deadline.
 */
public final class WorkdayCalendarFile {

    public static final String BUNDLED = "calendar/cn-workdays.csv";
    private static final Logger LOG = Logger.getLogger(WorkdayCalendarFile.class);

    private WorkdayCalendarFile() {
    }

    /** One refused line. */
    public record BadLine(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** The file as a whole is refused; {@link #badLines()} says where and why. */
    public static final class InvalidCalendarFileException extends RuntimeException {
        private final String source;
        private final List<BadLine> badLines;

        InvalidCalendarFileException(String source, List<BadLine> badLines) {
            super("calendar file " + source + " has " + badLines.size() + " bad line(s):\n  "
                    + String.join("\n  ", badLines.stream().map(BadLine::toString).toList()));
            this.source = source;
            this.badLines = List.copyOf(badLines);
        }

        public String source() {
            return source;
        }

        public List<BadLine> badLines() {
            return badLines;
        }
    }

    /** Parses file text; {@code source} names the file in error messages. */
    public static List<SpecialDay> parse(String source, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\\R", -1);
        List<SpecialDay> days = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        Map<LocalDate, Integer> seenOn = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", 3);
            if (fields.length < 3) {
                bad.add(new BadLine(lineNo, "expected date,kind,name but found " + fields.length + " field(s): '" + line + "'"));
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(fields[0].strip());
            } catch (DateTimeParseException e) {
                bad.add(new BadLine(lineNo, "'" + fields[0].strip() + "' is not a date YYYY-MM-DD"));
                continue;
            }
            SpecialDay.Kind kind;
            try {
                kind = SpecialDay.Kind.valueOf(fields[1].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                bad.add(new BadLine(lineNo, "kind '" + fields[1].strip() + "' is neither HOLIDAY nor WORKDAY"));
                continue;
            }
            String name = fields[2].strip();
            if (name.isEmpty()) {
                bad.add(new BadLine(lineNo, "no name for " + date + " (e.g. 春节)"));
                continue;
            }
            Integer earlier = seenOn.putIfAbsent(date, lineNo);
            if (earlier != null) {
                bad.add(new BadLine(lineNo, date + " is already listed on line " + earlier));
                continue;
            }
            days.add(new SpecialDay(date, kind, name));
        }
        if (!bad.isEmpty()) {
            throw new InvalidCalendarFileException(source, bad);
        }
        return List.copyOf(days);
    }

    /** The calendar shipped with the service. */
    public static List<SpecialDay> readBundled() {
        try (InputStream in = WorkdayCalendarFile.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled calendar " + BUNDLED + " is missing from the class path");
            }
            return parse("classpath:" + BUNDLED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled calendar " + BUNDLED, e);
        }
    }

    /** An operator's file; a configured file that cannot be read is an error, not an empty calendar. */
    public static List<SpecialDay> read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar file " + file + " (hotline.sla.calendar-file)", e);
        }
    }

    /** The bundled calendar, overridden and extended by the operator's file when one is given. */
    public static List<SpecialDay> load(Optional<Path> operatorFile) {
        List<SpecialDay> bundled = readBundled();
        if (operatorFile.isEmpty()) {
            return bundled;
        }
        List<SpecialDay> operator = read(operatorFile.get());
        List<SpecialDay> merged = merge(bundled, operator);
        long replaced = bundled.size() + operator.size() - merged.size();
        LOG.infof("Calendar file %s: %d date(s), %d of them replacing bundled dates", operatorFile.get(),
                operator.size(), replaced);
        return merged;
    }

    /** Both lists in date order; where both name a date, {@code overrides} wins. */
    public static List<SpecialDay> merge(Collection<SpecialDay> base, Collection<SpecialDay> overrides) {
        Map<LocalDate, SpecialDay> byDate = new TreeMap<>();
        base.forEach(d -> byDate.put(d.date(), d));
        overrides.forEach(d -> byDate.put(d.date(), d));
        return List.copyOf(byDate.values());
    }
}
