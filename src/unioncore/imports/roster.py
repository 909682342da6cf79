"""花名册 import: members from an .xlsx roster, all or nothing, never twice.

    result = import_roster(ws, "花名册.xlsx", org="XF-01", dry_run=True)
    for p in result.problems: print(p.row, p.message)

- The header row is found among the first rows (a roster usually has a title above it); the usual
  Chinese headers are recognised (`HEADERS`: 姓名, 性别, 身份证号 / 公民身份号码, 手机 / 联系电话,
  所在单位 / 工会, 入会时间 …) and `mapping` ({"列名": "field"}) maps any other (or "-" to ignore).
- Every row is checked first (`Workspace.member_field_errors`, plus the organisation and dates); a
  bad row is reported with its row number and reason, and then nothing at all is added.
- A person already in the workspace — the same 公民身份号码 (`Workspace.member_by_id_number`), or,
  without one, the same name in the same union — is skipped, and so is the second row of a person
  listed twice; importing the same file again adds no one.
- A good import adds every new member (a JOIN line in the history when 入会时间 is given) and saves.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ..identifiers import mask_ric
from ..member import MEMBER_FIELDS, Status
from ..workspace import Workspace

# usual headers of a 花名册 -> member field ("org" is the union; "-" ignores the column)
HEADERS: dict[str, str] = {
    "姓名": "name",
    "名字": "name",
    "会员姓名": "name",
    "职工姓名": "name",
    "性别": "gender",
    "身份证号": "id_number",
    "身份证号码": "id_number",
    "身份证": "id_number",
    "公民身份号码": "id_number",
    "公民身份证号码": "id_number",
    "证件号码": "id_number",
    "手机": "phone",
    "手机号": "phone",
    "手机号码": "phone",
    "联系电话": "phone",
    "电话": "phone",
    "联系方式": "phone",
    "所在单位": "org",
    "工作单位": "org",
    "单位": "org",
    "工会": "org",
    "所在工会": "org",
    "所属工会": "org",
    "入会时间": "joined",
    "入会日期": "joined",
    "入会年月": "joined",
    "会员编号": "id",
    "编号": "id",
    "会员证号": "card_no",
    "会员证编号": "card_no",
    "类别": "categories",
    "会员类别": "categories",
    "人员类别": "categories",
    "是否农民工": "migrant_worker",
    "农民工": "migrant_worker",
    "备注": "note",
    "序号": "-",
}
FIELDS = {
    "name",
    "gender",
    "id_number",
    "phone",
    "org",
    "joined",
    "id",
    "card_no",
    "categories",
    "migrant_worker",
    "note",
    "-",
}
FIELD_LABELS = {f.name: f.title for f in MEMBER_FIELDS} | {
    "org": "所在工会",
    "migrant_worker": "农民工",
    "-": "（不导入）",
}
HEADER_SCAN_ROWS = 10
PLACEHOLDER_ID = "_roster_row"  # stands for the id a row without 会员编号 gets, while checking
YES = {"是", "Y", "y", "yes", "1", "√", "✓", "TRUE", "true"}
_DATE_RE = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})(?:\s*[-./月]\s*(\d{1,2})\s*日?)?\s*月?$")


@attrs.frozen
class RowProblem:
    row: int  # the row number as Excel shows it
    message: str
    column: str = ""

    def format(self) -> str:
        where = f"（列“{self.column}”）" if self.column else ""
        return f"第{self.row}行：{self.message}{where}"


@attrs.frozen
class PlannedMember:
    row: int
    org: str
    values: dict[str, Any] = attrs.field(eq=False)


@attrs.frozen
class ImportResult:
    columns: dict[str, str]  # header -> field, as recognised or mapped
    ignored: tuple[str, ...]  # headers not imported
    added: tuple[PlannedMember, ...]  # added (or, in a dry run, to be added)
    skipped: tuple[RowProblem, ...]  # rows of people already in the workspace
    problems: tuple[RowProblem, ...]  # bad rows: nothing is added when there is one
    saved: tuple[str, ...] = ()  # files written
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


class RosterError(Exception):
    """The file cannot be used at all (not an .xlsx, no header row, a mapping to an unknown field)."""


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_date(value: object) -> datetime.date | None:
    """An Excel date cell, or text like 2020-07-17, 2020/7/17, 2020.07, 2020年7月17日."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    m = _DATE_RE.match(_text(value))
    if not m:
        raise ValueError
    return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))


