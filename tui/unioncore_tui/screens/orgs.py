"""组织: the organisation tree and, for the selected one, its details, committees and terms (with
the core's 换届 reminders), member and employee counts and 入会率; 新建组织 (n), 修改组织 (e),
换届 (h), 修改本届委员会 (c) and 覆盖单位 (u) through the forms of `org_forms`."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from unioncore.member import Status
from unioncore.organisation import Committee, CommitteeKind, Organisation
from unioncore.problems import Severity

from .base import Pane, needs_members
from .dialogs import ChoiceDialog
from .org_forms import CommitteeForm, EnterpriseList, OrgForm

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.HINT: "cyan"}
EMPTY = (
    "工作区中还没有组织。\n\n"
    "按 n 新建组织：\n"
    "先建上级（如街道总工会），\n"
    "再选中它，按 n 建其下的基层工会。\n"
    "建好后按 ctrl+s 保存。"
)
COUNTING = "统计中……"  # the counts before the members are loaded
SEATS_SHOWN = 6  # seats listed under a committee's term; the rest are counted


class OrgTree(Tree[str]):
    """Children are added when a node is first expanded, so 2,000 unions cost nothing up front."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "members", "看会员"),
    ]

    def action_members(self) -> None:
        node = self.cursor_node
        if node is not None and node.data:
            pane = self.parent.parent if self.parent else None
            if isinstance(pane, OrgPane):
                pane.uapp.show_members_of(node.data)


