package cn.nantong.hotline.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the working calendar and the time limits. Limits are written as {@code <n> working|calendar
 * days|hours|minutes}, e.g. {@code 5 working days}, {@code 24 calendar hours}.
 */
@ConfigMapping(prefix = "hotline.sla")
public interface SlaConfig {

    /** Time zone in which working hours and holiday dates are read. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Office periods of every working day, {@code HH:mm-HH:mm} comma separated. */
    @WithDefault(WorkingHours.DEFAULT)
    String workingHours();

    /**
     * An operator's calendar file (format of the bundled calendar/cn-workdays.csv) whose dates override and
     * extend the bundled ones. Unset (no default can mean "no file"): the bundled calendar alone.
     */
    Optional<String> calendarFile();

    /** Share of a limit used at which the light turns yellow. */
    @WithDefault("0.75")
    double yellowAt();

    /** Time a department has to accept (签收) a dispatched ticket. */
    @WithDefault("2 working hours")
    String accept();

    /** Time a department has to reply (答复). */
    Reply reply();

    /** Reply limits per ticket type, urgency and category. */
    interface Reply {

        /** A 咨询 transferred to a department. */
        @WithDefault("1 working day")
        String inquiry();

        @WithDefault("5 working days")
        String complaint();

        @WithDefault("5 working days")
        String help();

        @WithDefault("10 working days")
        String report();

        @WithDefault("15 working days")
        String suggestion();

        /** Limits for tickets marked urgent; {@code normal} means the type's ordinary limit. */
        Urgent urgent();

        /**
         * Limits for particular categories, over the type's limit (urgency still wins), e.g.
         * {@code hotline.sla.reply.category."燃气泄漏"=1 working day}. None by default.
         */
        Map<String, String> category();
    }

    /** Urgent reply limits per ticket type. */
    interface Urgent {

        @WithDefault("normal")
        String inquiry();

        @WithDefault("normal")
        String complaint();

        /** Urgent 求助 counts calendar hours: nights and holidays included. */
        @WithDefault("24 calendar hours")
        String help();

        @WithDefault("normal")
        String report();

        @WithDefault("normal")
        String suggestion();
    }
}
