"""职工书屋借阅 (book corner lending): a third-party unioncore plugin, registered through the
entry-point group `unioncore` exactly like the built-in plugins."""

from __future__ import annotations

from typing import Any

from unioncore import (
    Collection,
    EventType,
    Field,
    Figure,
    Kind,
    Period,
    Problem,
    Rule,
    Severity,
    hookimpl,
)

LENDING = "book_lending"


@hookimpl
def unioncore_event_types() -> list[EventType]:
    return [
        EventType(
            LENDING,
            "职工书屋借阅",
            (
                Field("books", Kind.INT, label="借出册数", required=True, minimum=0),
                Field("readers", Kind.INT, label="借阅人数", minimum=0),
            ),
            account="50304",
        )
    ]


@hookimpl
def unioncore_collections() -> list[Collection]:
    return [
        Collection(
            "book",
            "书屋藏书",
            (
                Field("id", label="编号", required=True),
                Field("title", label="书名", required=True),
                Field("copies", Kind.INT, label="册数", minimum=1),
                Field("donor", label="捐赠人", ref="member"),
            ),
            default_file="books.toml",
        )
    ]


@hookimpl
def unioncore_rules() -> list[Rule]:
    return [Rule("bookcorner.over-lent", "借出册数不超过书屋藏书", Severity.WARNING, "书屋管理制度")]


def _holdings(workspace: Any) -> int:
    return sum(int(b.get("copies") or 1) for b in workspace.records_of("book"))


@hookimpl
def unioncore_validate(workspace: Any) -> list[Problem]:
    held = _holdings(workspace)
    return [
        workspace.problem_at(
            "event",
            e.id,
            f"借出 {e.fields['books']} 册，超过书屋藏书 {held} 册",
            field="books",
            severity=Severity.WARNING,
            rule="bookcorner.over-lent",
        )
        for e in workspace.events_of(type=LENDING)
        if e.fields.get("books", 0) > held
    ]


@hookimpl
def unioncore_statistics(workspace: Any, period: Period) -> list[Figure]:
    events = workspace.events_of(type=LENDING, period=period)
    refs = tuple(f"event:{e.id}" for e in events)
    return [
        Figure(
            "bookcorner.books_lent",
            "书屋借出图书",
            sum(e.fields.get("books", 0) for e in events),
            "册",
            "职工书屋",
            refs,
        ),
        Figure(
            "bookcorner.holdings",
            "书屋藏书",
            _holdings(workspace),
            "册",
            "职工书屋",
            tuple(f"book:{b.key}" for b in workspace.records_of("book")),
        ),
    ]