class OrgPane(Pane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "add", "新建组织"),
        Binding("e", "edit", "修改组织"),
        Binding("h", "elect", "换届"),
        # not in the footer (no room at 80 columns): the details say it beside the committees
        Binding("c", "correct", "改本届", show=False),
        Binding("u", "units", "覆盖单位"),
    ]

    def compose(self) -> ComposeResult:
        with Horizontal():
            tree = OrgTree("组织", id="org-tree")
            tree.show_root = False
            tree.guide_depth = 2
            yield tree
            with VerticalScroll(id="org-detail"):
                yield Static("", id="org-info")

    @property
    def org_tree(self) -> OrgTree:
        return self.query_one(OrgTree)

    def refresh_data(self) -> None:
        session = self.session
        tree = self.org_tree
        keep = session.current_org
        tree.clear()
        self._loaded: set[str] = set()
        for code in session.roots:
            self._add(tree.root, code)
        first = tree.root.children[0] if tree.root.children else None
        if first is not None:
            first.expand()
            self._load_children(first)
        if keep and keep in session.ws.organisations:
            self.select(keep)
        elif first is not None and first.data:
            tree.move_cursor(first)
            self.show(first.data)
        else:
            self.query_one("#org-info", Static).update(EMPTY)

    def _add(self, parent: TreeNode[str], code: str) -> TreeNode[str]:
        org = self.session.ws.organisations[code]
        return parent.add(org.name, data=code, allow_expand=bool(self.session.children.get(code)))

    def _load_children(self, node: TreeNode[str]) -> None:
        code = node.data
        if code is None or code in self._loaded:
            return
        self._loaded.add(code)
        for child in self.session.children.get(code, ()):
            self._add(node, child)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        self._load_children(event.node)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        if event.node.data:
            self.show(event.node.data)

    def select(self, code: str) -> None:
        """Expand the tree down to `code` and put the cursor on it."""
        node: TreeNode[str] = self.org_tree.root
        for step in self.session.path_to(code):
            self._load_children(node)
            found = next((c for c in node.children if c.data == step), None)
            if found is None:
                break
            node = found
            if step != code:
                node.expand()
                self._load_children(node)
        if node.data:
            _ = self.org_tree.last_line  # lay out the lines just added, so the node has its line
            self.org_tree.move_cursor(node)
            self.org_tree.scroll_to_node(node, animate=False)
            self.show(node.data)

    # -- details ------------------------------------------------------------------------------
    def show(self, code: str) -> None:
        session = self.session
        if code not in session.ws.organisations:
            return
        if session.current_org != code:
            session.current_org = code
            self.uapp.current_org_changed()
        self.query_one("#org-info", Static).update(self.details(session.ws.org(code)))

    def refresh_details(self) -> None:
        """Draw the selected organisation's details again (the counts are there now)."""
        code = self.session.current_org
        if code in self.session.ws.organisations:
            self.query_one("#org-info", Static).update(self.details(self.session.ws.org(code)))

    def details(self, org: Organisation) -> Text:
        session = self.session
        ws = session.ws
        # the counts need every member: until they are indexed (a worker, after the first
        # screen), the details say they are being counted and are drawn again when they are
        facts = session.facts(org.code) if session.ready else None
        t = Text()
        t.append(f"{org.name}\n", style="bold")
        parent = session.org_label(org.parent) if org.parent else "—"
        t.append(f"代码 {org.code} · {org.kind.value} · 上级 {parent}\n")
        extra = [
            f"成立 {org.founded.isoformat()}" if org.founded else "",
            f"单位性质 {org.sector}" if org.sector else "",
            f"信用代码 {org.uscc}" if org.uscc else "",
        ]
        if any(extra):
            t.append(" · ".join(x for x in extra if x) + "\n")
        if org.address:
            t.append(f"地址 {org.address}\n")
        t.append("\n会员  ", style="bold")
        if facts is None:
            t.append(COUNTING + "\n", style="dim")
        else:
            own, below = facts.own, facts.below
            t.append(f"本级在职 {own[Status.ACTIVE]} 人，退休 {own[Status.RETIRED]} 人")
            if session.children.get(org.code):
                t.append(f"；含下级在职 {below[Status.ACTIVE]} 人，退休 {below[Status.RETIRED]} 人")
            t.append("\n")
            left = sum(below[s] for s in Status if not s.is_member)
            if left:
                t.append(f"      已转出、退会或去世 {left} 人（仍留在名册中）\n", style="dim")
        t.append("职工  ", style="bold")
        if org.employees is not None:
            women = f"（女职工 {org.female_employees} 人）" if org.female_employees is not None else ""
            t.append(f"{org.employees} 人{women}\n")
        else:
            t.append("未填\n", style="dim")
        t.append("入会率 ", style="bold")
        if facts is None:
            t.append(COUNTING + "\n", style="dim")
        elif facts.rate is not None:
            t.append(f"{facts.rate}%", style="bold green")
            t.append(f"（{facts.rate_note}）\n")
        else:
            t.append(f"—（{facts.rate_note}）\n", style="dim")
        if org.enterprises:
            required = [e for e in org.enterprises if e.required]
            done = [e for e in required if e.unionised]
            t.append("覆盖单位 ", style="bold")
            t.append(f"{len(org.enterprises)} 家，应建会 {len(required)} 家，已建会 {len(done)} 家")
            t.append("（按 u 查看、修改）\n", style="dim")
        current = [c for c in (org.committee(kind) for kind in CommitteeKind) if c is not None]
        t.append("\n委员会与任期", style="bold")
        t.append("（按 c 更正本届）\n" if current else "\n", style="dim")
        for c in current:
            kind = c.kind
            left_days = c.days_left(ws.as_of)
            chair = c.chair()
            who = f"，{chair.role} {self._seat_name(chair.member, chair.name)}" if chair else ""
            t.append(f"  {kind.value} {c.term_start.isoformat()} 至 {c.term_end.isoformat()}{who}\n")
            if left_days < 0:
                t.append(f"    已届满 {-left_days} 天\n", style="yellow")
            else:
                t.append(f"    距届满还有 {left_days} 天\n", style="dim")
        if not current:
            t.append("  未登记委员会（按 h 登记）\n", style="dim")
        problems = session.problems_of_org(org.code)
        terms = [p for p in problems if (p.rule or "").startswith("org.term")]
        others = [p for p in problems if p not in terms]
        if terms:
            t.append("\n换届提醒", style="bold")
            t.append("（换届后按 h 登记）\n", style="dim")
            for p in terms:
                t.append(f"  {p.severity.label}：{p.message}\n", style=SEVERITY_STYLE[p.severity])
        if others:
            t.append(f"\n此组织的文件中还有 {len(others)} 个问题（在“检查”中查看）\n", style="yellow")
        # who sits on each body, below the reminders (which matter more on a small screen)
        seated = [c for c in current if c.seats]
        if seated:
            t.append("\n本届成员\n", style="bold")
            for c in seated:
                t.append(f"  {c.kind.value} {self._seats_line(c)}\n")
        return t

    def _seat_name(self, member: str | None, name: str | None) -> str:
        """A seat's holder: the member's name when the member is on file, else what is written
        (and before the members are loaded: what is written, or the member's id)."""
        if member and not self.session.ready:
            return name or member
        if member:
            m = self.session.ws.members.get(member)
            return m.name if m is not None else member
        return name or ""

    def _seats_line(self, c: Committee) -> str:
        names = [f"{s.role} {self._seat_name(s.member, s.name)}" for s in c.seats[:SEATS_SHOWN]]
        more = " 等" if len(c.seats) > SEATS_SHOWN else ""
        return f"{len(c.seats)} 人：" + "、".join(names) + more

    # -- actions ------------------------------------------------------------------------------
    def _selected(self) -> Organisation | None:
        code = self.session.current_org
        org = self.session.ws.organisations.get(code or "")
        if org is None:
            self.notify("请先在左边选中一个组织（还没有组织时按 n 新建）", severity="warning")
        return org

    def _changed(self, code: str, message: str) -> None:
        """A form changed `code` (or created it): select it, then re-check and redraw everything."""
        self.session.current_org = code
        self.uapp.current_org_changed()
        # the tree is rebuilt by after_change and keeps the current organisation selected
        self.uapp.after_change(message=message)
        self.org_tree.focus()

    @needs_members
    def action_add(self) -> None:
        """新建组织, under the selected federation (or beside the selected union) by default."""
        session = self.session
        current = session.ws.organisations.get(session.current_org or "")
        parent = None
        if current is not None:
            parent = current.code if current.kind.is_federation else current.parent

        def added(org: Organisation | None) -> None:
            if org is not None:
                self._changed(org.code, f"已新建组织：{org.name}（未保存）")

        self.app.push_screen(OrgForm(session, parent=parent), added)

    @needs_members
    def action_edit(self) -> None:
        org = self._selected()
        if org is None:
            return

        def edited(new: Organisation | None) -> None:
            if new is not None:
                self._changed(new.code, f"已修改组织：{new.name}（未保存）")

        self.app.push_screen(OrgForm(self.session, org), edited)

    @needs_members
    def action_elect(self) -> None:
        org = self._selected()
        if org is None:
            return

        def elected(c: Committee | None) -> None:
            if c is not None:
                self._changed(org.code, f"已登记换届：{org.name} {c.kind.value}（未保存）")

        self.app.push_screen(CommitteeForm(self.session, org), elected)

    @needs_members
    def action_correct(self) -> None:
        """修改本届: correct the current term of a committee (its dates and seats), not a 换届."""
        org = self._selected()
        if org is None:
            return
        current = [c for c in (org.committee(kind) for kind in CommitteeKind) if c is not None]
        if not current:
            self.notify("此组织还没有登记委员会：按 h 登记", severity="warning")
            return

        def corrected(c: Committee | None) -> None:
            if c is not None:
                self._changed(org.code, f"已修改本届{c.kind.value}：{org.name}（未保存）")

        if len(current) == 1:
            self.app.push_screen(CommitteeForm(self.session, org, current[0]), corrected)
            return

        def chosen(answer: str | None) -> None:
            found = [c for c in current if c.kind.name == answer]
            if found:
                self.app.push_screen(CommitteeForm(self.session, org, found[0]), corrected)

        self.app.push_screen(
            ChoiceDialog(
                "修改本届委员会",
                f"修改{org.name}哪个委员会的本届？",
                [*((c.kind.name, c.kind.value, "primary") for c in current), ("cancel", "取消", "default")],
            ),
            chosen,
        )

    @needs_members
    def action_units(self) -> None:
        """覆盖单位: the units the organisation covers (add, change, remove)."""
        org = self._selected()
        if org is None:
            return

        def closed(changed: bool | None) -> None:
            if changed:
                self._changed(org.code, f"已修改覆盖单位：{org.name}（未保存）")

        self.app.push_screen(EnterpriseList(self.session, org.code), closed)
