package cn.nantong.hotline.ticket;

import cn.nantong.hotline.common.ProblemException;

import java.util.List;

/** An action the ticket's current state does not allow; answered 409 with the state and what is allowed. */
public class IllegalTransitionException extends ProblemException {

    public IllegalTransitionException(String action, TicketStatus status, List<String> allowed) {
        super(409, "illegal-transition", "Action not allowed in this state",
                "工单当前状态为 " + status + "，不能执行 " + action + "；当前可执行：" + (allowed.isEmpty() ? "无" : String.join("、", allowed)) + "。",
                List.of(), java.util.Map.of("state", status.name(), "allowedActions", allowed));
    }
}
