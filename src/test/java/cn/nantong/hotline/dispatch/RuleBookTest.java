package cn.nantong.hotline.dispatch;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleBookTest {

    @Test
    void parsesKeywordsCategoriesAndComments() {
        List<RoutingRule> rules = RuleBook.parse("""
                # 注释行
                public-security 1.2 广场舞 小偷   # 行尾注释
                housing-fund 0.5 分类:公积金
                """);
        assertEquals(List.of(new RoutingRule("广场舞", null, "public-security", 1.2),
                new RoutingRule("小偷", null, "public-security", 1.2),
                new RoutingRule(null, "公积金", "housing-fund", 0.5)), rules);
    }

    @Test
    void rejectsMalformedLinesNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuleBook.parse("water 1.0 停水\ngas heavy 燃气"));
        assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RuleBook.parse("water 1.0"));
    }

    @Test
    void aKeywordInsideALongerMatchedKeywordDoesNotCount() {
        RuleBook book = new RuleBook(List.of(new RoutingRule("电梯", null, "market-regulation", 1),
                new RoutingRule("加装电梯", null, "housing-construction", 1)));
        assertEquals(Set.of("housing-construction"), departments(book.match("老小区加装电梯一楼不同意", null)));
        assertEquals(Set.of("housing-construction", "market-regulation"),
                departments(book.match("加装电梯的事谈不拢，现在的电梯又困人", null)));
    }

    @Test
    void matchesLatinKeywordsWhateverTheCase() {
        RuleBook book = new RuleBook(List.of(new RoutingRule("HPV", null, "health", 1)));
        assertEquals(Set.of("health"), departments(book.match("女儿想打hpv疫苗", null)));
    }

    @Test
    void defaultRulesParseAndCoverEveryDepartment() {
        Set<String> covered = DepartmentSuggester.defaultRules().stream().map(RoutingRule::department)
                .collect(Collectors.toSet());
        assertEquals(Set.of("public-security", "traffic-police", "ecology-environment", "housing-construction",
                "urban-management", "transport", "market-regulation", "human-resources", "medical-security", "health",
                "education", "natural-resources", "water", "power-grid", "gas", "housing-fund", "civil-affairs",
                "taxation"), covered);
    }

    @Test
    void defaultRulesFollowTheDirectoryConventions() {
        try (DepartmentSuggester s = new DepartmentSuggester(DepartmentSuggester.inMemory())) {
            s.replaceRules(DepartmentSuggester.defaultRules());
            assertEquals("public-security", s.suggest("每天晚上广场舞放到十点", null, 1).get(0).code());
            assertEquals("urban-management", s.suggest("对面工地夜间施工，吵得睡不着", null, 1).get(0).code());
            assertEquals("ecology-environment", s.suggest("化工厂排放废气，味道刺鼻", null, 1).get(0).code());
            assertEquals("market-regulation", s.suggest("单元电梯困人半小时", null, 1).get(0).code());
            assertEquals("human-resources", s.suggest("老板拖欠工资半年不给", null, 1).get(0).code());
            assertEquals("housing-construction", s.suggest("老小区加装电梯怎么申请", null, 1).get(0).code());
            assertEquals("housing-fund", s.suggest("公积金贷款额度怎么算", null, 1).get(0).code());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> departments(List<RoutingRule> rules) {
        return rules.stream().map(RoutingRule::department).collect(Collectors.toSet());
    }
}
