package cn.nantong.hotline.ticket;

/** The time-limit light everyone sees (亮灯) on a time-limited obligation. */
public enum Light {
    /** Within the limit, less than the yellow share used. */
    GREEN("绿灯"),
    /** 亮黄灯: close to the limit (75 % used by default). */
    YELLOW("黄灯"),
    /** 亮红灯: past the deadline. */
    RED("红灯");

    private final String label;

    Light(String label) {
        this.label = label;
    }

    /** The word the UI shows. */
    public String label() {
        return label;
    }

    public Light worse(Light other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
