package cn.nantong.hotline.web;

import cn.nantong.hotline.kb.KbViews;

import java.util.List;

/** What the public 热线百科 pages show, shaped for the templates rather than for the JSON API. */
public final class KbPageViews {

    private KbPageViews() {
    }

    /** The home page: every category with its entry count, for browsing without a search. */
    public record Home(List<KbViews.Category> categories, long entries) {
    }

    /** One search as typed; {@code category} is empty when the search covers all categories. */
    public record Results(String q, String category, long total, List<KbViews.Hit> hits) {

        public boolean filtered() {
            return !category.isEmpty();
        }
    }

    /**
     * How an entry page points to doing it online: {@code guide} when the body has a 网上办理 section to jump
     * to, {@code link} (or null) the service address that section names.
     */
    public record Online(boolean guide, String link) {
    }

    public record CategoryListing(String name, List<KbViews.EntrySummary> entries) {
    }

    /** A refusal the citizen can act on; never carries a stack trace. */
    public record Failure(int status, String heading, String message) {
    }
}
