"""The terminal UI of unioncore: `unioncore tui DIR` (and `make demo`) call `run(path)`.

The app loads the workspace in a worker thread, shows the first tab as soon as the organisations and
the problems are there, and builds what needs every member (the search index, the counts) in
another worker meanwhile (`Session.build_members`): a tab or an action that needs the members
says "正在载入…" until then and goes on by itself. It shows six tabs (组织, 会员, 活动, 经费, 检查,
报表) and one tab per plugin panel. Every change goes through the core's API; the app keeps the
unsaved-changes marker in the header, saves with ctrl+s (showing the core's reasons when it
refuses), watches the files for changes by other programs, and asks before dropping changes.
"""

from __future__ import annotations

import datetime
import gc
import subprocess
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer, Header, LoadingIndicator, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from unioncore import cache
from unioncore.member import Member
from unioncore.problems import Problem, SaveError, UnioncoreError

from .locate import editor_command, record_of
from .screens.base import Pane, WaitNote
from .screens.dialogs import ChoiceDialog
from .screens.events import EventPane
from .screens.funds import FundPane
from .screens.members import MemberPane
from .screens.orgs import OrgPane
from .screens.plugins import PluginSlot
from .screens.problems import ProblemPane
from .screens.reports import ReportPane
from .session import Session

TABS = (
    ("orgs", "组织"),
    ("members", "会员"),
    ("events", "活动"),
    ("funds", "经费"),
    ("problems", "检查"),
    ("reports", "报表"),
)
# number keys of the plugin tabs, after the core's 1–6
PLUGIN_KEYS = ("7", "8", "9", "0")


