package cn.nantong.hotline.directory;

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

    public List<String> districts() {
        return districts;
    }

    /** A department as the API shows it. */
    public record DepartmentView(String code, String name) {
    }
}
