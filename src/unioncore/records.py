"""Records of plugin-owned collections: validated values of one `[[<collection>]]` table."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs


@attrs.frozen
class Record(Mapping[str, Any]):
    """A plugin record: read it like a mapping (`rec["level"]`, `rec.get("deadline")`)."""

    collection: str
    key: str
    data: dict[str, Any] = attrs.field(eq=False)

    def __getitem__(self, name: str) -> Any:
        return self.data[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    @property
    def ref(self) -> str:
        return f"{self.collection}:{self.key}"
