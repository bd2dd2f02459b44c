package cn.nantong.hotline.stats;

import cn.nantong.hotline.stats.ReportTable.Column;
import cn.nantong.hotline.stats.ReportTable.Kind;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReportFilesTest {

    private static final ReportTable TABLE = new ReportTable("测试", List.of(new Column("单位", Kind.TEXT),
            new Column("派单数", Kind.COUNT), new Column("满意率", Kind.RATE), new Column("时间", Kind.TIME)),
            List.of(Arrays.asList("市水务局", 12L, 0.875, Instant.parse("2026-03-01T02:30:00Z")),
                    Arrays.asList("=HYPERLINK(\"http://x\",\"点我\")", 0L, null, null),
                    Arrays.asList("+1, -2 和 @3", 3L, 1.0, null)));

    @Test
    void csvStartsWithABomAndQuotesWhatNeedsIt() {
        byte[] csv = ReportFiles.csv(TABLE);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "UTF-8 BOM for Excel");
        String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertEquals("单位,派单数,满意率,时间", lines[0]);
        assertEquals("市水务局,12,87.5%,2026-03-01 10:30", lines[1], "rates as percentages, times in city time");
    }

    @Test
    void csvCellsThatWouldRunAsFormulasAreNeutralised() {
        String[] lines = new String(ReportFiles.csv(TABLE), StandardCharsets.UTF_8).split("\r\n");
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",0,,", lines[2]);
        assertEquals("\"'+1, -2 和 @3\",3,100.0%,", lines[3]);
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertEquals("'" + start + "1", ReportFiles.neutralise(start + "1"));
        }
        assertEquals("南通-1", ReportFiles.neutralise("南通-1"), "only a leading character matters");
    }

    @Test
    void xlsxKeepsNumbersAsNumbersAndTextAsText() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ReportFiles.xlsx(TABLE)))) {
            Sheet sheet = book.getSheet("测试");
            assertEquals("满意率", sheet.getRow(0).getCell(2).getStringCellValue());
            assertEquals(12.0, sheet.getRow(1).getCell(1).getNumericCellValue());
            assertEquals(0.875, sheet.getRow(1).getCell(2).getNumericCellValue());
            assertEquals("0.0%", sheet.getRow(1).getCell(2).getCellStyle().getDataFormatString());
            assertEquals("2026-03-01 10:30", sheet.getRow(1).getCell(3).getStringCellValue());
            assertEquals("=HYPERLINK(\"http://x\",\"点我\")", sheet.getRow(2).getCell(0).getStringCellValue(),
                    "a string cell, never a formula");
            assertNull(sheet.getRow(2).getCell(2), "no rate where there was nothing to divide by");
        }
    }

    @Test
    void theRedLightTableMasksPhoneNumbersTheCallerDictated() {
        var red = new RedLights.RedTicket(1, "NT20260301-0001", "water", "市水务局", true, "崇川区",
                "停水三天，回电13962915678或0513-85123456", null, null, null);
        List<Object> row = MonthlyReport.redLights(List.of(red)).rows().get(0);
        assertEquals("停水三天，回电139****5678或0513-****3456", row.get(4));
        assertEquals("主办", row.get(2));
    }
}
