"""CLI commands of the reports, exports and imports (issue 7): report, explain, rollup, export,
export-beancount, import-roster."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .loader import load
from .problems import Problem, SaveError, UnioncoreError
from .workspace import Workspace

KIND_CHOICES = {"stats": "statistics", "public": "public_account", "summary": "summary"}
SUFFIXES = {".md": "md", ".docx": "docx", ".xlsx": "xlsx", ".toml": "toml"}


def _err(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return 1


def _print_problems(problems: Iterable[Problem]) -> None:
    for p in problems:
        print(p.format(), file=sys.stderr)


def _open(directory: str) -> Workspace:
    ws, problems = load(directory)
    errors = [p for p in problems if p.is_error]
    if errors:
        print(
            f"注意：工作区有 {len(errors)} 个加载错误，出错的文件未计入（运行 unioncore check 查看）",
            file=sys.stderr,
        )
    return ws


def cmd_report(args: argparse.Namespace) -> int:
    from .reports import KIND_TITLES, build, render

    ws = _open(args.dir)
    if args.org is not None and args.org not in ws.organisations:
        return _err(f"组织“{args.org}”不存在")
    year = args.year or ws.year
    kinds = list(KIND_CHOICES.values()) if args.kind == "all" else [KIND_CHOICES[args.kind]]
    try:
        built = [build(ws, k, year, args.org) for k in kinds]
    except UnioncoreError as exc:
        _print_problems(exc.problems)
        return 1
    for _, problems in built:
        _print_problems(problems)
    fmt = args.format
    if len(kinds) == 1:
        report = built[0][0]
        if args.out is None and fmt in ("md", "toml"):
            sys.stdout.write(render(report, fmt) or "")
            return 0
        out = (
            Path(args.out) if args.out else Path(f"{report.org_name}-{year}-{KIND_TITLES[report.kind]}.{fmt}")
        )
        render(report, fmt, out)
        print(f"已生成 {out}")
        return 0
    if args.out is None and fmt == "md":
        sys.stdout.write("\n".join(render(r, "md") or "" for r, _ in built))
        return 0
    folder = Path(args.out or ".")
    if folder.suffix.lower() in SUFFIXES:
        return _err("生成全部三种报表时 --out 应为一个文件夹；只要一种时用 --kind stats|public|summary")
    folder.mkdir(parents=True, exist_ok=True)
    for report, _ in built:
        out = folder / f"{report.org_name}-{year}-{KIND_TITLES[report.kind]}.{fmt}"
        render(report, fmt, out)
        print(f"已生成 {out}")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    limit = None if not args.limit else args.limit
    target = Path(args.dir)
    if target.is_file() and target.suffix == ".toml":
        from .reports.rollup import explain_export

        figures, problems = explain_export(target, args.figure)
        _print_problems(problems)
        if not figures:
            return _err(f"报表中没有指标“{args.figure}”")
        for f in figures:
            print(f"{f.label}（{f.key}）= {f.value}{f.unit}，背后 {f.records} 条记录")
            if f.note:
                print(f"  说明：{f.note}")
            for s in f.sources:
                print(f"    {s.code} {s.name}：{s.value}{f.unit}")
        return 0
    from .reports.explain import explain, format_explanation

    ws = _open(args.dir)
    try:
        found, problems = explain(ws, args.figure, args.year)
    except UnioncoreError as exc:
        _print_problems(exc.problems)
        return 1
    _print_problems(problems)
    if not found:
        return _err(f"没有找到指标“{args.figure}”（可用指标编号或名称，如 members.total 或 会员总数）")
    for x in found:
        for line in format_explanation(x, limit):
            print(line)
    return 0


def cmd_rollup(args: argparse.Namespace) -> int:
    from .reports import render
    from .reports.rollup import rollup_files

    out = Path(args.out)
    fmt = SUFFIXES.get(out.suffix.lower())
    if fmt is None:
        return _err("汇总结果应保存为 .toml（可再向上汇总）、.md、.docx 或 .xlsx 文件")
    report, problems = rollup_files(args.files, code=args.code, name=args.name)
    _print_problems(problems)
    if report is None:
        return _err("汇总未完成：请先处理上面的错误（没有写入任何文件）")
    render(report, fmt, out)
    print(f"已汇总 {len(args.files)} 个单位的统计年报，共 {len(report.figures)} 项指标：{out}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .exports.xlsx import EXPORTS, export_xlsx

    ws = _open(args.dir)
    try:
        rows = export_xlsx(ws, args.what, args.out, reveal=args.reveal, year=args.year)
    except UnioncoreError as exc:
        _print_problems(exc.problems)
        return 1
    hint = "（含完整身份证号和手机号，请妥善保管）" if args.reveal else ""
    print(f"已导出{EXPORTS[args.what][0]} {rows} 行到 {args.out}{hint}")
    return 0


def cmd_export_beancount(args: argparse.Namespace) -> int:
    from .exports.beancount import export_beancount

    ws = _open(args.dir)
    problems = export_beancount(ws, args.out)
    _print_problems(problems)
    print(f"已导出账目到 {args.out}（可用 bean-check 检查，用 fava 查看）")
    return 0


def _mapping(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        header, sep, field = item.partition("=")
        if not sep or not header.strip() or not field.strip():
            raise argparse.ArgumentTypeError(f"--map 应写成 列名=字段，如 工号=card_no：{item}")
        out[header.strip()] = field.strip()
    return out


def cmd_import_roster(args: argparse.Namespace) -> int:
    from .imports.roster import FIELD_LABELS, RosterError, import_roster

    ws = _open(args.dir)
    try:
        mapping = _mapping(args.map or [])
        result = import_roster(
            ws, args.file, org=args.org, mapping=mapping, dry_run=args.dry_run, sheet=args.sheet
        )
    except (RosterError, argparse.ArgumentTypeError) as exc:
        return _err(str(exc))
    except SaveError as exc:
        _print_problems(exc.problems)
        return _err("保存被拒绝，没有导入任何会员")
    cols = "、".join(f"{h}→{FIELD_LABELS.get(f, f)}" for h, f in result.columns.items())
    print(f"识别的列：{cols}")
    if result.ignored:
        print(f"不导入的列：{'、'.join(result.ignored)}（需要时用 --map 列名=字段）")
    for p in result.skipped:
        print(f"  跳过 {p.format()}")
    for p in result.problems:
        print(f"  错误 {p.format()}")
    if result.problems:
        print(
            f"有 {len(result.problems)} 处错误，没有导入任何会员：请修改表格后重新导入（可先用 --dry-run 检查）"
        )
        return 1
    if result.dry_run:
        print(f"检查通过：将新增 {len(result.added)} 名会员，跳过 {len(result.skipped)} 行（试运行，未保存）")
        return 0
    print(
        f"已新增 {len(result.added)} 名会员，跳过 {len(result.skipped)} 行；写入 {'、'.join(result.saved) or '无'}"
    )
    return 0


def add_commands(sub: Any) -> None:
    """Add this module's subcommands to the `unioncore` parser's subparsers."""
    s = sub.add_parser("report", help="年终报表：统计年报、收支公开、工作总结（md/docx/xlsx/toml）")
    s.add_argument("dir")
    s.add_argument("--year", type=int, help="年度（统计年报按统计期：上年10月1日至本年9月30日）")
    s.add_argument("--format", choices=("md", "docx", "xlsx", "toml"), default="md")
    s.add_argument(
        "--kind",
        choices=(*KIND_CHOICES, "all"),
        default="all",
        help="stats 统计年报，public 收支公开，summary 工作总结，all 全部",
    )
    s.add_argument("--org", help="收支公开只生成这个组织的")
    s.add_argument("--out", help="输出文件（--kind all 时为文件夹）；md、toml 不给则打印")
    s.set_defaults(func=cmd_report)

    s = sub.add_parser("explain", help="列出一个指标背后的记录（按指标编号或名称）")
    s.add_argument("dir", help="工作区，或一个导出/汇总的统计年报 .toml")
    s.add_argument("figure", help="指标编号（如 members.total）或名称（如 会员总数）")
    s.add_argument("--year", type=int)
    s.add_argument("--limit", type=int, default=0, help="最多列出几条记录（0 为全部）")
    s.set_defaults(func=cmd_explain)

    s = sub.add_parser("rollup", help="逐级汇总下级工会导出的统计年报（toml）")
    s.add_argument("out", help="汇总结果：.toml（可再向上汇总）、.md、.docx 或 .xlsx")
    s.add_argument("files", nargs="+", help="下级工会的统计年报 .toml")
    s.add_argument("--code", default="", help="汇总单位的组织代码")
    s.add_argument("--name", default="汇总", help="汇总单位的名称")
    s.set_defaults(func=cmd_rollup)

    s = sub.add_parser("export", help="导出会员、凭证、活动或统计到 Excel")
    s.add_argument("dir")
    s.add_argument("--what", choices=("members", "ledger", "events", "stats"), required=True)
    s.add_argument("--out", required=True, help="输出的 .xlsx 文件")
    s.add_argument("--reveal", action="store_true", help="导出完整的身份证号和手机号（默认部分隐去）")
    s.add_argument("--year", type=int, help="统计的年度（--what stats）")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("export-beancount", help="把账目导出为 beancount 文件（供 fava、bean-query 使用）")
    s.add_argument("dir")
    s.add_argument("--out", required=True)
    s.set_defaults(func=cmd_export_beancount)

    s = sub.add_parser("import-roster", help="从 Excel 花名册导入会员（全部成功才导入，不重复导入）")
    s.add_argument("dir")
    s.add_argument("file", help="花名册 .xlsx")
    s.add_argument("--org", help="表中没有“所在单位”列时，会员所在的工会代码")
    s.add_argument(
        "--map",
        action="append",
        metavar="列名=字段",
        help="指定列对应的字段，如 工号=card_no、学历=-（不导入）",
    )
    s.add_argument("--sheet", help="工作表名称（默认第一个）")
    s.add_argument("--dry-run", action="store_true", help="只检查，列出每一行的问题，不保存")
    s.set_defaults(func=cmd_import_roster)


__all__ = ["add_commands"]
