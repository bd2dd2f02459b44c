package cn.nantong.hotline.dispatch;

import cn.nantong.hotline.kb.index.SegmentedText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DepartmentSuggesterTest {

    private final DepartmentSuggester.Storage dir = DepartmentSuggester.inMemory();
    private DepartmentSuggester suggester = new DepartmentSuggester(dir);

    @AfterEach
    void close() throws IOException {
        suggester.close();
    }

    private List<String> codes(String text) {
        return suggester.suggest(text, null, 3).stream().map(Suggestion::code).toList();
    }

    @Test
    void historyRoutesWhereNothingElseKnows() {
        String intake = "菜场门口那个垃圾中转站好几天没清运，臭气熏天";
        assertTrue(suggester.suggest(intake, null, 3).isEmpty());

        suggester.learnHandled(1, "垃圾中转站满了没人清运，夏天臭得不行", null, "urban-management");
        suggester.learnHandled(2, "小区旁边垃圾中转站一直不清运，苍蝇很多", null, "urban-management");
        suggester.learnHandled(3, "菜场里的电子秤不准，买菜缺斤短两", null, "market-regulation");

        List<Suggestion> out = suggester.suggest(intake, null, 3);
        assertEquals("urban-management", out.get(0).code());
        assertTrue(out.get(0).reasons().get(0).matches("类似工单 [12] 件由该部门办结"), out.get(0).reasons()::toString);
        assertTrue(out.stream().noneMatch(s -> s.code().equals("market-regulation") && s.score() > out.get(0).score()));
    }

    @Test
    void aLongNarrativeIsRoutedByItsTellingWordsNotItsBoilerplate() {
        String boilerplate = "来电人表示这个问题从上个月中旬就开始出现了，中间好过几天，最近又变得严重起来。"
                + "来电人白天上班不方便接电话，请在晚上六点以后回访。来电人要求对其个人信息保密，不要透露给被反映对象。";
        String[][] matters = {{"路口井盖丢失，晚上看不清", "urban-management"}, {"小区路灯不亮", "housing-construction"},
                {"饭店油烟扰民", "ecology-environment"}, {"超市卖过期食品", "market-regulation"},
                {"公交站台广告牌松动", "transport"}};
        long id = 0;
        for (String[] m : matters) {
            for (int i = 0; i < 3; i++) {
                suggester.learnHandled(++id, boilerplate + m[0], null, m[1]);
            }
        }

        assertEquals("urban-management", codes(boilerplate + "我们这里的井盖丢失了").get(0));
        assertEquals("market-regulation", codes(boilerplate + "超市里在卖过期食品").get(0));
    }

    @Test
    void returnsDemoteTheDepartmentThatSentTheMatterBack() {
        suggester.learnHandled(1, "楼顶水箱漏水，顶楼住户家里渗水", null, "housing-construction");
        suggester.learnHandled(2, "水箱漏水", null, "water");
        suggester.learnHandled(3, "楼顶水箱漏水，顶楼家里渗水好几天了", null, "housing-construction");
        String intake = "我们楼顶水箱漏水，顶楼住户家里渗水";
        assertEquals("housing-construction", codes(intake).get(0));

        suggester.learnReturned(4, "楼顶水箱漏水，顶楼住户家里渗水", "housing-construction");
        suggester.learnReturned(5, "楼顶的水箱漏水，顶楼住户渗水", "housing-construction");

        List<Suggestion> out = suggester.suggest(intake, null, 3);
        assertEquals("water", out.get(0).code());
        out.stream().filter(s -> s.code().equals("housing-construction")).findFirst().ifPresent(s ->
                assertTrue(s.reasons().stream().anyMatch(r -> r.contains("曾被该部门退回")), s.reasons()::toString));
    }

    @Test
    void aReturnCancelsTheSameTicketLearnedAsHandledByThatDepartment() {
        suggester.learnHandled(7, "小区路边的消火栓漏水，一直在冒水", null, "water");
        suggester.learnReturned(7, "小区路边的消火栓漏水，一直在冒水", "water");
        assertFalse(codes("消火栓漏水冒水").contains("water"));
    }

    @Test
    void aForgottenTicketNoLongerVotes() {
        suggester.learnHandled(1, "楼顶水箱漏水，顶楼住户家里渗水", null, "housing-construction");
        suggester.learnReturned(2, "楼顶水箱漏水，顶楼住户家里渗水", "water");
        String intake = "我们楼顶水箱漏水，顶楼住户家里渗水";
        assertEquals("housing-construction", codes(intake).get(0));
        suggester.forgetTicket(1);
        suggester.forgetTicket(2);
        assertTrue(suggester.suggest(intake, null, 3).stream()
                .noneMatch(s -> s.reasons().stream().anyMatch(r -> r.contains("工单"))), "no precedent left");
    }

    @Test
    void knowledgeBaseEntriesRouteToTheirDepartment() {
        suggester.learnKbEntry("birth-reward", "独生子女父母奖励金申领",
                "独生子女父母奖励金 每月发放 申领条件 所需材料 独生子女父母光荣证", "health");
        suggester.learnKbEntry("bus-card", "敬老卡办理", "敬老卡办理\n年满七十周岁老人 免费乘坐公交 办理材料 身份证", "transport");

        Suggestion top = suggester.suggest("独生子女奖励金怎么领", null, 3).get(0);
        assertEquals("health", top.code());
        assertEquals("热线百科条目《独生子女父母奖励金申领》的主管部门", top.reasons().get(0));

        Suggestion bus = suggester.suggest("老人免费乘坐公交要办什么卡", null, 3).get(0);
        assertEquals("transport", bus.code());
        assertEquals("热线百科条目《敬老卡办理》的主管部门", bus.reasons().get(0));

        suggester.forgetKbEntry("bus-card");
        assertTrue(codes("老人免费乘坐公交要办什么卡").isEmpty());
    }

    @Test
    void aTextAlreadyCutIntoWordsIsRoutedByItsOpeningOnly() {
        suggester.learnKbEntry("bus-card", "敬老卡办理", "敬老卡办理\n年满七十周岁老人 免费乘坐公交 办理材料 身份证", "transport");
        String matter = "老人免费乘坐公交要办什么卡。";
        String filler = "。".repeat(200);

        assertEquals(suggester.suggest(matter, null, 3), suggester.suggest(SegmentedText.of(matter), null, 3));
        assertEquals("transport", suggester.suggest(SegmentedText.of(matter + filler), null, 3).get(0).code());
        assertTrue(suggester.suggest(SegmentedText.of(filler + matter), null, 3).isEmpty(),
                "words after the opening 200 characters do not count, as for a plain string");
        assertTrue(suggester.suggest(filler + matter, null, 3).isEmpty());
    }

    @Test
    void rulesRouteAndAreReplacedWhole() {
        suggester.replaceRules(List.of(new RoutingRule("广场舞", null, "public-security", 1.0),
                new RoutingRule(null, "公积金", "housing-fund", 1.0)));
        Suggestion dance = suggester.suggest("晚上小区广场舞音响太响了", null, 3).get(0);
        assertEquals("public-security", dance.code());
        assertEquals(List.of("命中规则：关键词“广场舞”"), dance.reasons());
        assertEquals(0.5, dance.score(), 1e-9, "one rule of weight 1 against the fixed unexplained mass");

        Suggestion byCategory = suggester.suggest("想咨询一下", "公积金", 3).get(0);
        assertEquals("housing-fund", byCategory.code());
        assertEquals(List.of("命中规则：分类“公积金”"), byCategory.reasons());

        suggester.replaceRules(List.of(new RoutingRule("广场舞", null, "urban-management", 1.0)));
        assertEquals(List.of("urban-management"), codes("晚上小区广场舞音响太响了"));
        assertTrue(suggester.suggest("想咨询一下", "公积金", 3).isEmpty());
    }

    @Test
    void learningTheSameTicketAgainReplacesIt() {
        suggester.learnHandled(42, "小区燃气管道闻到一股煤气味", null, "water");
        suggester.learnHandled(42, "小区燃气管道闻到一股煤气味", null, "gas");

        List<Suggestion> out = suggester.suggest("楼道里有煤气味，是不是燃气管道漏了", null, 3);
        assertEquals(List.of("gas"), out.stream().map(Suggestion::code).toList());
        assertTrue(out.get(0).reasons().get(0).endsWith("工单 1 件由该部门办结"), out.get(0).reasons()::toString);
    }

    @Test
    void eachLearnCallIsVisibleToTheNextSuggest() {
        suggester.learnHandled(1, "中学门口的文具店卖烟给学生", null, "market-regulation");
        assertEquals("market-regulation", codes("学校门口小卖部卖烟给未成年学生").get(0));
        suggester.learnHandled(2, "学校门口小卖部向未成年学生卖烟", null, "public-security");
        suggester.learnHandled(3, "学校门口小卖部卖烟给未成年学生，屡教不改", null, "public-security");
        assertEquals("public-security", codes("学校门口小卖部卖烟给未成年学生").get(0));
    }

    @Test
    void returnsAtMostMaxBestFirstWithScoresBetweenZeroAndOne() {
        String[] depts = {"water", "power-grid", "gas", "urban-management"};
        for (int i = 0; i < depts.length; i++) {
            for (int j = 0; j <= i; j++) {
                suggester.learnHandled(i * 10L + j, "小区门口的设施坏了" + j + "次，没人来修", null, depts[i]);
            }
        }
        List<Suggestion> out = suggester.suggest("小区门口的设施坏了没人修", null, 2);
        assertEquals(2, out.size());
        assertEquals("urban-management", out.get(0).code());
        assertTrue(out.get(0).score() >= out.get(1).score());
        out.forEach(s -> assertTrue(s.score() > 0 && s.score() < 1, () -> "score " + s.score()));
        assertEquals(4, suggester.suggest("小区门口的设施坏了没人修", null, 10).size());
        assertTrue(suggester.suggest("小区门口的设施坏了没人修", null, 0).isEmpty());
    }

    @Test
    void blankOrMeaninglessInputGivesNoSuggestion() {
        suggester.replaceRules(DepartmentSuggester.defaultRules());
        suggester.learnHandled(1, "路灯不亮好几天了", null, "urban-management");
        for (String odd : new String[]{null, "", "   ", "？？？！！！", "嗯嗯", "……"}) {
            assertTrue(suggester.suggest(odd, null, 3).isEmpty(), () -> "for input " + odd);
        }
        assertTrue(suggester.suggest((String) null, "  ", 3).isEmpty());
    }

    @Test
    void learnedHistorySurvivesReopeningTheDirectory() throws IOException {
        suggester.learnHandled(1, "自来水发黄有铁锈味", null, "water");
        suggester.close();
        suggester = new DepartmentSuggester(dir);
        assertEquals(List.of("water"), codes("早上放出来的自来水发黄"));
    }

    @Test
    void learnAndSuggestFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        suggester.learnHandled(thread * 1000L + i, "楼下烧烤店油烟呛人第" + i + "天", null, "urban-management");
                        suggester.suggest("楼下烧烤店的油烟太呛", null, 3);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Suggestion top = suggester.suggest("楼下烧烤店的油烟太呛", null, 3).get(0);
        assertEquals("urban-management", top.code());
        assertTrue(top.reasons().get(0).startsWith("类似工单 "), top.reasons()::toString);
    }
}
