package cn.nantong.hotline.stats;

import java.util.List;

/**
 * A table of the monthly report, independent of the file it is written to: typed columns so that a rate is a
 * percentage in a spreadsheet and readable text in CSV.
 */
public record ReportTable(String title, List<Column> columns, List<List<Object>> rows) {

    public enum Kind {
        TEXT,
        COUNT,
        /** A share 0–1, or null when there was nothing to divide by. */
        RATE,
        /** An {@link java.time.Instant}, shown in city-local time. */
        TIME
    }

    public record Column(String heading, Kind kind) {
    }

    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