def read_roster(
    path: str | Path, sheet: str | None = None
) -> tuple[list[str], list[tuple[int, list[object]]]]:
    """(headers, [(row number, cells)]) of the roster's first sheet (or `sheet`)."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        wb = load_workbook(str(path), read_only=True, data_only=True)
    except FileNotFoundError:
        raise RosterError(f"文件不存在：{path}") from None
    except Exception as exc:
        raise RosterError(
            f"无法作为 .xlsx 打开（{type(exc).__name__}）：请在 Excel/WPS 中另存为 .xlsx 后再导入"
        ) from None
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise RosterError(f"没有名为“{sheet}”的工作表（有：{'、'.join(wb.sheetnames)}）")
        ws = wb[sheet] if sheet else wb.worksheets[0]
        rows = [(i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), 1)]
    finally:
        wb.close()
    for idx, (_row, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
        names = [_text(c).replace(" ", "").replace("\n", "") for c in cells]
        if sum(1 for h in names if h in HEADERS) >= 2 and "name" in {HEADERS.get(h) for h in names}:
            data = [(m, c) for m, c in rows[idx + 1 :] if any(_text(x) for x in c)]
            return names, data
    raise RosterError(f"前{HEADER_SCAN_ROWS}行中找不到表头（应有“姓名”和“身份证号”等列）")


def _columns(headers: list[str], mapping: Mapping[str, str]) -> tuple[dict[int, tuple[str, str]], list[str]]:
    cols: dict[int, tuple[str, str]] = {}
    ignored: list[str] = []
    for wanted in mapping.values():
        if wanted not in FIELDS:
            raise RosterError(
                f"“{wanted}”不是可导入的字段，可选：{'、'.join(sorted(FIELDS - {'-'}))} 或 -（不导入）"
            )
    missing = [h for h in mapping if h not in headers]
    if missing:
        raise RosterError(f"表头中没有列“{missing[0]}”")
    seen: dict[str, str] = {}
    for i, h in enumerate(headers):
        if not h:
            continue
        field = mapping[h] if h in mapping else HEADERS.get(h)
        if field is None or field == "-":
            ignored.append(h)
            continue
        if field in seen:
            raise RosterError(
                f"列“{seen[field]}”和“{h}”都对应{FIELD_LABELS.get(field, field)}，请用 --map 指定其中一列为 -"
            )
        seen[field] = h
        cols[i] = (field, h)
    if "name" not in seen:
        raise RosterError("没有“姓名”列")
    return cols, ignored


def _find_org(ws: Workspace, text: str) -> str | None:
    """A union by code, by name, or by its unit's name (“华信电子科技有限公司” → 华信电子科技有限公司工会)."""
    if text in ws.organisations:
        return text
    for o in ws.organisations.values():
        if text in (o.name, o.name.removesuffix("工会")) or o.name == f"{text}工会":
            return o.code
    for o in ws.organisations.values():
        for e in o.enterprises:
            if e.name == text and e.union:
                return e.union
    return None


def _next_ids(ws: Workspace, prefix: str = "M") -> Any:
    numbers = [
        int(m.id[len(prefix) :])
        for m in ws.members.values()
        if m.id.startswith(prefix) and m.id[len(prefix) :].isdigit()
    ]
    n = max(numbers, default=0)
    width = max((len(m.id) - len(prefix) for m in ws.members.values() if m.id.startswith(prefix)), default=6)
    while True:
        n += 1
        candidate = f"{prefix}{n:0{width}d}"
        if candidate not in ws.members:
            yield candidate


