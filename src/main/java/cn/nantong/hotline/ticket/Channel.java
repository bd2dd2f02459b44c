package cn.nantong.hotline.ticket;

/** How the matter reached the hotline. */
public enum Channel {
    PHONE, WEB, APP, WECHAT
}
