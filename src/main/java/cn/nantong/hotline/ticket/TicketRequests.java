package cn.nantong.hotline.ticket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** What clients send to the ticket API. Validation messages are shown to agents as they are. */
public final class TicketRequests {

    private TicketRequests() {
    }

    /** A call as the agent records it (also one record of a history import). */
    public record Intake(
            @NotBlank(message = "来电号码不能为空") String callerPhone,
            @Size(max = 50, message = "来电人姓名最多 50 字") String callerName,
            Boolean confidential,
            Channel channel,
            @NotNull(message = "请选择诉求类型（INQUIRY、COMPLAINT、HELP、REPORT、SUGGESTION）") TicketType type,
            String district,
            @Size(max = 200, message = "地址最多 200 字") String address,
            @NotBlank(message = "诉求内容不能为空") @Size(max = 2000, message = "诉求内容最多 2000 字") String content,
            @Size(max = 50, message = "分类最多 50 字") String category,
            Boolean urgent,
            @Size(max = 10, message = "最多引用 10 条热线百科条目") List<@NotBlank String> answeredWith,
            OffsetDateTime receivedAt,
            String department,
            Long repeatOf,
            @Size(max = 20, message = "最多否决 20 个疑似重复工单") List<@NotNull Long> notRepeatOf) {
    }

    public record Dispatch(@NotBlank(message = "请指定主办单位 lead") String lead,
                           List<@NotBlank(message = "协办单位代码不能为空") String> co,
                           @Size(max = 500, message = "派单说明最多 500 字") String note,
                           Boolean override) {
    }

    public record Return(@NotBlank(message = "退单必须说明理由") @Size(max = 500, message = "退单理由最多 500 字") String reason) {
    }

    public record Reply(@NotBlank(message = "答复内容不能为空") @Size(max = 4000, message = "答复内容最多 4000 字") String text,
                        @NotNull(message = "请选择办理结果 outcome（RESOLVED、PARTIALLY_RESOLVED、UNRESOLVED_EXPLAINED）")
                        Assignment.Outcome outcome) {
    }

    public record AwaitCaller(@NotBlank(message = "请说明需要来电人补充什么") @Size(max = 500) String reason) {
    }

    public record CallerInfo(@NotBlank(message = "请记录来电人补充的内容") @Size(max = 2000) String note) {
    }

    public record Extension(@NotNull(message = "请填写延期工作日数") @Min(value = 1, message = "延期至少 1 个工作日")
                            @Max(value = 30, message = "一次延期最多 30 个工作日") Integer workingDays,
                            @NotBlank(message = "请说明延期理由") @Size(max = 500) String reason) {
    }

    public record ExtensionDecision(@NotBlank(message = "请指定申请延期的部门 department") String department,
                                    @NotNull(message = "请决定是否同意 approve") Boolean approve,
                                    @Size(max = 500) String note) {
    }

    public record Callback(@NotNull(message = "请选择满意度 satisfaction（SATISFIED、BASICALLY_SATISFIED、UNSATISFIED）")
                           TicketLifecycle.Satisfaction satisfaction,
                           @NotNull(message = "请说明问题是否已解决 resolved") Boolean resolved,
                           @Size(max = 1000) String note) {
    }
}
