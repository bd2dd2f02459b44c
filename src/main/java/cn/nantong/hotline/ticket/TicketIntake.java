package cn.nantong.hotline.ticket;

import cn.nantong.hotline.common.Problem;
import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.privacy.PhoneVault;

import java.util.ArrayList;
import java.util.List;

/** Checks a recorded call against the intake rules and builds the new ticket; every error names its field. */
final class TicketIntake {

    private final Directory directory;
    private final PhoneVault vault;

    TicketIntake(Directory directory, PhoneVault vault) {
        this.directory = directory;
        this.vault = vault;
    }

    Ticket validate(TicketRequests.Intake r, boolean imported) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String phone = PhoneNumbers.normalise(r.callerPhone()).orElse(null);
        if (phone == null) {
            // The text is not echoed: a mistyped number is still most of a caller's number.
            errors.add(new Problem.FieldError("callerPhone", "来电号码不是有效的手机号或固定电话号码。"));
        }
        boolean inquiry = r.type() == TicketType.INQUIRY;
        String district = blankToNull(r.district());
        if (district != null && !directory.districts().contains(district)) {
            errors.add(new Problem.FieldError("district", "未知的区县 '" + district + "'，可选：" + String.join("、", directory.districts()) + "。"));
        }
        String address = blankToNull(r.address());
        if (!inquiry && address == null) {
            errors.add(new Problem.FieldError("address", "投诉、求助、举报、建议必须填写问题发生地址。"));
        }
        List<String> answeredWith = r.answeredWith() == null ? List.of() : r.answeredWith().stream().map(String::strip).toList();
        if (!inquiry && !answeredWith.isEmpty()) {
            errors.add(new Problem.FieldError("answeredWith", "只有咨询（INQUIRY）可以当场用热线百科答复。"));
        }
        if (!imported && r.receivedAt() != null) {
            errors.add(new Problem.FieldError("receivedAt", "受理时间由系统记录，只有历史导入可以指定。"));
        }
        String handledBy = blankToNull(r.department());
        if (handledBy != null && !imported) {
            errors.add(new Problem.FieldError("department", "承办部门通过派单指定，只有历史导入可以直接指定。"));
        } else if (handledBy != null && !directory.isDepartment(handledBy)) {
            errors.add(new Problem.FieldError("department", "未知的部门代码 '" + handledBy + "'。"));
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(Problem.FieldError::message).reduce((a, b) -> a + " " + b).orElse("");
            throw new ProblemException(400, "invalid-input", "Invalid input", detail, errors);
        }
        Ticket t = new Ticket();
        t.protectPhone(vault.protect(phone));
        t.callerName = blankToNull(r.callerName());
        t.confidential = Boolean.TRUE.equals(r.confidential());
        t.channel = r.channel() == null ? Channel.PHONE : r.channel();
        t.type = r.type();
        t.district = district;
        t.address = address;
        t.content = r.content().strip();
        t.category = blankToNull(r.category());
        t.urgent = Boolean.TRUE.equals(r.urgent());
        t.answeredWith = new ArrayList<>(answeredWith);
        t.handledBy = handledBy;
        t.status = handledBy != null ? TicketStatus.CLOSED : !answeredWith.isEmpty() ? TicketStatus.ANSWERED : TicketStatus.NEW;
        return t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
