package cn.nantong.hotline.kb;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.directory.Directory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** Editors' changes to entries: each one a new version, guarded against lost updates by the version number. */
@ApplicationScoped
public class KbEditService {

    private final Clock clock;
    private final KbFileParser rules;

    KbEditService(Clock clock, Directory directory) {
        this.clock = clock;
        this.rules = new KbFileParser(directory::isDepartment);
    }

    @Transactional
    public KbEntry create(KbDocument doc, String by, String note) {
        check(doc);
        if (KbEntry.findById(doc.id()) != null) {
            throw ProblemException.conflict("条目 id '" + doc.id() + "' 已存在，请换一个 id 或编辑已有条目。");
        }
        KbEntry entry = new KbEntry();
        entry.id = doc.id();
        KbEntryVersion v = entry.apply(doc, false, KbEntry.Source.EDITOR, by, clock.instant(), note);
        entry.persist();
        v.persist();
        return entry;
    }

    @Transactional
    public KbEntry update(String id, KbDocument doc, int expectedVersion, String by, String note) {
        if (!id.equals(doc.id())) {
            throw ProblemException.badRequest("id", "正文中的 id '" + doc.id() + "' 与地址中的 id '" + id + "' 不一致。");
        }
        check(doc);
        KbEntry entry = current(id, expectedVersion);
        entry.apply(doc, false, KbEntry.Source.EDITOR, by, clock.instant(), note).persist();
        return entry;
    }

    @Transactional
    public KbEntry retire(String id, int expectedVersion, String by, String note) {
        KbEntry entry = current(id, expectedVersion);
        if (entry.retired) {
            throw ProblemException.conflict("条目 '" + id + "' 已经下线。");
        }
        entry.apply(entry.toDocument(), true, KbEntry.Source.EDITOR, by, clock.instant(), note).persist();
        return entry;
    }

    private KbEntry current(String id, int expectedVersion) {
        KbEntry entry = KbEntry.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            throw ProblemException.notFound("没有 id 为 '" + id + "' 的热线百科条目。");
        }
        if (entry.version != expectedVersion) {
            throw ProblemException.conflict("条目 '" + id + "' 已被修改（当前第 " + entry.version + " 版，您编辑的是第 "
                    + expectedVersion + " 版），请刷新后重新编辑。");
        }
        return entry;
    }

    private void check(KbDocument doc) {
        try {
            rules.validate(doc);
        } catch (KbFileParser.InvalidEntryException e) {
            throw ProblemException.badRequest(e.field(), "条目不符合要求：" + e.getMessage());
        }
    }
}
