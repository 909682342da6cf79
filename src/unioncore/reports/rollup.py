"""逐级汇总 (roll-up): a federation sums the 统计年报 its lower unions export as TOML.

    report, problems = rollup_files(["a.toml", "b.toml", "c.toml"], code="QX", name="某区总工会")

Checks, each an error that stops the roll-up (nothing is written):
- a union counted twice: the same organisation (same 统一社会信用代码, else same code and name) in
  two files — the same file given twice, or a federation's file given with one of its unions';
- periods that do not match (a file for another year, or another statistical period);
- totals that disagree with their parts in a file (e.g. 会员总数 ≠ 女会员 + 男会员), a rate that
  its own numerator and denominator do not give, the same key with two units.

Counts and amounts are summed. Rates are never summed: they are recomputed from the summed
numerators and denominators; a rate (or an average, a share) that does not carry them is left out,
with a warning. The result is itself a 统计年报 (TOML, md, xlsx or docx) and can be rolled up again
one level higher; each figure lists the lower unions and their values (`sources`).
"""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs

from ..problems import Problem, Severity
from ..registry import Figure, Period
from ..stats import percent
from .model import OrgRef, Ratio, Report
from .render_toml import FORMAT, FORMAT_VERSION
from .statistics import parts_of, statistics_blocks

Number = int | Decimal
NON_ADDITIVE_WORDS = ("率", "平均", "比例", "占比", "比重")


@attrs.frozen
class Source:
    code: str
    name: str
    value: Number


@attrs.frozen
class ExportedFigure:
    key: str
    label: str
    value: Number
    unit: str = ""
    group: str = ""
    records: int = 0
    note: str = ""
    plugin: str = ""
    parts: tuple[str, ...] = ()
    numerator: Number | None = None
    denominator: Number | None = None
    sources: tuple[Source, ...] = ()

    @property
    def additive(self) -> bool:
        """Counts and amounts add up; rates, shares and averages do not."""
        return self.unit != "%" and not any(w in self.label for w in NON_ADDITIVE_WORDS)


@attrs.frozen
class StatExport:
    """A 统计年报 read back from its TOML export."""

    path: str
    org: OrgRef
    period: Period
    covers: tuple[OrgRef, ...]
    figures: dict[str, ExportedFigure] = attrs.field(eq=False)
    title: str = ""


def _number(value: object) -> Number | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            d = Decimal(value)
        except InvalidOperation:
            return None
        return d if d.is_finite() else None
    return None


def read_export(path: str | Path) -> tuple[StatExport | None, list[Problem]]:
    """Read a 统计年报 TOML (from `unioncore report --format toml` or a roll-up)."""
    rel = str(path)

    def bad(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(message, file=rel, rule="rollup.file")]

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return bad("文件不存在")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return bad(f"不是有效的 TOML 文件：{exc}")
    if data.get("format") != FORMAT:
        return bad('不是 unioncore 导出的报表（缺少 format = "unioncore-report"）')
    if data.get("format_version") != FORMAT_VERSION:
        return bad(f"报表格式版本为 {data.get('format_version')}，本程序只能读取版本 {FORMAT_VERSION}")
    if data.get("kind") != "statistics":
        return bad(f"这是“{data.get('kind')}”报表，汇总只能使用统计年报（report --kind stats --format toml）")
    period = data.get("period", {})
    start, end = period.get("start"), period.get("end")
    if not isinstance(start, datetime.date) or not isinstance(end, datetime.date):
        return bad("缺少统计期（[period] start / end）")
    org = data.get("org", {})
    covers = tuple(
        OrgRef(str(c.get("code", "")), str(c.get("name", "")), str(c.get("uscc", "")))
        for c in data.get("covers", [])
        if isinstance(c, dict)
    )
    figures: dict[str, ExportedFigure] = {}
    problems: list[Problem] = []
    for i, f in enumerate(data.get("figure", [])):
        key = f.get("key") if isinstance(f, dict) else None
        value = _number(f.get("value")) if isinstance(f, dict) else None
        if not isinstance(key, str) or value is None:
            problems.append(Problem(f"第 {i + 1} 个指标缺少编号或数值不是数字", file=rel, rule="rollup.file"))
            continue
        figures[key] = ExportedFigure(
            key=key,
            label=str(f.get("label", key)),
            value=value,
            unit=str(f.get("unit", "")),
            group=str(f.get("group", "")),
            records=int(f.get("records", 0) or 0),
            note=str(f.get("note", "")),
            plugin=str(f.get("plugin", "")),
            parts=tuple(str(p) for p in f.get("parts", [])),
            numerator=_number(f.get("numerator")),
            denominator=_number(f.get("denominator")),
            sources=tuple(
                Source(str(s.get("code", "")), str(s.get("name", "")), _number(s.get("value")) or 0)
                for s in f.get("sources", [])
                if isinstance(s, dict)
            ),
        )
    export = StatExport(
        path=rel,
        org=OrgRef(str(org.get("code", "")), str(org.get("name", ""))),
        period=Period(start, end),
        covers=covers,
        figures=figures,
        title=str(data.get("title", "")),
    )
    return export, problems


