"""The competitions plugin's records: contest details and honours (荣誉称号).

A competition or skill contest is a core event of type `labour_competition`: it already has its date,
organisers, participants (members) or head count (人次), results (member or team, rank, award), the
economic benefit it brought (`benefit`) and its ledger entries (account 50301). Keeping competitions as
core events means they count among the year's activities, ledger entries link to them by event id,
and nothing is written twice. What an event cannot say is kept in a `[[contest]]` record keyed by the
event id: the kind (劳动竞赛 / 技能竞赛 / 技术比武 …), level, trade, the teams that entered and the
prizes. A `labour_competition` event without a contest record is simply a 劳动竞赛.

劳模 are core members with the category `model_worker` (level, title, year); their care visits are core
`care_visit` events listing them among the participants.

Files (under `plugins/competitions/` in the workspace):

    contests.toml             [[contest]]  details of a labour_competition event (key: event)
    honours/<year>.toml       [[honour]]   先进集体, 先进个人, 工人先锋号, 岗位能手, 文明班组 …
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from unioncore import Collection, Field, Kind
from unioncore.core_hooks import MODEL_WORKER_LEVELS as MODEL_WORKER_LEVELS  # highest first

PLUGIN = "competitions"
GROUP = "劳动竞赛与评先评优"

CONTEST = "contest"
HONOUR = "honour"

# what this plugin builds on in the core
LABOUR_COMPETITION = "labour_competition"
CARE_VISIT = "care_visit"
MODEL_WORKER = "model_worker"

CONTEST_KINDS = ("劳动竞赛", "技能竞赛", "技术比武", "岗位练兵", "创新竞赛")
SKILL_KINDS = ("技能竞赛", "技术比武", "岗位练兵")
DEFAULT_KIND = "劳动竞赛"
LEVELS = (*MODEL_WORKER_LEVELS, "街道（乡镇）级", "基层单位级")

COLLECTIVE_TITLES = ("先进集体", "工人先锋号", "文明班组", "五一劳动奖状")
INDIVIDUAL_TITLES = ("先进个人", "岗位能手", "五一劳动奖章", "劳动模范")
OTHER_TITLE = "其他"
HONOUR_KINDS = (*COLLECTIVE_TITLES, *INDIVIDUAL_TITLES, OTHER_TITLE)
MODEL_WORKER_TITLE = "劳动模范"

TEAM_FIELDS = (
    Field("name", label="队名/班组", required=True),
    Field("org", label="所属工会", ref="organisation"),
    Field("members", Kind.STR_LIST, label="队员", ref="member"),
)

PRIZE_FIELDS = (
    Field("award", label="奖项", required=True),
    Field("count", Kind.INT, label="名额", minimum=1),
    Field("amount", Kind.MONEY, label="每份奖金（元）"),
)

CONTEST_FIELDS = (
    Field("event", label="竞赛活动", required=True, ref="event", help="劳动竞赛活动的编号"),
    Field("kind", label="类别", required=True, choices=CONTEST_KINDS),
    Field("level", label="级别", choices=LEVELS),
    Field("trade", label="项目/工种"),
    Field("teams", Kind.TABLE_LIST, label="参赛队", fields=TEAM_FIELDS),
    Field("prizes", Kind.TABLE_LIST, label="奖项与奖金", fields=PRIZE_FIELDS),
    Field("note", label="备注"),
)

HONOUR_FIELDS = (
    Field("id", label="编号", required=True),
    Field("kind", label="称号类别", required=True, choices=HONOUR_KINDS),
    Field("title", label="称号全称", help="如“区级工人先锋号”“市五一劳动奖章”"),
    Field("level", label="级别", required=True, choices=LEVELS),
    Field("year", Kind.INT, label="年度", required=True, minimum=1949, maximum=2200),
    Field("awarded_by", label="授予机关"),
    Field("date", Kind.DATE, label="授予日期"),
    Field("member", label="获得者（会员）", ref="member"),
    Field("name", label="获得者（姓名）", help="获得者不是本工作区会员时填写"),
    Field("org", label="获得单位", ref="organisation"),
    Field("team", label="获得集体/班组"),
    Field("event", label="竞赛活动", ref="event", help="在劳动竞赛中获得时填写"),
    Field("note", label="备注"),
)


def _honour_file(values: Mapping[str, Any]) -> str:
    year = values.get("year")
    return f"honours/{year if year is not None else 'undated'}.toml"


COLLECTIONS = [
    Collection(CONTEST, "劳动竞赛详情", CONTEST_FIELDS, key="event", default_file="contests.toml"),
    Collection(HONOUR, "荣誉称号", HONOUR_FIELDS, default_file=_honour_file),
]
