package cn.nantong.hotline.dispatch;

/**
 * An admin-editable routing hint: text containing {@code keyword}, or an intake filed under {@code category}, points
 * to {@code department} with {@code weight} (1.0 is about as strong as one closely matching past ticket).
 */
public record RoutingRule(String keyword, String category, String department, double weight) {

    public RoutingRule {
        keyword = blankToNull(keyword);
        category = blankToNull(category);
        if (keyword == null && category == null) {
            throw new IllegalArgumentException("a routing rule needs a keyword or a category");
        }
        if (department == null || department.isBlank()) {
            throw new IllegalArgumentException("a routing rule needs a department");
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number: " + weight);
        }
        department = department.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
