package cn.nantong.hotline.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Human-readable ticket numbers: the city-local day of receipt, then a city-wide counter (20261126-0000123). */
public final class TicketNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private TicketNumbers() {
    }

    public static String format(Instant receivedAt, ZoneId zone, long counter) {
        return DAY.format(receivedAt.atZone(zone)) + "-" + String.format("%07d", counter);
    }
}
