package cn.nantong.hotline.ticket;

/**
 * What a viewer sees of the caller. Everyone sees the masked number; a department never sees anything of a
 * caller who asked for confidentiality (保密), neither the number nor the name, and may not reveal it.
 *
 * @param phone      the masked number, or a note saying why there is none
 * @param name       the caller's name, or null
 * @param revealable whether this viewer may ask for the full number ({@code POST /api/tickets/{id}/reveal-phone})
 */
public record CallerDisplay(String phone, String name, boolean revealable) {

    static final String CONFIDENTIAL = "（来电人要求保密）";
    static final String ERASED = "（已按保存期限删除）";

    public static CallerDisplay of(boolean departmentViewer, boolean confidential, String maskedPhone, String name) {
        if (maskedPhone == null) {
            return new CallerDisplay(ERASED, name, false);
        }
        if (departmentViewer && confidential) {
            return new CallerDisplay(CONFIDENTIAL, null, false);
        }
        return new CallerDisplay(maskedPhone, name, true);
    }

    static CallerDisplay of(Ticket t, Access viewer) {
        return of(viewer.isDepartment(), t.confidential, t.callerPhoneMasked, t.callerName);
    }
}
