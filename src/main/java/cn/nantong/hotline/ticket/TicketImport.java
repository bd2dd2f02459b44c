package cn.nantong.hotline.ticket;

import cn.nantong.hotline.common.Problem;
import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports history from a legacy system through the same intake as live calls, one record per transaction
 * and in order, so later features (repeat detection, routing) see each record exactly as they would live.
 */
@ApplicationScoped
public class TicketImport {

    private final TicketService tickets;
    private final TicketMapper mapper;
    private final Validator validator;

    TicketImport(TicketService tickets, TicketMapper mapper, Validator validator) {
        this.tickets = tickets;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** One answer per record in input order: the ticket as intake answers it, or a problem with its index. */
    public List<Object> run(List<TicketRequests.Intake> records, String actor) {
        List<Object> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            TicketRequests.Intake r = records.get(i);
            try {
                if (r == null) {
                    throw ProblemException.badRequest(null, "第 " + i + " 条记录为空。");
                }
                Set<ConstraintViolation<TicketRequests.Intake>> violations = validator.validate(r);
                if (!violations.isEmpty()) {
                    List<Problem.FieldError> errors = violations.stream()
                            .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                            .sorted((a, b) -> a.field().compareTo(b.field())).toList();
                    throw new ProblemException(400, "invalid-input", "Invalid input",
                            errors.stream().map(Problem.FieldError::message).reduce((a, b) -> a + " " + b).orElse(""), errors);
                }
                out.add(mapper.view(tickets.intake(r, actor, true), null, new Access(actor, Role.ADMIN, null)));
            } catch (ProblemException e) {
                Problem p = e.toProblem("/api/tickets/import");
                out.add(new Problem(p.type(), p.title(), p.status(), p.detail(), p.instance(), p.errors(),
                        Map.of("index", i)));
            }
        }
        return out;
    }
}
