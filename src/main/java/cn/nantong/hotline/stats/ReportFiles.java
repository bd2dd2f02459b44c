package cn.nantong.hotline.stats;

import cn.nantong.hotline.common.ClockProducer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a {@link ReportTable} as the files the monthly report is assembled from: CSV for any tool, .xlsx for Excel. */
public final class ReportFiles {

    /** Without it Excel reads UTF-8 CSV as the local code page and the Chinese turns to mojibake. */
    private static final String BOM = "\uFEFF";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ClockProducer.CITY_ZONE);

    private ReportFiles() {
    }

    public static byte[] csv(ReportTable table) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, table.columns().stream().map(ReportTable.Column::heading).toList());
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(text(table.columns().get(i).kind(), row.get(i)));
            }
            line(out, cells);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(ReportTable table) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(table.title());
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < table.columns().size(); i++) {
                head.createCell(i).setCellValue(table.columns().get(i).heading());
            }
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = table.rows().get(r);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    switch (table.columns().get(i).kind()) {
                        case COUNT -> cell.setCellValue(((Number) value).doubleValue());
                        case RATE -> {
                            cell.setCellValue(((Number) value).doubleValue());
                            cell.setCellStyle(percent);
                        }
                        // A string cell is never evaluated, so caller text needs no neutralising here.
                        case TEXT -> cell.setCellValue(value.toString());
                        case TIME -> cell.setCellValue(TIME.format((Instant) value));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A cell starting with = + - @ (or a tab or carriage return, which Excel skips before them) would run as a
     * formula when the file is opened: a leading apostrophe keeps it text (OWASP CSV injection).
     */
    static String neutralise(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String text(ReportTable.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case COUNT -> value.toString();
            case RATE -> String.format(Locale.ROOT, "%.1f%%", ((Number) value).doubleValue() * 100);
            case TEXT -> neutralise(value.toString());
            case TIME -> TIME.format((Instant) value);
        };
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }
}
