package cn.nantong.hotline.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Time left as the department console words it, on the limit's own basis. */
class TimeLeftTest {

    private static final Duration DAY = WorkingHours.standard().dayLength();
    private static final TimeLimit WORKING = TimeLimit.working(DAY.multipliedBy(5));
    private static final TimeLimit CALENDAR = TimeLimit.calendar(Duration.ofHours(24));

    @Test
    void workingTimeIsCountedInWorkingDaysAndHours() {
        assertEquals(Duration.ofMinutes(450), DAY, "08:30-12:00 and 13:30-17:30");
        assertEquals("5个工作日", WORKING.describeLeft(DAY.multipliedBy(5), DAY));
        assertEquals("2个工作日3小时", WORKING.describeLeft(DAY.multipliedBy(2).plusHours(3).plusMinutes(20), DAY));
        assertEquals("7个工作小时", WORKING.describeLeft(DAY.minusMinutes(10), DAY));
        assertEquals("40分钟", WORKING.describeLeft(Duration.ofMinutes(40), DAY));
    }

    @Test
    void calendarTimeIsCountedInHoursAndTheLastMomentsStillShow() {
        assertEquals("30小时", CALENDAR.describeLeft(Duration.ofHours(30).plusMinutes(59), DAY));
        assertEquals("1分钟", CALENDAR.describeLeft(Duration.ofSeconds(5), DAY));
    }
}
