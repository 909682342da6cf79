"""What the core and plugins register: event types, member categories, record collections, rules,
figures, report sections and TUI panels. Plain attrs classes, so a plugin needs nothing else."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from .problems import Severity
from .schema import Field


@attrs.frozen
class EventType:
    """A kind of activity; `fields` are its own keys, stored flat in the event's table."""

    id: str
    label: str
    fields: tuple[Field, ...] = ()
    account: str | None = None  # where its spending usually goes, e.g. "50102"
    plugin: str | None = None


@attrs.frozen
class MemberCategory:
    """A member category (农民工, 劳模 …); its `fields` live in a table named after its id."""

    id: str
    label: str
    fields: tuple[Field, ...] = ()
    plugin: str | None = None


@attrs.frozen
class Collection:
    """Records a plugin owns, stored under `plugins/<plugin>/` in the workspace.

    `table` is the array-of-tables name in the files (`[[hazard]]`); records are keyed by `key`
    (unique within the collection). `default_file` names the file a new record goes to, relative to
    the plugin's folder (it may use the record's values, e.g. its year).
    """

    name: str
    label: str
    fields: tuple[Field, ...]
    key: str = "id"
    default_file: Callable[[Mapping[str, Any]], str] | str = "records.toml"
    plugin: str | None = None

    @property
    def table(self) -> str:
        return self.name

    def file_for(self, values: Mapping[str, Any]) -> str:
        if callable(self.default_file):
            return self.default_file(values)
        return self.default_file


@attrs.frozen
class Rule:
    """A check that can be switched off or re-levelled in `unioncore.toml` under [rules]."""

    code: str
    title: str
    severity: Severity = Severity.ERROR
    source: str | None = None
    plugin: str | None = None


@attrs.frozen
class Period:
    start: datetime.date
    end: datetime.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, datetime.date) and self.start <= day <= self.end

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @property
    def label(self) -> str:
        if (
            self.start.month == 1
            and self.start.day == 1
            and self.end == datetime.date(self.start.year, 12, 31)
        ):
            return f"{self.start.year}年"
        return f"{self.start.isoformat()} 至 {self.end.isoformat()}"


Value = int | Decimal


@attrs.frozen
class Figure:
    """One statistic with the records behind it (`refs`, e.g. "member:M0001", "entry:ORG:2026:记-1").

    A figure no record supports is never printed in a report (its refs are empty and value 0).

    `group` names the area (会员, 活动, 经费 or the plugin's), `unit` is 人, 次, 元, % …
    """

    key: str
    label: str
    value: Value
    unit: str = ""
    group: str = ""
    refs: tuple[str, ...] = ()
    note: str = ""
    plugin: str | None = None

    def formatted(self) -> str:
        if isinstance(self.value, Decimal):
            if self.unit == "元":
                text = f"{self.value:,.2f}"
            elif self.unit == "%":
                text = f"{self.value:.1f}"
            else:
                text = f"{self.value.normalize():f}"
        else:
            text = f"{self.value:,}"
        return f"{text}{self.unit}"


@attrs.frozen
class ReportSection:
    """A section of the year-end 工作总结: a title and paragraphs whose figures are `figures`."""

    title: str
    paragraphs: tuple[str, ...]
    figures: tuple[Figure, ...] = ()
    order: int = 100
    plugin: str | None = None


@attrs.frozen
class TuiPanel:
    """A tab the TUI shows. `factory(workspace)` returns a Textual widget; the core never calls it."""

    id: str
    title: str
    factory: Callable[[Any], Any]
    plugin: str | None = None
