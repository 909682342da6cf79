"""组织: the organisation tree and, for the selected one, its details, committees and terms (with
the core's 换届 reminders), member and employee counts and 入会率."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from unioncore.member import Status
from unioncore.organisation import CommitteeKind, Organisation
from unioncore.problems import Severity

from .base import Pane

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.HINT: "cyan"}


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
            self.query_one("#org-info", Static).update("工作区中还没有组织。")

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

    def details(self, org: Organisation) -> Text:
        session = self.session
        ws = session.ws
        facts = session.facts(org.code)
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
        own, below = facts.own, facts.below
        t.append(f"本级在职 {own[Status.ACTIVE]} 人，退休 {own[Status.RETIRED]} 人")
        if session.children.get(org.code):
            t.append(f"；含下级在职 {below[Status.ACTIVE]} 人，退休 {below[Status.RETIRED]} 人")
        t.append("\n")
        left = sum(below[s] for s in Status if not s.is_member)
        if left:
            t.append(f"      已转出、退会或去世 {left} 人（仍留在名册中）\n", style="dim")
        t.append("职工  ", style="bold")
        if facts.employees is not None:
            women = f"（女职工 {facts.female_employees} 人）" if facts.female_employees is not None else ""
            t.append(f"{facts.employees} 人{women}\n")
        else:
            t.append("未填\n", style="dim")
        t.append("入会率 ", style="bold")
        if facts.rate is not None:
            t.append(f"{facts.rate}%", style="bold green")
            t.append(f"（{facts.rate_note}）\n")
        else:
            t.append(f"—（{facts.rate_note}）\n", style="dim")
        if org.enterprises:
            required = [e for e in org.enterprises if e.required]
            done = [e for e in required if e.unionised]
            t.append("覆盖单位 ", style="bold")
            t.append(f"{len(org.enterprises)} 家，应建会 {len(required)} 家，已建会 {len(done)} 家\n")
        t.append("\n委员会与任期\n", style="bold")
        shown = False
        for kind in CommitteeKind:
            c = org.committee(kind)
            if c is None:
                continue
            shown = True
            left_days = c.days_left(ws.as_of)
            chair = c.chair()
            who = (
                f"，{chair.role} {chair.name or session.describe('member', chair.member or '') or chair.member}"
                if chair
                else ""
            )
            t.append(f"  {kind.value} {c.term_start.isoformat()} 至 {c.term_end.isoformat()}{who}\n")
            if left_days < 0:
                t.append(f"    已届满 {-left_days} 天\n", style="yellow")
            else:
                t.append(f"    距届满还有 {left_days} 天\n", style="dim")
        if not shown:
            t.append("  未登记委员会\n", style="dim")
        problems = session.problems_of_org(org.code)
        terms = [p for p in problems if (p.rule or "").startswith("org.term")]
        others = [p for p in problems if p not in terms]
        if terms:
            t.append("\n换届提醒\n", style="bold")
            for p in terms:
                t.append(f"  {p.severity.label}：{p.message}\n", style=SEVERITY_STYLE[p.severity])
        if others:
            t.append(f"\n此组织的文件中还有 {len(others)} 个问题（在“检查”中查看）\n", style="yellow")
        return t
