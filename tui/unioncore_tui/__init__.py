"""The terminal UI of unioncore (Textual): `unioncore tui DIR` calls `unioncore_tui.app.run`.

Layout: `app.py` (the app: loading, saving, watching, quitting, jumping), `session.py` (one opened
workspace with its problems, search index and tree), `search.py` (the pinyin member index),
`locate.py` (from a problem back to its record; the `$EDITOR` command), `screens/` (one module per
tab and per form or dialog), `widgets/` (the paged table and the forms built from the core's
field declarations) and `app.tcss` (the styles).
"""
