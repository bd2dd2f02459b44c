package cn.nantong.hotline.sla;

import cn.nantong.hotline.sla.WorkdayCalendarFile.BadLine;
import cn.nantong.hotline.sla.WorkdayCalendarFile.InvalidCalendarFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkdayCalendarFileTest {

    @Test
    void theBundledCalendarCovers2025And2026AndWorksOnlyWeekends() {
        List<SpecialDay> days = WorkdayCalendarFile.readBundled();
        assertEquals(List.of(2025, 2026), days.stream().map(d -> d.date().getYear()).distinct().sorted().toList());
        for (SpecialDay d : days) {
            if (d.isWorked()) {
                DayOfWeek dow = d.date().getDayOfWeek();
                assertTrue(dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY, "调休 on a weekday: " + d);
            }
        }
        // The notices' spans, every date listed: 2025 has 1+8+3+5+3+8 off days, 2026 has 3+9+3+5+3+3+7.
        assertEquals(28, days.stream().filter(d -> !d.isWorked() && d.date().getYear() == 2025).count());
        assertEquals(33, days.stream().filter(d -> !d.isWorked() && d.date().getYear() == 2026).count());
        assertEquals(List.of("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
                        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"),
                days.stream().filter(SpecialDay::isWorked).map(d -> d.date().toString()).sorted().toList());
    }

    @Test
    void readsCommentsBlankLinesByteOrderMarkAndWindowsLineEndings() {
        List<SpecialDay> days = WorkdayCalendarFile.parse("test", "\uFEFF# 注释\r\n\r\n2027-01-01, holiday ,元旦\r\n"
                + "2027-02-06,WORKDAY,春节调休, 含逗号的名称\r\n");
        assertEquals(List.of(new SpecialDay(LocalDate.of(2027, 1, 1), SpecialDay.Kind.HOLIDAY, "元旦"),
                new SpecialDay(LocalDate.of(2027, 2, 6), SpecialDay.Kind.WORKDAY, "春节调休, 含逗号的名称")), days);
    }

    @Test
    void badLinesAreAllReportedWithLineNumberAndReason() {
        String text = """
                # header
                2027-01-01,HOLIDAY,元旦
                2027-02-30,HOLIDAY,春节
                2027-02-06,HOLYDAY,春节
                2027-02-07,WORKDAY
                2027-02-08,WORKDAY,
                2027-01-01,HOLIDAY,元旦
                27/02/10,HOLIDAY,春节
                """;
        InvalidCalendarFileException e = assertThrows(InvalidCalendarFileException.class,
                () -> WorkdayCalendarFile.parse("ops.csv", text));
        assertEquals("ops.csv", e.source());
        assertEquals(List.of(3, 4, 5, 6, 7, 8), e.badLines().stream().map(BadLine::line).toList());
        String reasons = e.badLines().stream().map(BadLine::toString).collect(Collectors.joining("\n"));
        assertContains(reasons, "line 3: '2027-02-30' is not a date YYYY-MM-DD");
        assertContains(reasons, "line 4: kind 'HOLYDAY' is neither HOLIDAY nor WORKDAY");
        assertContains(reasons, "line 5: expected date,kind,name but found 2 field(s)");
        assertContains(reasons, "line 6: no name for 2027-02-08");
        assertContains(reasons, "line 7: 2027-01-01 is already listed on line 2");
        assertContains(reasons, "line 8: '27/02/10' is not a date");
        assertContains(e.getMessage(), "calendar file ops.csv has 6 bad line(s)");
    }

    @Test
    void anOperatorFileOverridesAndExtendsTheBundledOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("workdays.csv");
        Files.writeString(file, """
                # 2027, as an operator would append it
                2027-01-01,HOLIDAY,元旦
                # a local correction of a bundled date
                2026-10-10,HOLIDAY,地方调整
                """, StandardCharsets.UTF_8);
        List<SpecialDay> days = WorkdayCalendarFile.load(Optional.of(file));
        WorkingCalendar calendar = new WorkingCalendar(days, WorkingHours.standard(), Shanghai.ZONE);
        assertEquals(LocalDate.of(2027, 12, 31), calendar.coveredUntil().orElseThrow());
        assertFalse(calendar.isWorkingDay(LocalDate.of(2027, 1, 1)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 10, 10)));
        assertEquals("地方调整", calendar.specialDay(LocalDate.of(2026, 10, 10)).orElseThrow().name());
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 2, 8)), "bundled dates stay");
        assertEquals(WorkdayCalendarFile.readBundled().size() + 1, days.size());
    }

    @Test
    void aConfiguredFileThatCannotBeReadIsAnErrorAndABadOneNamesItself(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.csv");
        assertContains(assertThrows(UncheckedIOException.class,
                () -> WorkdayCalendarFile.load(Optional.of(missing))).getMessage(), "nope.csv");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "2027-01-01,HOLIDAY,元旦\n2027-13-01,HOLIDAY,x\n");
        InvalidCalendarFileException e = assertThrows(InvalidCalendarFileException.class,
                () -> WorkdayCalendarFile.load(Optional.of(bad)));
        assertEquals(bad.toString(), e.source());
        assertEquals(2, e.badLines().get(0).line());
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected '" + part + "' in:\n" + text);
    }
}
