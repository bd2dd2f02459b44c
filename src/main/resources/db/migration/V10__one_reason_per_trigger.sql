-- A supervision case keeps one reason per trigger kind, reasons[i] explaining triggers[i], the latest figure
-- replacing the older one (SupervisionCase.addTriggers). Before, every report of an escalated problem appended
-- its own count ("被反映 4 次", "被反映 5 次", ...); keep the newest reason of each kind, matched by the wording
-- EscalationRules gives each kind.
update supervision_case c
set reasons = (
    select array_agg(coalesce(latest.reason, k.kind) order by k.pos)
    from unnest(c.triggers) with ordinality as k(kind, pos)
    left join lateral (
        select r.reason
        from unnest(c.reasons) with ordinality as r(reason, pos)
        where r.reason like case k.kind
            when 'HOT' then '%位不同来电人%'
            when 'LOOP' then '%答复已办结后%'
            when 'REPEATED' then '%同一问题被反映%'
            when 'BUCK_PASSING' then '%先后退单%'
            when 'UNSATISFIED' then '%次不满意%'
            when 'LONG_RED' then '%亮红灯超过%'
        end
        order by r.pos desc
        limit 1
    ) latest on true
)
where cardinality(c.triggers) > 0 and cardinality(c.reasons) <> cardinality(c.triggers);
