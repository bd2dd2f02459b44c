package cn.nantong.hotline.directory;

import cn.nantong.hotline.common.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The department and district directory, read once at start: it is fixed reference data that every
 * request validates against, so a database round trip per check would be waste.
 */
@Startup
@ApplicationScoped
public class Directory {

    private final List<DepartmentView> departments;
    private final Map<String, DepartmentView> byCode;
    private final List<String> districts;

    Directory(EntityManager em) {
        this.departments = QuarkusTransaction.requiringNew().call(() ->
                Department.<Department>listAll(Sort.by("sortOrder")).stream()
                        .map(d -> new DepartmentView(d.code, d.name))
                        .toList());
        this.byCode = departments.stream().collect(Collectors.toUnmodifiableMap(DepartmentView::code, Function.identity()));
        this.districts = QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select name from district order by sort_order", String.class)
                        .getResultList().stream().map(String.class::cast).toList());
    }

    public List<DepartmentView> departments() {
        return departments;
    }

    public Optional<DepartmentView> department(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean isDepartment(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** Refuses an unknown department code with a 400 naming the field. */
    public void requireDepartment(String field, String code) {
        if (!isDepartment(code)) {
            throw ProblemException.badRequest(field, "未知的部门代码 '" + code + "'，可选值见 /api/departments。");
        }
    }

    /** The department's Chinese name, or the code itself for an unknown one. */
    public String name(String code) {
        return department(code).map(DepartmentView::name).orElse(code);
    }

    public List<String> districts() {
        return districts;
    }

    /** A department as the API shows it. */
    public record DepartmentView(String code, String name) {
    }
}