def import_roster(
    ws: Workspace,
    path: str | Path,
    *,
    org: str | None = None,
    mapping: Mapping[str, str] | None = None,
    dry_run: bool = False,
    sheet: str | None = None,
    save: bool = True,
) -> ImportResult:
    """Check every row, then (unless a row is bad or `dry_run`) add the new members and save."""
    headers, rows = read_roster(path, sheet)
    cols, ignored = _columns(headers, mapping or {})
    if org is not None and org not in ws.organisations:
        raise RosterError(f"组织“{org}”不存在")
    labels = {f: h for f, h in cols.values()}
    problems: list[RowProblem] = []
    skipped: list[RowProblem] = []
    planned: list[PlannedMember] = []
    in_file: dict[str, int] = {}  # 身份证 or org|name -> first row
    ids = _next_ids(ws)
    cat_by_label = {c.label: cid for cid, c in ws.categories.items()} | {cid: cid for cid in ws.categories}
    for row, cells in rows:
        raw = {field: cells[i] if i < len(cells) else None for i, (field, _) in cols.items()}
        bad: list[RowProblem] = []
        values: dict[str, Any] = {}
        for field in ("name", "gender", "phone", "card_no", "note", "id"):
            text = _text(raw.get(field))
            if text:
                values[field] = text
        gender = values.get("gender")
        if gender in ("男性", "M", "m"):
            values["gender"] = "男"
        elif gender in ("女性", "F", "f"):
            values["gender"] = "女"
        idn = raw.get("id_number")
        if isinstance(idn, int | float) and not isinstance(idn, bool):
            bad.append(
                RowProblem(
                    row,
                    "身份证号被 Excel 存成了数字，末几位可能已经丢失：请把该列设为“文本”后重新录入",
                    labels["id_number"],
                )
            )
        elif _text(idn):
            values["id_number"] = _text(idn).upper().replace(" ", "")
        if raw.get("joined") not in (None, ""):
            try:
                values["joined"] = parse_date(raw["joined"])
            except ValueError:
                bad.append(
                    RowProblem(
                        row, f"入会时间“{_text(raw['joined'])}”不是日期（如 2020-07-17）", labels["joined"]
                    )
                )
        cats: list[str] = []
        for part in re.split(r"[、,，;；/\s]+", _text(raw.get("categories"))):
            if not part:
                continue
            if part in cat_by_label:
                cats.append(cat_by_label[part])
            else:
                bad.append(
                    RowProblem(
                        row,
                        f"未知的会员类别“{part}”（可选：{'、'.join(c.label for c in ws.categories.values())}）",
                        labels["categories"],
                    )
                )
        if _text(raw.get("migrant_worker")) in YES and "migrant_worker" in ws.categories:
            cats.append("migrant_worker")
        if cats:
            values["categories"] = list(dict.fromkeys(cats))
        org_text = _text(raw.get("org"))
        code = _find_org(ws, org_text) if org_text else org
        if org_text and code is None:
            bad.append(RowProblem(row, f"找不到工会“{org_text}”", labels["org"]))
        elif code is None:
            bad.append(RowProblem(row, "没有所在工会：请在表中填写“所在单位”，或用 --org 指定"))
        elif not ws.organisations[code].kind.is_grassroots:
            bad.append(
                RowProblem(
                    row,
                    f"{ws.organisations[code].name}不是基层工会，会员应登记在基层工会",
                    labels.get("org", ""),
                )
            )
        if "name" not in values:
            bad.append(RowProblem(row, "姓名为空", labels["name"]))
        # already a member? (never a duplicate: the same 身份证, else the same name in the same union)
        idn_text = values.get("id_number")
        if "name" in values and code is not None:
            existing = ws.member_by_id_number(idn_text) if idn_text else None
            if existing is None and not idn_text:
                existing = next(
                    (m for m in ws.members.values() if m.org == code and m.name == values["name"]), None
                )
            who = f"{values['name']}（{mask_ric(idn_text)}）" if idn_text else values["name"]
            if existing is not None:
                how = "公民身份号码相同" if idn_text else "没有身份证号，同一工会已有同名会员"
                skipped.append(RowProblem(row, f"{who} 已是会员 {existing.id}（{how}），跳过"))
                continue
            ident = idn_text or f"{code}|{values['name']}"
            if ident in in_file:
                skipped.append(RowProblem(row, f"{who} 与第{in_file[ident]}行是同一人，跳过"))
                continue
            in_file[ident] = row
        values["status"] = Status.ACTIVE.value
        checked = {**values, "id": values.get("id") or PLACEHOLDER_ID}
        for field, message in ws.member_field_errors(checked):
            if field == "name" and "name" not in values:
                continue  # reported above
            bad.append(RowProblem(row, message, labels.get(field, "")))
        if bad:
            problems.extend(bad)
            continue
        values.setdefault("id", next(ids))
        assert code is not None
        planned.append(PlannedMember(row, code, values))
    # ids given in the file must not clash with each other
    given: dict[str, int] = {}
    for p in planned:
        first = given.setdefault(p.values["id"], p.row)
        if first != p.row:
            problems.append(
                RowProblem(p.row, f"会员编号“{p.values['id']}”与第{first}行重复", labels.get("id", ""))
            )
    result = ImportResult(
        columns={h: f for f, h in cols.values()},
        ignored=tuple(ignored),
        added=tuple(planned),
        skipped=tuple(skipped),
        problems=tuple(sorted(problems, key=lambda p: p.row)),
        dry_run=dry_run,
    )
    if problems or dry_run:
        return result
    for p in planned:
        ws.add_member(p.org, **p.values)
    written = tuple(ws.save()) if save else ()
    return attrs.evolve(result, saved=written)
