"""Text from articles and file names, made safe to show on a terminal.

Web text may hold ANSI escape sequences, control and bidirectional-override
characters, and strings that look like rich markup (``[/caption]``, ``[link=…]``).
Shown raw they would move the cursor, recolour or spoof the screen, or crash the
printer; here they become inert text.
"""

from __future__ import annotations

import re

from rich.text import Text

# CSI/OSC escape sequences, then any remaining C0/C1 control character (tab and newline kept) and the
# bidirectional embedding, override and isolate controls that reorder what the reader sees.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(value: object) -> str:
    """``value`` as printable text: escape sequences and control characters removed."""
    return _CONTROLS.sub("", _ESCAPES.sub("", "" if value is None else str(value)))


def text(value: object, style: str | None = None) -> Text:
    """A rich ``Text`` that is never parsed as markup."""
    return Text(plain(value), style=style or "")
