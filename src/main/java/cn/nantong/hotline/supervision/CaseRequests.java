package cn.nantong.hotline.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the supervision API. */
public final class CaseRequests {

    private CaseRequests() {
    }

    public record Assign(@NotBlank(message = "请指定主办单位 lead") String lead,
                         List<@NotBlank(message = "协办单位代码不能为空") String> co,
                         @NotNull(message = "请填写督办期限 deadline（日期，如 2026-12-31）") LocalDate deadline,
                         @Size(max = 500, message = "说明最多 500 字") String note) {
    }

    public record Text(@NotBlank(message = "内容不能为空") @Size(max = 2000, message = "内容最多 2000 字") String text) {
    }

    public record Note(@Size(max = 500, message = "说明最多 500 字") String note) {
    }

    public record SendBack(@NotBlank(message = "退回重新答复必须说明理由") @Size(max = 500, message = "理由最多 500 字") String reason) {
    }
}
