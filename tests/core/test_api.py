"""The public API: queries and validated changes, as a Python developer uses them."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from conftest import open_ws

import unioncore
from unioncore import Period, ValidationError
from unioncore.ledger import BudgetLine
from unioncore.member import Status


@pytest.fixture
def ws(make_workspace):  # type: ignore[no-untyped-def]
    root = make_workspace(
        {
            "orgs/A/members.toml": """
                [[member]]
                id = "M1"
                name = "张三"
                gender = "女"
                id_number = "11010519491231002X"
                joined = 2020-01-01
            """
        }
    )
    w, _ = open_ws(root)
    return w


def fields(err: pytest.ExceptionInfo[ValidationError]) -> set[object]:
    return {p.path[0] for p in err.value.problems if p.path}


def test_add_member_checks_each_field(ws) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        ws.add_member("A", id="M1", name="", phone="123", gender="男", id_number="11010519491231002X")
    assert {"id", "name", "phone"} <= fields(err)
    assert any("公民身份号码与会员 M1 张三 重复" in p.message for p in err.value.problems)
    with pytest.raises(ValidationError) as err:
        ws.add_member("F", id="M2", name="李四")
    assert "会员应登记在基层工会" in err.value.problems[0].message
    with pytest.raises(ValidationError):
        ws.add_member("NOPE", id="M2", name="李四")


def test_status_changes_are_dated_history(ws) -> None:  # type: ignore[no-untyped-def]
    ws.retire_member("M1", datetime.date(2026, 5, 1))
    m = ws.member("M1")
    assert m.status is Status.RETIRED and m.history[-1].kind.value == "退休"
    assert m.status_on(datetime.date(2026, 4, 30)) is Status.ACTIVE
    assert m.status_on(datetime.date(2026, 5, 2)) is Status.RETIRED
    with pytest.raises(ValidationError):
        ws.retire_member("M1", datetime.date(2026, 6, 1))
    with pytest.raises(ValidationError):
        ws.transfer_member("M1", "A", datetime.date(2026, 6, 1))


def test_leave_and_transfer_out(ws) -> None:  # type: ignore[no-untyped-def]
    ws.add_member("A", id="M2", name="李四", joined=datetime.date(2021, 1, 1))
    ws.transfer_member("M2", None, datetime.date(2026, 2, 1), to_outside="外区某公司工会")
    assert ws.member("M2").status is Status.TRANSFERRED_OUT
    assert ws.member("M2").status_on(datetime.date(2026, 1, 31)) is Status.ACTIVE
    ws.leave_member("M1", datetime.date(2026, 3, 1), note="本人申请")
    assert [m.id for m in ws.members_of("A", status=Status.ACTIVE)] == []


def test_events_and_ledger_queries(ws) -> None:  # type: ignore[no-untyped-def]
    ws.add_event(
        "A",
        id="E1",
        type="education",
        title="培训",
        start=datetime.date(2026, 3, 1),
        participants=["M1"],
        hours=3,
    )
    with pytest.raises(ValidationError) as err:
        ws.add_event("A", id="E1", type="education", title="重复", start=datetime.date(2026, 3, 2), hours="3")
    assert {"id", "hours"} <= fields(err)
    ws.add_entry(
        "A", voucher="1", date=datetime.date(2026, 3, 1), account="50101", amount="120.00", event="E1"
    )
    with pytest.raises(ValidationError) as err:
        ws.add_entry("A", voucher="1", date=datetime.date(2026, 3, 2), account="50101", amount=Decimal("-5"))
    assert {"voucher", "amount"} <= fields(err)
    with pytest.raises(ValidationError) as err:
        ws.add_entry("A", voucher="2", date=datetime.date(2026, 3, 2), account="59999", amount="5.00")
    assert fields(err) == {"account"}
    assert [e.title for e in ws.events_of(type="education", period=Period.year(2026))] == ["培训"]
    assert [e.voucher for e in ws.ledger(org="A", account="501")] == ["1"]
    assert ws.balance("A", "102", 2026) == Decimal("-120.00")
    ws.update_event("E1", start=datetime.date(2025, 12, 1))
    assert "orgs/A/events/2025.toml" in ws.dirty_files


def test_budget_and_opening(ws) -> None:  # type: ignore[no-untyped-def]
    ws.set_opening("A", 2026, {"102": Decimal("500.00")})
    ws.set_budget("A", 2026, [BudgetLine("50101", Decimal("800")), BudgetLine("50102", Decimal("200"))])
    assert ws.budget("A", 2026).amount_for("501") == Decimal("1000")
    assert ws.balance("A", "102", 2026) == Decimal("500.00")
    with pytest.raises(ValidationError):
        ws.set_budget("A", 2026, [BudgetLine("999", Decimal("1"))])
    written = ws.save()
    assert written == ["orgs/A/budget/2026.toml", "orgs/A/ledger/2026.toml"]
    again, problems = unioncore.load(ws.root)
    assert again.budget("A", 2026).amount_for("50102") == Decimal("200")
    assert not [p for p in problems if p.is_error]


def test_descendants_count_an_org_under_two_federations_once(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(
        {
            "orgs/I/organisation.toml": '[organisation]\ncode = "I"\nname = "餐饮行业工会联合会"\nkind = "行业工会联合会"\nparent = "F"\n',
            "orgs/A/organisation.toml": '[organisation]\ncode = "A"\nname = "甲"\nkind = "基层工会"\nparent = "F"\nalso_under = ["I"]\n',
        }
    )
    ws, problems = open_ws(root)
    assert not [p for p in problems if p.is_error]
    assert sorted(o.code for o in ws.descendants("F")) == ["A", "I"]
    assert [o.code for o in ws.children("I")] == ["A"]


def test_update_and_remove_entries(ws) -> None:  # type: ignore[no-untyped-def]
    ws.add_entry("A", voucher="1", date=datetime.date(2026, 3, 1), account="50101", amount="120.00")
    ws.add_entry("A", voucher="2", date=datetime.date(2026, 3, 2), account="401", amount="50.00")
    e = ws.update_entry("A:2026:1", amount="130.00", memo="改正金额")
    assert (e.amount, e.memo) == (Decimal("130.00"), "改正金额")
    with pytest.raises(ValidationError) as err:
        ws.update_entry("A:2026:1", voucher="2")
    assert fields(err) == {"voucher"}
    with pytest.raises(ValidationError):
        ws.update_entry("A:2026:1", amount=0.5)
    ws.update_entry("A:2026:2", date=datetime.date(2025, 12, 31))
    assert ws.entry("A:2025:2") is not None and ws.entry("A:2026:2") is None
    ws.remove_entry("A:2026:1")
    assert ws.ledger(org="A", year=2026) == []
    assert sorted(ws.save()) == ["orgs/A/ledger/2025.toml", "orgs/A/ledger/2026.toml"]
    again, _ = open_ws(ws.root)
    assert [e.ref for e in again.ledger(org="A")] == ["A:2025:2"]


def test_category_fields_on_add_and_update(ws) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        ws.add_member("A", id="M7", name="劳模甲", categories=["model_worker"])
    assert fields(err) == {"model_worker"}
    m = ws.add_member(
        "A", id="M7", name="劳模甲", categories=["model_worker"], model_worker={"level": "市级"}
    )
    assert m.category_data["model_worker"]["level"] == "市级"
    with pytest.raises(ValidationError):
        ws.update_member("M7", model_worker={"level": "宇宙级"})
    m = ws.update_member("M7", categories=[])
    assert m.category_data == {}


def test_organisations_and_re_election(ws) -> None:  # type: ignore[no-untyped-def]
    from unioncore.organisation import CommitteeKind, CommitteeSeat

    with pytest.raises(ValidationError) as err:
        ws.add_organisation(code="B/1", name="乙", kind="基层工会", parent="NOPE", uscc="91110000600037342L")
    assert {"code", "parent", "uscc"} <= fields(err)
    ws.add_organisation(code="B", name="乙公司工会", kind="基层工会", parent="F")
    with pytest.raises(ValidationError) as err:
        ws.update_organisation("F", parent="B")  # F above B above F: a loop
    assert fields(err) == {"parent"}
    org = ws.update_organisation("B", employees=30, name="乙公司工会委员会")
    assert (org.name, org.employees) == ("乙公司工会委员会", 30)
    with pytest.raises(ValidationError):
        ws.add_committee("B", "工会委员会", datetime.date(2026, 1, 1), datetime.date(2025, 1, 1))
    ws.add_committee(
        "B",
        CommitteeKind.UNION,
        datetime.date(2021, 1, 1),
        datetime.date(2023, 12, 31),
        [CommitteeSeat("主席", name="王五")],
    )
    ws.add_committee(
        "B",
        "工会委员会",
        datetime.date(2024, 1, 1),
        datetime.date(2026, 12, 31),
        [CommitteeSeat("主席", "M1")],
    )
    current = ws.org("B").committee(CommitteeKind.UNION)
    assert current is not None and current.term_start == datetime.date(2024, 1, 1)
    ws.save()
    again, problems = open_ws(ws.root)
    assert len(again.org("B").committees) == 2 and again.org("B").employees == 30
    assert not [p for p in problems if p.is_error]


def test_covered_units_are_added_changed_and_removed_through_the_core(make_workspace) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from unioncore import ValidationError

    ws, _ = open_ws(make_workspace())
    bad = ws.enterprise_field_errors({"name": "丙厂", "uscc": "91110000600037341X", "union": "NOPE"})
    assert {f for f, _ in bad} == {"uscc", "union"}
    assert any("校验" in m or "信用代码" in m for f, m in bad if f == "uscc")
    with pytest.raises(ValidationError):
        ws.set_enterprise("F", None, name="丙厂", union="NOPE")
    assert ws.org("F").enterprises == ()
    unit = ws.set_enterprise("F", None, name="丙厂", employees=30, union="A")
    assert unit.unionised and ws.org("F").enterprises == (unit,)
    changed = ws.set_enterprise("F", 0, name="丙厂", employees=35, required=False)
    assert ws.org("F").enterprises == (changed,) and not changed.required and changed.union is None
    ws.save()
    text = (ws.root / "orgs/F/organisation.toml").read_text(encoding="utf-8")
    assert 'name = "丙厂"' in text and "employees = 35" in text and "required = false" in text
    assert ws.remove_enterprise("F", 0) == changed and ws.org("F").enterprises == ()


def test_correcting_the_current_committee_replaces_it_in_place(make_workspace) -> None:  # type: ignore[no-untyped-def]
    import datetime

    from unioncore.organisation import CommitteeKind, CommitteeSeat

    ws, _ = open_ws(make_workspace())
    start = datetime.date(2021, 1, 1)
    first = ws.add_committee(
        "A", "工会委员会", start, datetime.date(2024, 1, 1), [CommitteeSeat("主席", None, "赵一")]
    )
    second = ws.add_committee("A", "工会委员会", datetime.date(2024, 1, 1), datetime.date(2027, 1, 1))
    assert ws.org("A").committees == (first, second)  # 换届: the earlier term stays as history
    fixed = ws.add_committee(
        "A",
        "工会委员会",
        datetime.date(2024, 1, 2),
        datetime.date(2027, 1, 2),
        [CommitteeSeat("主席", None, "钱二")],
        correct=True,
    )
    assert ws.org("A").committees == (first, fixed)
    assert ws.org("A").committee(CommitteeKind("工会委员会")) == fixed
    # nothing to correct yet: recorded as the first term
    audit = ws.add_committee("A", "经费审查委员会", start, datetime.date(2026, 1, 1), correct=True)
    assert ws.org("A").committees == (first, fixed, audit)
