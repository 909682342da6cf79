"""Word (.docx) with python-docx, for Word and WPS: A4, real heading styles (so the navigation pane
and a table of contents work), grid tables with a repeated header row, and Chinese fonts set through
`w:eastAsia` — python-docx's `font.name` only sets the Latin slots, and without the East Asian one
Word and WPS fall back to the theme font for Chinese text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from .model import Heading, Paragraph, Report, Table, format_cell, numeric_columns

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)
TABLE_STYLE = "表格文字"
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(rpr: Any, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Point a run-properties element at explicit fonts, Chinese in the w:eastAsia slot."""
    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _style(doc: Any, name: str, east_asia: str, size: float, bold: bool | None = None) -> Any:
    style = doc.styles[name]
    set_fonts(style.element.get_or_add_rPr(), east_asia)
    style.font.size = Pt(size)
    style.font.color.rgb = BLACK
    if bold is not None:
        style.font.bold = bold
    return style


def _setup(doc: Any) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin = section.right_margin = Mm(25)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            set_fonts(rpr, BODY_FONT)
    normal = _style(doc, "Normal", BODY_FONT, 12)
    normal.paragraph_format.line_spacing = 1.5
    title = _style(doc, "Title", HEADING_FONT, 22, bold=False)
    ppr = title.element.pPr
    if ppr is not None:  # the default template underlines the title with a border
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(12)
    for level, size in ((1, 16), (2, 14), (3, 12)):
        h = _style(doc, f"Heading {level}", HEADING_FONT, size, bold=level > 1)
        h.font.italic = False
        h.paragraph_format.space_before = Pt(12)
        h.paragraph_format.space_after = Pt(6)
    cell = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(10.5)
    cell.paragraph_format.line_spacing = 1.0
    cell.paragraph_format.space_after = Pt(0)
    _page_numbers(section)


def _page_numbers(section: Any) -> None:
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _row_xml(texts: list[str], widths: list[str], style_id: str, *, header: bool, right: set[int]) -> str:
    """One table row as WordprocessingML. Rows are built as text and parsed once: adding cells
    through python-docx's objects costs milliseconds each, too slow for a district's tables."""
    cells = []
    for j, text in enumerate(texts):
        shade = '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>' if header else ""
        jc = '<w:jc w:val="center"/>' if header else ('<w:jc w:val="right"/>' if j in right else "")
        bold = "<w:rPr><w:b/></w:rPr>" if header else ""
        cells.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{widths[j]}" w:type="dxa"/>{shade}</w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{jc}</w:pPr>'
            f'<w:r>{bold}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>'
        )
    head = '<w:trPr><w:tblHeader w:val="true"/></w:trPr>' if header else ""
    return f"<w:tr {nsdecls('w')}>{head}{''.join(cells)}</w:tr>"


def add_table(doc: Any, t: Table) -> None:
    caption = doc.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.first_line_indent = None
    run = caption.add_run(t.title)
    run.bold = True
    set_fonts(run._r.get_or_add_rPr(), HEADING_FONT)
    table = doc.add_table(rows=0, cols=len(t.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [col.get(qn("w:w")) or "0" for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    numeric = numeric_columns(t)
    style = doc.styles[TABLE_STYLE].style_id
    rows = [_row_xml(list(t.columns), widths, style, header=True, right=set())]
    for row in t.rows:
        texts = [format_cell(value, j in t.money) for j, value in enumerate(row)]
        rows.append(_row_xml(texts, widths, style, header=False, right=numeric))
    for xml in rows:
        table._tbl.append(parse_xml(xml))
    if t.note:
        p = doc.add_paragraph()
        p.paragraph_format.first_line_indent = None
        r = p.add_run(f"注：{t.note}")
        r.font.size = Pt(9)


def build_docx(report: Report) -> Any:
    doc = Document()
    _setup(doc)
    props = doc.core_properties
    props.title = report.title
    props.author = report.org_name
    props.subject = report.subtitle
    props.language = "zh-CN"
    props.comments = "由 unioncore 根据工作区记录生成"
    doc.add_paragraph(report.title, style="Title")
    if report.subtitle:
        p = doc.add_paragraph(report.subtitle)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for b in report.blocks:
        if isinstance(b, Heading):
            doc.add_heading(b.text, level=min(b.level, 3))
        elif isinstance(b, Paragraph):
            p = doc.add_paragraph(b.text)
            if b.role == "body":
                p.paragraph_format.first_line_indent = Pt(24)  # two characters
            elif b.role == "sign":
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif b.role == "note":
                for r in p.runs:
                    r.font.size = Pt(10.5)
        elif isinstance(b, Table):
            add_table(doc, b)
    return doc


def render_docx(report: Report, path: str | Path) -> None:
    build_docx(report).save(str(path))