class UnionApp(App[int]):
    """A union officer's workspace in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "unioncore"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "保存"),
        Binding("ctrl+q", "quit", "退出", priority=True),
        Binding("ctrl+r", "reload", "重新加载", show=False),
        Binding("ctrl+p", "command_palette", "命令", show=False),
        *(Binding(str(i + 1), f"tab('{tid}')", label, show=False) for i, (tid, label) in enumerate(TABS)),
        *(Binding(k, f"plugin_tab({n})", f"插件标签 {n + 1}", show=False) for n, k in enumerate(PLUGIN_KEYS)),
    ]

    def __init__(
        self,
        path: str | Path,
        *,
        as_of: datetime.date | None = None,
        plugins: Mapping[str, object] | None = None,
        watch_interval: float | None = 2.0,
        session: Session | None = None,
        freeze_gc: bool = False,
    ) -> None:
        """`session`: an already opened workspace (tests, benchmarks); otherwise `path` is loaded.
        `freeze_gc`: exempt the loaded records from cyclic garbage collection (`run` does; tests
        that open many workspaces in one process do not)."""
        super().__init__()
        self.freeze_gc = freeze_gc
        self._preloaded = session
        self.path = Path(path)
        self.as_of = as_of
        self.plugins = plugins
        self.watch_interval = watch_interval
        self.wrote_files = False  # this session saved: the workspace cache is stale when it ends
        self.session: Session | None = None
        self._ignored_changes: frozenset[str] = frozenset()
        self._asking = False
        self._plugin_tabs: list[str] = []
        # the core tabs' panes; each is mounted when its tab is first shown (a mounted widget costs
        # every refresh and every keystroke something, shown or not), then stays
        self._panes: dict[str, Pane] = {}
        self._built: set[str] = set()
        self._pending: dict[str, list[Callable[[Pane], None]]] = {}
        self._building: set[str] = set()
        # what waits for the session's members (`when_ready`): (session, then)
        self._after_ready: list[tuple[Session, Callable[[], None]]] = []

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header(icon="工")
        with Container(id="body"):
            yield LoadingIndicator(id="loading")
            yield Static(f"正在打开工作区 {self.path} …", id="loading-note")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        self.sub_title = "正在加载…"
        if self._preloaded is not None:
            session, self._preloaded = self._preloaded, None
            await self._loaded(session)
        else:
            self._load()

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#tabs", TabbedContent)

    def pane(self, tab: str) -> Pane:
        """The pane of a core tab ("orgs", "members" …); mounted once its tab has been shown."""
        return self._panes[tab]

    def panes(self) -> list[Pane]:
        """The mounted panes (one not yet mounted is stale anyway: it refreshes when shown)."""
        return [pane for tid, pane in self._panes.items() if tid in self._built]

    # -- loading ------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        session = Session.open(self.path, as_of=self.as_of, plugins=self.plugins)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._loaded_later, session)

    def _loaded_later(self, session: Session) -> None:
        self.call_later(self._loaded, session)

    async def _loaded(self, session: Session) -> None:
        first = self.session is None
        old = self.session
        if old is not None and old.current_org in session.ws.organisations:
            session.current_org = old.current_org
        self.session = session
        del old
        # A district's records are millions of objects that live as long as the session: keep
        # them out of the cyclic garbage collector, whose full passes would otherwise stall a
        # keystroke now and then. On a reload the previous session is unfrozen and collected first.
        if self.freeze_gc:
            if not first:
                gc.unfreeze()
                gc.collect()
            gc.freeze()
        self._ignored_changes = frozenset()
        if first:
            body = self.query_one("#body")
            await body.remove_children()
            tabs = TabbedContent(id="tabs")
            await body.mount(tabs)
            self._panes = {tid: self._make_pane(tid) for tid, _ in TABS}
            first_tab = TABS[0][0]
            for tid, label in TABS:
                content = (self._panes[tid],) if tid == first_tab else ()
                await tabs.add_pane(TabPane(label, *content, id=f"tab-{tid}"))
            self._built = {first_tab}
        else:
            self.query_one("#body").loading = False
        await self._mount_plugin_tabs()
        for pane in self.panes():
            pane.mark_stale()
        self._refresh_visible()
        self.update_header()
        if first:
            self._focus_active()
        # the members are read once this screen is drawn (a worker holds the interpreter's lock
        # much of the time while it restores them)
        self.call_after_refresh(self._prepare_members, session)
        if first and self.watch_interval:
            self.set_interval(self.watch_interval, self._poll_disk)

    def _make_pane(self, tid: str) -> Pane:
        cls: dict[str, type[Pane]] = {
            "orgs": OrgPane,
            "members": MemberPane,
            "events": EventPane,
            "funds": FundPane,
            "problems": ProblemPane,
            "reports": ReportPane,
        }
        return cls[tid](id=f"pane-{tid}")

    async def _mount_plugin_tabs(self) -> None:
        assert self.session is not None
        tabs = self.tabs
        for tab_id in self._plugin_tabs:
            await tabs.remove_pane(tab_id)
        self._plugin_tabs = []
        panels, problems = self.session.ws.tui_panels()
        for n, panel in enumerate(panels):
            tab_id = f"tab-plugin-{n}"
            await tabs.add_pane(TabPane(panel.title, PluginSlot(panel, self.session.ws), id=tab_id))
            self._plugin_tabs.append(tab_id)
        for p in problems:
            self.notify(
                p.message, title="插件面板", severity="error" if p.is_error else "warning", timeout=10
            )

    @work(thread=True, exclusive=True, group="members")
    def _prepare_members(self, session: Session) -> None:
        """Restore the records and build the member index and counts, then the pinyin."""
        try:
            session.build_members()
        except UnioncoreError as exc:  # the cache could not be read after all: read the files
            if not get_current_worker().is_cancelled:
                self.call_from_thread(self._members_failed, session, exc)
            return
        if get_current_worker().is_cancelled:  # a reload replaced the session meanwhile
            return
        self.call_from_thread(self._members_ready, session)
        session.index.fill_pinyin()

    def _members_ready(self, session: Session) -> None:
        """The session's members are indexed and counted: show what waited for them."""
        if session is not self.session:
            return
        if self.freeze_gc:
            gc.freeze()  # the records restored just now (see `_loaded`)
        active = self.tabs.active
        focused = self.focused
        # the shown tab waited: its list takes the focus (unless the officer went elsewhere)
        refocus = any(
            p.waiting and p.parent is not None and p.parent.id == active for p in self.panes()
        ) and (
            focused is None or isinstance(focused, WaitNote) or focused is self.tabs.query_one("ContentTabs")
        )
        for pane in self.panes():
            if isinstance(pane, OrgPane):
                pane.refresh_details()
            elif pane.waiting:
                pane.mark_stale()
        self._refresh_visible()
        if refocus:
            self._focus_active()
        queued, self._after_ready = self._after_ready, []
        for owner, then in queued:
            if owner is session:
                then()

    def _members_failed(self, session: Session, exc: UnioncoreError) -> None:
        if session is self.session:
            message = exc.problems[0].message if exc.problems else str(exc)
            self.notify(f"{message}；正在从文件重新加载", severity="warning", timeout=10)
            self.reload(force=True)

    def when_ready(self, then: Callable[[], None]) -> None:
        """Call `then` (a form, a search, a jump) once the session's members are indexed: now,
        or — saying so — as soon as the worker building them is done. Nothing that needs the
        members ever sees them half-built."""
        session = self.session
        if session is None:
            return
        if session.ready:
            then()
            return
        self._after_ready.append((session, then))
        self.notify("正在载入会员，载入后自动继续……", timeout=3)

    # -- header -------------------------------------------------------------------------------
    def update_header(self) -> None:
        session = self.session
        if session is None:
            return
        ws = session.ws
        if ws.dirty:
            self.title = f"● {ws.name}"
            self.sub_title = f"未保存：{len(ws.dirty_files)} 个文件（ctrl+s 保存）"
        else:
            self.title = ws.name
            self.sub_title = f"{ws.year}年度 · 已保存"

    # -- tabs ---------------------------------------------------------------------------------
    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        tid = (event.pane.id or "").removeprefix("tab-")
        if tid in self._panes and tid not in self._built:
            await self._build(tid)
            return
        self._refresh_visible()
        focused = self.focused
        if focused is None or not focused.is_on_screen or not focused.display:
            self._focus_active()

    async def _build(self, tid: str) -> None:
        """Mount the pane of a tab shown for the first time, show it, then do what waited for it."""
        if tid in self._built or tid in self._building:
            return
        self._building.add(tid)
        try:
            await self.query_one(f"#tab-{tid}", TabPane).mount(self._panes[tid])
        finally:
            self._building.discard(tid)
        self._built.add(tid)
        if self.tabs.active == f"tab-{tid}":
            self._refresh_visible()
            self._focus_active()
        for then in self._pending.pop(tid, []):
            then(self._panes[tid])

    def _with_pane(self, tid: str, then: Callable[[Pane], None]) -> None:
        """Show the tab `tid` and call `then` with its pane, once the pane is mounted."""
        self.action_tab(tid)
        if tid in self._built:
            then(self._panes[tid])
        elif tid in self._panes:
            self._pending.setdefault(tid, []).append(then)

    def _focus_active(self) -> None:
        """Focus the active tab's list; on a plugin's tab its first focusable widget, else the tab
        bar (a focused widget left in a hidden tab would make the tabs switch back to it)."""
        active = self.tabs.active
        tid = active.removeprefix("tab-")
        if tid in self._panes and tid not in self._built:
            # its pane is being mounted (`_build` focuses its list then)
            self.tabs.query_one("ContentTabs").focus()
            return
        for pane in self.panes():
            parent = pane.parent
            if parent is not None and parent.id == active:
                pane.focus_main()
                return
        for slot in self.query(PluginSlot):
            parent = slot.parent
            if parent is not None and parent.id == active:
                focusable = [w for w in slot.query("*") if w.focusable]
                if focusable:
                    focusable[0].focus()
                else:
                    self.tabs.query_one("ContentTabs").focus()
                return

    def _refresh_visible(self) -> None:
        if not self.query("#tabs"):
            return
        active = self.tabs.active
        for pane in self.panes():
            parent = pane.parent
            if parent is not None and parent.id == active:
                pane.ensure_fresh()
        for slot in self.query(PluginSlot):
            parent = slot.parent
            if parent is not None and parent.id == active:
                # a plugin's panel reads the records at once: not before they are restored
                if self.session is not None and self.session.ready:
                    slot.build()
                else:
                    slot.wait()

    def action_tab(self, tid: str) -> None:
        if self.session is not None and self.query("#tabs"):
            self.tabs.active = f"tab-{tid}"
            self._refresh_visible()
            self._focus_active()

    def action_plugin_tab(self, n: int) -> None:
        if n < len(self._plugin_tabs):
            self.tabs.active = self._plugin_tabs[n]
            self._refresh_visible()
            self.tabs.query_one("ContentTabs").focus()
            self.call_after_refresh(self._focus_active)

    def set_current_org(self, code: str | None) -> None:
        if self.session is not None and self.session.current_org != code:
            self.session.current_org = code
            self.current_org_changed()

    def current_org_changed(self) -> None:
        """The 组织 selection changed: the tabs that follow it redraw when shown."""
        for pane in self.query("#pane-members, #pane-events, #pane-funds").results(Pane):
            pane.mark_stale()
        for reports in self.query("#pane-reports").results(ReportPane):
            reports.current_org_changed()

    # -- changes ------------------------------------------------------------------------------
    def after_change(self, *, member: Member | None = None, message: str = "") -> None:
        """A record changed through the core: re-index, re-count, re-check, redraw."""
        session = self.session
        assert session is not None
        if member is not None:
            session.index.update(member)
        session.recount()
        session.rebuild_tree()
        session.recheck()
        for pane in self.panes():
            pane.mark_stale()
        self._refresh_visible()
        self.update_header()
        if message:
            self.notify(message)

    def recheck(self, *, notify: bool = False) -> None:
        session = self.session
        if session is None:
            return
        session.recheck()
        self.pane("problems").mark_stale()
        self.pane("orgs").mark_stale()
        self._refresh_visible()
        self.update_header()
        if notify:
            self.notify(f"检查完成：共 {len(session.problems)} 个问题")

    # -- saving -------------------------------------------------------------------------------
    def action_save(self) -> None:
        session = self.session
        if session is None:
            return
        if not session.ws.dirty:
            self.notify("没有需要保存的修改")
            return
        try:
            written = session.ws.save()
        except SaveError as exc:
            self._save_refused(exc.problems)
            return
        except OSError as exc:
            self.notify(
                f"保存失败：{exc.strerror or exc}（{exc.filename or ''}）", severity="error", timeout=15
            )
            return
        self._ignored_changes = frozenset()
        self.wrote_files = self.wrote_files or bool(written)
        self.recheck()
        self.notify(f"已保存 {len(written)} 个文件" if written else "已保存（内容没有变化）")

    def _save_refused(self, problems: list[Problem]) -> None:
        def answer(choice: str | None) -> None:
            if choice == "reload":
                self.reload(force=True)

        self.push_screen(
            ChoiceDialog(
                "未能保存",
                "下列文件没有写入（其余文件也未写入）。可以重新加载（放弃你未保存的修改），"
                "或继续编辑，先处理这些问题再保存。",
                [("keep", "继续编辑", "primary"), ("reload", "重新加载（放弃我的修改）", "error")],
                problems=problems,
                id="save-refused",
            ),
            answer,
        )

    # -- reloading and watching ---------------------------------------------------------------
    def action_reload(self) -> None:
        self.reload()

    def reload(self, *, force: bool = False) -> None:
        """Read the workspace again from disk; asks first when there are unsaved changes."""
        session = self.session
        if session is None:
            return
        if session.ws.dirty and not force:

            def answer(choice: str | None) -> None:
                if choice == "reload":
                    self.reload(force=True)

            self.push_screen(
                ChoiceDialog(
                    "重新加载",
                    f"有 {len(session.ws.dirty_files)} 个文件的修改尚未保存，重新加载会放弃这些修改。",
                    [("cancel", "取消", "primary"), ("reload", "放弃修改并重新加载", "error")],
                ),
                answer,
            )
            return
        self.query_one("#body").loading = True
        self._load()

    def _poll_disk(self) -> None:
        # not while a form or dialog is open: a reload under an open form would lose its change
        if (
            self.session is None
            or self._asking
            or len(self.screen_stack) > 1
            or self.workers_in_group("load")
        ):
            return
        self._check_disk(self.session)

    def workers_in_group(self, group: str) -> bool:
        return any(w.group == group and not w.is_finished for w in self.workers)

    @work(thread=True, exclusive=True, group="watch")
    def _check_disk(self, session: Session) -> None:
        try:
            changed = session.ws.changed_on_disk()
        except RuntimeError:  # the file table changed while a save ran; look again next time
            return
        if changed:
            self.call_from_thread(self._disk_changed, session, changed)

    def _disk_changed(self, session: Session, changed: list[str]) -> None:
        if session is not self.session or self._asking or frozenset(changed) <= self._ignored_changes:
            return
        names = "、".join(changed[:5]) + (f" 等 {len(changed)} 个文件" if len(changed) > 5 else "")
        if not session.ws.dirty:
            self.notify(f"{names} 已被其他程序修改，已重新加载", title="文件有变化")
            self.reload(force=True)
            return
        self._asking = True

        def answer(choice: str | None) -> None:
            self._asking = False
            if choice == "reload":
                self.reload(force=True)
            else:
                self._ignored_changes = frozenset(changed)
                self.notify("已保留你的修改。保存时，这些被改动的文件会被拒绝写入。", severity="warning")

        self.push_screen(
            ChoiceDialog(
                "文件被其他程序修改",
                f"{names} 在打开后被其他程序（编辑器、git 等）修改了，而你还有未保存的修改。",
                [("keep", "保留我的修改", "primary"), ("reload", "重新加载（放弃我的修改）", "error")],
                id="disk-changed",
            ),
            answer,
        )

    # -- quitting -----------------------------------------------------------------------------
    async def action_quit(self) -> None:
        session = self.session
        if session is None or not session.ws.dirty:
            self.exit(0)
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                assert self.session is not None
                try:
                    written = self.session.ws.save()
                except SaveError as exc:
                    self._save_refused(exc.problems)
                    return
                self.wrote_files = self.wrote_files or bool(written)
                self.exit(0)
            elif choice == "discard":
                self.exit(0)

        self.push_screen(
            ChoiceDialog(
                "退出",
                f"有 {len(session.ws.dirty_files)} 个文件的修改尚未保存。",
                [
                    ("save", "保存并退出", "primary"),
                    ("discard", "不保存，退出", "error"),
                    ("cancel", "取消", "default"),
                ],
                id="quit-dialog",
            ),
            answer,
        )

    # -- jumping and the editor ---------------------------------------------------------------
    def jump_to(self, problem: Problem) -> None:
        self.when_ready(lambda: self._jump_to(problem))

    def _jump_to(self, problem: Problem) -> None:
        session = self.session
        if session is None:
            return
        ref = record_of(session.ws, problem)
        if ref is None:
            self.notify("这个问题没有对应的单条记录；按 e 用编辑器打开文件", severity="warning")
            return
        self.show_record(*ref)

    def show_record(self, kind: str, key: str) -> None:
        """Go to a record in its tab: kind is "organisation", "member", "event", "entry" (key =
        the entry's ref), "budget" or "opening" (key = "org:year"), or a plugin collection."""
        self.when_ready(lambda: self._show_record(kind, key))

    def _show_record(self, kind: str, key: str) -> None:
        if kind == "organisation":

            def org(pane: Pane) -> None:
                assert isinstance(pane, OrgPane)
                pane.ensure_fresh()
                pane.select(key)
                pane.org_tree.focus()

            self._with_pane("orgs", org)
        elif kind == "member":
            self.show_member(key)
        elif kind == "event":

            def event(pane: Pane) -> None:
                assert isinstance(pane, EventPane)
                pane.ensure_fresh()
                pane.show_event(key)

            self._with_pane("events", event)
        elif kind == "entry":

            def entry(pane: Pane) -> None:
                assert isinstance(pane, FundPane)
                pane.stale = False
                pane.show_entry(key)

            self._with_pane("funds", entry)
        elif kind in ("budget", "opening"):
            org_code, _, year = key.partition(":")

            def budget(pane: Pane) -> None:
                assert isinstance(pane, FundPane)
                pane.stale = False
                pane.show_year(org_code, int(year) if year.isdigit() else None)

            self._with_pane("funds", budget)
        else:
            self.notify(f"这是插件记录 {kind}:{key}，请在插件的标签页中查看，或按 e 用编辑器打开")

    def show_member(self, member_id: str) -> None:
        def member(pane: Pane) -> None:
            assert isinstance(pane, MemberPane)
            pane.stale = False
            pane.search_for(member_id, select=member_id)

        self.when_ready(lambda: self._with_pane("members", member))

    def show_members_of(self, code: str) -> None:
        self.set_current_org(code)

        def members(pane: Pane) -> None:
            assert isinstance(pane, MemberPane)
            pane.stale = False
            pane.refresh_data()
            pane.search_for("", scope="sub")

        # the tab is shown at once (saying it is loading), the list once the members are there
        self._with_pane("members", lambda pane: self.when_ready(lambda: members(pane)))

    def open_in_editor(self, problem: Problem) -> None:
        session = self.session
        if session is None:
            return
        cmd = editor_command(session.ws.root, problem)
        if cmd is None:
            self.notify("这个问题不在某个文件里，无法用编辑器打开", severity="warning")
            return
        try:
            with self.suspend():
                subprocess.run(cmd, check=False)
        except Exception as exc:  # SuspendNotSupported, editor not found …
            self.notify(f"无法打开编辑器：{exc}", severity="error")
            return
        self._poll_disk()

    # -- command palette ----------------------------------------------------------------------
    def action_command_palette(self) -> None:
        if not isinstance(self.screen, CommandPalette):
            self.push_screen(
                CommandPalette(placeholder="输入命令，如“保存”“会员”“记账”…", id="--command-palette")
            )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand("保存", "把修改写入文件（ctrl+s）", self.action_save)
        yield SystemCommand("重新加载", "从磁盘重新读取工作区（ctrl+r）", self.action_reload)
        yield SystemCommand("重新检查", "重新运行全部检查规则", lambda: self.recheck(notify=True))
        for i, (tid, label) in enumerate(TABS):
            yield SystemCommand(
                f"转到：{label}", f"切换到“{label}”标签（{i + 1}）", lambda t=tid: self.action_tab(t)
            )
        for n, tab_id in enumerate(self._plugin_tabs):
            title = str(self.tabs.get_tab(tab_id).label) if self.query("#tabs") else tab_id
            key = f"（{PLUGIN_KEYS[n]}）" if n < len(PLUGIN_KEYS) else ""
            yield SystemCommand(f"转到：{title}", f"插件的标签页{key}", lambda n=n: self.action_plugin_tab(n))
        if self.session is not None:
            yield SystemCommand(
                "新建组织", "在“组织”中新建一个组织（n）", lambda: self._pane_action("orgs", "add")
            )
            yield SystemCommand(
                "修改组织", "修改“组织”中选中的组织（e）", lambda: self._pane_action("orgs", "edit")
            )
            yield SystemCommand(
                "登记换届",
                "为选中的组织登记新一届委员会、经审会或女职委（h）",
                lambda: self._pane_action("orgs", "elect"),
            )
            yield SystemCommand(
                "更正本届委员会",
                "更正选中组织本届委员会的任期或成员（c）",
                lambda: self._pane_action("orgs", "correct"),
            )
            yield SystemCommand(
                "覆盖单位",
                "查看、新增、修改选中组织覆盖的单位（u）",
                lambda: self._pane_action("orgs", "units"),
            )
            yield SystemCommand(
                "新增会员（入会）", "打开入会登记表", lambda: self._pane_action("members", "add")
            )
            yield SystemCommand(
                "会员转会", "为选中的会员办理转会", lambda: self._pane_action("members", "transfer")
            )
            yield SystemCommand(
                "会员退休", "为选中的会员办理退休", lambda: self._pane_action("members", "retire")
            )
            yield SystemCommand(
                "会员退会", "为选中的会员办理退会", lambda: self._pane_action("members", "leave")
            )
            yield SystemCommand("新增活动", "登记一项活动", lambda: self._pane_action("events", "add"))
            yield SystemCommand("记账", "为所选组织记一笔账", lambda: self._pane_action("funds", "add"))
            yield SystemCommand(
                "修改凭证", "修改“经费”中选中的凭证", lambda: self._pane_action("funds", "edit")
            )
            yield SystemCommand(
                "作废凭证", "删除“经费”中选中的凭证（会先确认）", lambda: self._pane_action("funds", "void")
            )
            yield SystemCommand(
                "导出报表",
                "把“报表”中预览的报表导出为文件（x）",
                lambda: self._pane_action("reports", "export"),
            )
            yield SystemCommand(
                "用编辑器打开问题所在文件",
                "在 $EDITOR 中打开选中问题的文件和行",
                lambda: self._pane_action("problems", "editor"),
            )
        yield SystemCommand("切换主题", "更换界面配色", self.action_change_theme)
        yield SystemCommand("退出", "退出程序（有未保存的修改时会询问）", self.action_quit)

    def _pane_action(self, tab: str, action: str) -> None:
        def act(pane: Pane) -> None:
            pane.ensure_fresh()
            self.call_later(getattr(pane, f"action_{action}"))

        self._with_pane(tab, act)


def run(path: str) -> int:
    """Open the terminal UI on the workspace at `path`; returns the exit code."""
    app = UnionApp(path, freeze_gc=True)
    code = app.run()
    if app.wrote_files:  # read the saved workspace again in the background: tomorrow's open is fast
        cache.refresh_detached(Path(path))
    return int(code or 0)
