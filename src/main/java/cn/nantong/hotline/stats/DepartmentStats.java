package cn.nantong.hotline.stats;

/**
 * One department's figures for a period (assignments dispatched in it). Rates are shares 0–1, null when
 * there is nothing to divide by (a department with no callbacks has no 满意率, not a 0 %).
 *
 * @param responseRate       响应率: share of assignments the department acted on at all (accepted or returned)
 * @param satisfactionRate   满意率: satisfied or basically satisfied callbacks among all callbacks
 * @param resolutionRate     解决率: callbacks where the caller said the problem is resolved
 * @param reopenedRate       callbacks that sent the ticket back for rework (重办)
 * @param currentlyRed       open assignments red right now, whenever they were dispatched
 * @param repeatRate         share of its tickets that repeat an earlier report (重复件率)
 * @param supervisionCases   supervision cases opened in the period on its tickets or naming it lead or co-department
 * @param flaggedReplies     its replies flagged as templates or empty in the period
 */
public record DepartmentStats(String department, String departmentName, long dispatched, Double acceptedOnTimeRate,
                              Double repliedOnTimeRate, Double returnedRate, Double reopenedRate,
                              Double satisfactionRate, Double resolutionRate, Double responseRate,
                              long currentlyRed, Double repeatRate, long supervisionCases, long flaggedReplies) {
}
