package cn.nantong.hotline.sla;

import java.time.LocalDate;
import java.util.Objects;

/** One date on which the State Council's notice overrides the Monday–Friday rule. */
public record SpecialDay(LocalDate date, Kind kind, String name) {

    /** Whether the date is off or worked, whatever weekday it falls on. */
    public enum Kind {
        /** 放假: off, even on a Monday–Friday. */
        HOLIDAY,
        /** 调休上班: worked, even on a Saturday or Sunday. */
        WORKDAY
    }

    public SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("special day " + date + " needs a name, e.g. 春节");
        }
    }

    public boolean isWorked() {
        return kind == Kind.WORKDAY;
    }
}
