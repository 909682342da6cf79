"""The member search index: names, pinyin, initials, 身份证 tail, member ids."""

from __future__ import annotations

from tuikit import LI_SI, ZENG, ZHANG_SAN
from unioncore_tui.search import MemberIndex, name_keys

from unioncore.member import Member, Status


def members() -> list[Member]:
    return [
        Member("M0001", "张三", "A", id_number=ZHANG_SAN),
        Member("M0002", "李四", "A", id_number=LI_SI, status=Status.RETIRED),
        Member("M0003", "曾小明", "B", id_number=ZENG, categories=("migrant_worker",)),
        Member("M0004", "张珊珊", "B"),
    ]


def index() -> MemberIndex:
    idx = MemberIndex(members())
    idx.fill_pinyin()
    return idx


def test_initials_find_zhang_san() -> None:
    assert index().find("zs") == ["M0001", "M0004"]


def test_full_pinyin_and_name() -> None:
    idx = index()
    assert idx.find("zhangsan") == ["M0001"]
    assert idx.find("zhangshan") == ["M0004"]
    assert idx.find("lisi") == ["M0002"]
    assert idx.find("张三") == ["M0001"]
    assert idx.find("小明") == ["M0003"]


def test_surname_reading_of_zeng() -> None:
    # 曾 reads céng in words but zēng as a surname; both spellings find 曾小明
    assert "zengxiaoming" in name_keys("曾小明") and "cengxiaoming" in name_keys("曾小明")
    assert index().find("zxm") == ["M0003"]


def test_last_digits_of_the_id_number() -> None:
    idx = index()
    assert idx.find(ZHANG_SAN[-4:]) == ["M0001"]
    assert idx.find(LI_SI[-6:].lower()) == ["M0002"]


def test_member_id() -> None:
    assert index().find("m0003") == ["M0003"]


def test_narrowing_is_only_used_where_it_is_correct() -> None:
    idx = index()
    pool = list(range(len(idx)))
    # an id-number tail is matched at the end: "12" then "123" are not narrowed from each other
    for tail in (ZENG[-1:], ZENG[-2:], ZENG[-3:], ZHANG_SAN[-2:]):
        expected = [m.id for m in members() if (m.id_number or "").endswith(tail) or tail in m.id]
        assert [idx.ids[i] for i in idx.search(tail, pool)] == expected
    assert [idx.ids[i] for i in idx.search("z", pool)] == ["M0001", "M0003", "M0004"]
    assert [idx.ids[i] for i in idx.search("zs", pool)] == ["M0001", "M0004"]


def test_filters_and_updates() -> None:
    idx = index()
    assert [idx.ids[i] for i in idx.candidates(orgs={"B"})] == ["M0003", "M0004"]
    assert [idx.ids[i] for i in idx.candidates(statuses={Status.RETIRED})] == ["M0002"]
    assert [idx.ids[i] for i in idx.candidates(category="migrant_worker")] == ["M0003"]
    idx.update(Member("M0005", "王五", "A"))
    idx.update(Member("M0001", "张三丰", "B"))
    assert idx.find("ww") == ["M0005"]
    assert idx.find("zsf") == ["M0001"]
    assert [idx.ids[i] for i in idx.candidates(orgs={"B"})] == ["M0001", "M0003", "M0004"]


def test_before_pinyin_is_filled_ids_and_names_still_match() -> None:
    idx = MemberIndex(members())
    assert idx.find("zs") == []
    assert idx.find("张") == ["M0001", "M0004"]
    assert idx.find("m0002") == ["M0002"]
