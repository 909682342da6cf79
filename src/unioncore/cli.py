"""The `unioncore` command (also `python -m unioncore`)."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .loader import init, load
from .problems import Severity, count_by_severity
from .registry import Figure, Period


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应写成 2026-11-30：{text}") from exc


def cmd_init(args: argparse.Namespace) -> int:
    try:
        ws, _ = init(args.dir, args.name, args.year)
    except FileExistsError as exc:
        print(f"错误：{exc}，不会覆盖已有的工作区", file=sys.stderr)
        return 1
    print(f"已创建工作区“{ws.name}”（{args.dir}），年度 {ws.year}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    ws, _ = load(args.dir, as_of=args.as_of)
    problems = ws.check()
    out = _console()
    counts = count_by_severity(problems)
    summary = (
        f"共 {len(problems)} 个问题：错误 {counts[Severity.ERROR]}，警告 {counts[Severity.WARNING]}，"
        f"提示 {counts[Severity.HINT]}"
    )
    if not out.is_terminal:  # a pipe or a file: the lines as they are (8,000 of a district in 0.05 s)
        lines = [p.format() for p in problems]
        lines.append(summary if problems else "没有发现问题。")
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()
    else:
        for p in problems:
            style = {"error": "red", "warning": "yellow", "hint": "cyan"}[p.severity.value]
            out.print(p.format(), style=style, markup=False, emoji=False)
        out.print(summary if problems else "没有发现问题。", markup=False)
    if counts[Severity.ERROR]:
        return 1
    if args.strict and counts[Severity.WARNING]:
        return 1
    return 0


def _figure_table(title: str, figs: list[Figure]) -> Table:
    t = Table(title=title, title_justify="left", show_header=True, header_style="bold")
    t.add_column("指标")
    t.add_column("数值", justify="right")
    t.add_column("说明", overflow="fold")
    for f in figs:
        t.add_row(Text(f.label), Text(f.formatted()), Text(f.note))
    return t


def cmd_stats(args: argparse.Namespace) -> int:
    ws, problems = load(args.dir, as_of=args.as_of)
    year = args.year or ws.year
    period = Period.year(year)
    figs, errors = ws.figures(period)
    out = _console()
    out.print(f"[bold]{ws.name}[/bold]  {period.label}统计")
    groups: dict[str, list[Figure]] = {}
    for f in figs:
        if f.group in ("会员",) and f.value == 0 and f.key.startswith("members.status."):
            continue
        groups.setdefault(f.group or "其他", []).append(f)
    for group, items in groups.items():
        out.print(_figure_table(group, items))
    errs = [p for p in problems + errors if p.is_error]
    if errs:
        out.print(
            f"[yellow]注意：工作区有 {len(errs)} 个错误，统计可能不完整（运行 unioncore check 查看）[/yellow]"
        )
    for p in errors:
        out.print(p.format(), style="red", markup=False)
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from .demo import generate_with_problems

    target = Path(args.dir)
    if (target / "unioncore.toml").exists():
        print(f"错误：{target} 已是工作区，不会覆盖", file=sys.stderr)
        return 1
    ws, problems = generate_with_problems(target, args.scale, seed=args.seed)
    for p in problems:  # a plugin whose demo data failed: the rest is written all the same
        print(p.format(), file=sys.stderr)
    entries = sum(len(v) for v in ws.entries.values())
    print(
        f"已生成 {args.scale} 示例工作区 {target}：组织 {len(ws.organisations)} 个，会员 {len(ws.members)} 人，"
        f"活动 {len(ws.events)} 次，凭证 {entries} 笔"
    )
    return 0


def cmd_plugins(args: argparse.Namespace) -> int:
    ws, _ = load(args.dir)
    t = Table(title="插件", title_justify="left")
    for col in ("名称", "启用", "已加载", "模块", "版本", "说明"):
        t.add_column(col)
    for info in sorted(ws.host.infos.values(), key=lambda i: i.name):
        t.add_row(
            info.name,
            "是" if info.enabled else "否",
            "是" if info.loaded else "否",
            info.module or "",
            info.version or "",
            info.error or "",
        )
    out = _console()
    out.print(t)
    if not ws.host.infos:
        out.print("没有安装插件。")
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    ws, _ = load(args.dir) if args.dir else (None, [])
    if ws is None:
        from .plugins import PluginHost
        from .registry import Rule

        host = PluginHost([])
        rules, _ = host.call("unioncore_rules", Rule)
        configured: dict[str, str] = {}
    else:
        rules = list(ws.rules.values())
        configured = ws.config.rules
    t = Table(title="规则", title_justify="left")
    for col in ("代码", "规则", "级别", "依据", "来源"):
        t.add_column(col, overflow="fold")
    for r in sorted(rules, key=lambda r: r.code):
        level = configured.get(r.code)
        shown = r.severity.label if level is None else f"{r.severity.label} → {level}"
        cells = (r.code, r.title, shown, r.source or "", r.plugin or "核心")
        t.add_row(*(Text(c) for c in cells))  # plain text: a title may contain [brackets]
    _console().print(t)
    return 0


def cmd_tui(args: argparse.Namespace) -> int:
    try:
        from unioncore_tui.app import run  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        print("终端界面尚未安装；先用 unioncore stats 查看统计", file=sys.stderr)
        return cmd_stats(argparse.Namespace(dir=args.dir, year=None, as_of=None))
    return int(run(args.dir))


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="unioncore", description="工会组织、会员、活动、经费的记录、检查与统计")
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="不用也不写工作区缓存（.unioncore-cache），每次都从文件读取",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="命令")

    s = sub.add_parser("init", help="创建新的工作区")
    s.add_argument("dir")
    s.add_argument("--name", default="我的工会")
    s.add_argument("--year", type=int, default=datetime.date.today().year)
    s.set_defaults(func=cmd_init)

    s = sub.add_parser("check", help="检查工作区，列出所有问题（有错误时退出码为 1）")
    s.add_argument("dir")
    s.add_argument("--no-cache", action="store_true", default=argparse.SUPPRESS, help="不用工作区缓存")
    s.add_argument("--strict", action="store_true", help="有警告也以退出码 1 结束")
    s.add_argument("--as-of", type=_date, help="按此日期计算换届等提醒（默认今天）")
    s.set_defaults(func=cmd_check)

    s = sub.add_parser("stats", help="统计：会员、入会率、建会率、活动、收支")
    s.add_argument("dir")
    s.add_argument("--no-cache", action="store_true", default=argparse.SUPPRESS, help="不用工作区缓存")
    s.add_argument("--year", type=int)
    s.add_argument("--as-of", type=_date)
    s.set_defaults(func=cmd_stats)

    s = sub.add_parser("demo-data", help="生成示例工作区（small 或 district）")
    s.add_argument("dir")
    s.add_argument("--scale", choices=("small", "district"), default="small")
    s.add_argument("--seed", type=int, default=20261130)
    s.set_defaults(func=cmd_demo_data)

    s = sub.add_parser("plugins", help="列出已安装和已启用的插件")
    s.add_argument("dir")
    s.set_defaults(func=cmd_plugins)

    s = sub.add_parser("rules", help="列出所有检查规则及其依据")
    s.add_argument("dir", nargs="?")
    s.set_defaults(func=cmd_rules)

    s = sub.add_parser("tui", help="打开终端界面")
    s.add_argument("dir")
    s.set_defaults(func=cmd_tui)

    from . import report_cli

    report_cli.add_commands(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.no_cache:
        os.environ["UNIONCORE_CACHE"] = "off"  # read by unioncore.cache.enabled() at every load
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