def _rate(num: Number, den: Number) -> Decimal:
    if isinstance(num, int) and isinstance(den, int):
        return percent(num, den)
    if not den:
        return Decimal(0)
    return (Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def check_export(export: StatExport) -> list[Problem]:
    """Totals against their parts, and rates against their own numerator and denominator."""
    out = []
    for f in export.figures.values():
        if f.parts:
            total = sum((export.figures[p].value for p in f.parts if p in export.figures), start=0)
            if total != f.value:
                out.append(
                    Problem(
                        f"“{f.label}”（{f.key}）为 {f.value}，但分项之和为 {total}：合计与分项不符",
                        file=export.path,
                        rule="rollup.parts",
                    )
                )
        if f.numerator is not None and f.denominator is not None:
            expected = _rate(f.numerator, f.denominator)
            if expected != f.value:
                out.append(
                    Problem(
                        f"“{f.label}”（{f.key}）为 {f.value}%，但按分子 {f.numerator} ÷ 分母 {f.denominator} 应为 {expected}%",
                        file=export.path,
                        rule="rollup.rate",
                    )
                )
    return out


def _checks(exports: Sequence[StatExport]) -> list[Problem]:
    problems: list[Problem] = []
    first = exports[0]
    for e in exports[1:]:
        if e.period != first.period:
            problems.append(
                Problem(
                    f"统计期 {e.period.start} 至 {e.period.end} 与 {first.path} 的 "
                    f"{first.period.start} 至 {first.period.end} 不一致",
                    file=e.path,
                    rule="rollup.period",
                )
            )
    for i, e in enumerate(exports):
        mine = {o.identity: o for o in e.covers or (e.org,)}
        for earlier in exports[:i]:
            if Path(earlier.path).resolve() == Path(e.path).resolve():
                problems.append(
                    Problem(
                        f"此文件重复给出（与第 {exports.index(earlier) + 1} 个相同）",
                        file=e.path,
                        rule="rollup.duplicate",
                    )
                )
                break
            both = [mine[o.identity] for o in earlier.covers or (earlier.org,) if o.identity in mine]
            if both:
                shown = "、".join(f"{o.name}（{o.code}）" for o in both[:3]) + ("等" if len(both) > 3 else "")
                problems.append(
                    Problem(
                        f"{shown}{len(both)} 个组织也在 {earlier.path} 中，会被重复计算：一个下级工会只能报送一次",
                        file=e.path,
                        rule="rollup.duplicate",
                    )
                )
    units: dict[str, tuple[str, str]] = {}
    for e in exports:
        problems += check_export(e)
        for f in e.figures.values():
            known = units.setdefault(f.key, (f.unit, e.path))
            if known[0] != f.unit:
                problems.append(
                    Problem(
                        f"“{f.label}”（{f.key}）的单位是“{f.unit}”，而 {known[1]} 中是“{known[0]}”",
                        file=e.path,
                        rule="rollup.unit",
                    )
                )
    return problems


def _add(a: Number, b: Number) -> Number:
    if isinstance(a, int) and isinstance(b, int):
        return a + b
    return Decimal(a) + Decimal(b)


def rollup(
    exports: Sequence[StatExport], code: str = "", name: str = "汇总"
) -> tuple[Report | None, list[Problem]]:
    """Sum the lower unions' 统计年报; None (and the errors) when a check fails."""
    if not exports:
        return None, [Problem("没有要汇总的文件", rule="rollup.file")]
    problems = _checks(exports)
    if any(p.is_error for p in problems):
        return None, problems
    keys: list[str] = []
    for e in exports:
        keys += [k for k in e.figures if k not in keys]
    figures: list[Figure] = []
    ratios: dict[str, Ratio] = {}
    extra: dict[str, dict[str, Any]] = {}
    not_summed: list[str] = []
    for key in keys:
        present = [(e, e.figures[key]) for e in exports if key in e.figures]
        first = present[0][1]
        sources = tuple(Source(e.org.code, e.org.name, f.value) for e, f in present)
        note = "" if len(present) == len(exports) else f"{len(present)}/{len(exports)} 个单位报送了此项"
        if all(f.numerator is not None and f.denominator is not None for _, f in present):
            num: Number = 0
            den: Number = 0
            for _, f in present:
                assert f.numerator is not None and f.denominator is not None
                num, den = _add(num, f.numerator), _add(den, f.denominator)
            value: Number = _rate(num, den)
            ratios[key] = Ratio(num, den)
            note = f"由 {len(present)} 个单位的分子之和 {num} ÷ 分母之和 {den} 重新计算" + (
                f"；{note}" if note else ""
            )
        elif not first.additive:
            not_summed.append(f"{first.label}（{key}）")
            continue
        else:
            value = 0
            for _, f in present:
                value = _add(value, f.value)
        records = sum(f.records for _, f in present)
        if not records:
            continue
        figures.append(
            Figure(
                key,
                first.label,
                value,
                first.unit,
                first.group,
                tuple(f"export:{e.org.code or e.path}" for e, _ in present),
                note=note,
                plugin=first.plugin or None,
            )
        )
        extra[key] = {
            "records": records,
            "sources": [
                {
                    "code": s.code,
                    "name": s.name,
                    "value": s.value if isinstance(s.value, int) else str(s.value),
                }
                for s in sources
            ],
        }
    if not_summed:
        problems.append(
            Problem(
                f"{len(not_summed)} 项是比率或平均数，报表中没有它们的分子和分母，不能相加，未汇总："
                + "、".join(not_summed),
                severity=Severity.WARNING,
                rule="rollup.not-additive",
            )
        )
    period = exports[0].period
    covers: list[OrgRef] = []
    for e in exports:
        covers += list(e.covers or (e.org,))
    printed = {f.key for f in figures}
    parts: dict[str, tuple[str, ...]] = {}
    for e in exports:
        for f in e.figures.values():
            if f.parts and f.key in printed:
                merged = list(parts.get(f.key, ()))
                merged += [p for p in f.parts if p not in merged and p in printed]
                parts[f.key] = tuple(merged)
    names = "、".join(e.org.name or e.path for e in exports)
    blocks = statistics_blocks(
        period,
        figures,
        ratios,
        f"本表由 {len(exports)} 个单位报送的统计年报汇总：{names}。比率由分子、分母之和重新计算，不相加。",
    )
    report = Report(
        kind="statistics",
        title=f"{name}{period.end.year}年度工会统计年报（汇总）",
        org_code=code,
        org_name=name,
        period=period,
        blocks=tuple(blocks),
        figures=tuple(figures),
        subtitle=f"统计期 {period.start.isoformat()} 至 {period.end.isoformat()}（汇总 {len(exports)} 个单位）",
        covers=tuple(covers),
        ratios=ratios,
        parts=parts or parts_of(figures),
        extra=extra,
    )
    return report, problems


def rollup_files(
    paths: Iterable[str | Path], code: str = "", name: str = "汇总"
) -> tuple[Report | None, list[Problem]]:
    exports: list[StatExport] = []
    problems: list[Problem] = []
    for p in paths:
        export, found = read_export(p)
        problems += found
        if export is not None:
            exports.append(export)
    if any(p.is_error for p in problems):
        return None, problems
    report, found = rollup(exports, code, name)
    return report, problems + found


def explain_export(path: str | Path, query: str) -> tuple[list[ExportedFigure], list[Problem]]:
    """Figures of an exported 统计年报 matching `query`, with the lower unions behind a roll-up."""
    export, problems = read_export(path)
    if export is None:
        return [], problems
    figs = list(export.figures.values())
    for test in (
        lambda f: f.key == query,
        lambda f: f.label == query,
        lambda f: query in f.label or query in f.key,
    ):
        found = [f for f in figs if test(f)]
        if found:
            return found, problems
    return [], problems
