"""unioncore: a union's records (组织、会员、活动、经费) as plain TOML files, checked and counted.

import unioncore
ws, problems = unioncore.load("examples/workspace")
for m in ws.members_of("JD01-001"):
    print(m.name, m.masked_id_number)
"""

from . import dues
from .hookspecs import hookimpl
from .loader import load
from .problems import Problem, SaveError, Severity, UnioncoreError, ValidationError
from .registry import (
    Collection,
    EventType,
    Figure,
    MemberCategory,
    Period,
    ReportSection,
    Rule,
    TuiPanel,
)
from .schema import Field, Kind
from .workspace import Workspace

__version__ = "0.1.0"

__all__ = [
    "Collection",
    "EventType",
    "Field",
    "Figure",
    "Kind",
    "MemberCategory",
    "Period",
    "Problem",
    "ReportSection",
    "Rule",
    "SaveError",
    "Severity",
    "TuiPanel",
    "UnioncoreError",
    "ValidationError",
    "Workspace",
    "__version__",
    "dues",
    "hookimpl",
    "load",
]
