"""The formats of the planner workbook (colours and fonts from `iki_xl.layout`)."""

from __future__ import annotations

from dataclasses import dataclass

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

from iki_xl import layout as L
from iki_xl.io.text_height import text_height
from iki_xl.io.write.cells import Formats


@dataclass(frozen=True, slots=True)
class Styles:
    title: Format
    subtitle: Format
    label: Format
    colon: Format
    header: Format
    input_text: Format
    input_number: Format
    input_marker: Format
    continuation: Format  # continuation cells of a block: unlocked, no fill
    continuation_number: Format
    computed: dict[str, Format]  # by number format key: "result", "percent", "text"
    computed_continuation: Format
    computed_locked: Format  # a computed cell outside the table (the atasan's name)
    list_marker: Format
    prose: Format
    prose_heading: Format
    prose_input: Format  # the Petunjuk's yellow and blue sample lines
    prose_computed: Format
    referensi: Format
    row_unlocked: Format  # the default of a whole table or list row: a planner may delete it
    bands: tuple[Format, ...]  # conditional fills of capaian by band, top band first
    band_incomplete: Format  # "belum lengkap"
    required_empty: Format  # an empty cell an indicator or kinerja needs
    contoh: Format  # the CONTOH mark of a sheet with example figures

    def input(self, number_format: str) -> Format:
        return self.input_text if number_format == "text" else self.input_number


def planner_styles(wb: Workbook) -> Styles:
    f = Formats(wb, {"font_name": L.FONT, "font_size": L.FONT_SIZE, "valign": "top"})
    border = {"border": 1, "border_color": "#A6A6A6"}
    entry = {**border, "bg_color": L.COLOR_INPUT, "locked": False, "text_wrap": True}
    # computed cells are unlocked like every cell of a table row (see io/write/jabatan_sheet);
    # a validation refuses typing in them
    computed = {**border, "bg_color": L.COLOR_COMPUTED, "locked": False, "text_wrap": True}
    return Styles(
        title=f(bold=True, font_size=14, valign="vcenter"),
        contoh=f(bold=True, font_color="#C00000"),
        subtitle=f(italic=True, font_color="#595959"),
        label=f(bold=True, bg_color=L.COLOR_LABEL, **border, text_wrap=True),
        colon=f(bold=True, align="center"),
        header=f(
            bold=True,
            font_color="#FFFFFF",
            bg_color=L.COLOR_HEADER,
            align="center",
            valign="vcenter",
            text_wrap=True,
            border=1,
            border_color="#FFFFFF",
        ),
        input_text=f(**entry, num_format=L.NUMBER_FORMATS["text"]),
        input_number=f(**entry, num_format=L.NUMBER_FORMATS["input"]),
        input_marker=f(**entry, align="center", num_format=L.NUMBER_FORMATS["input"]),
        continuation=f(**border, locked=False, text_wrap=True, num_format=L.NUMBER_FORMATS["text"]),
        continuation_number=f(**border, locked=False, num_format=L.NUMBER_FORMATS["input"]),
        computed={
            k: f(
                **computed,
                num_format=L.NUMBER_FORMATS[k],
                **({"align": "right"} if k != "text" else {}),
            )
            for k in ("result", "percent", "text", "quarter")
        },
        computed_continuation=f(**border, bg_color=L.COLOR_COMPUTED, locked=False),
        computed_locked=f(**computed | {"locked": True}, num_format=L.NUMBER_FORMATS["text"]),
        list_marker=f(align="right", locked=False),
        prose=f(text_wrap=True, valign="top"),
        prose_heading=f(bold=True, font_size=12),
        prose_input=f(bg_color=L.COLOR_INPUT, text_wrap=True),
        prose_computed=f(bg_color=L.COLOR_COMPUTED, text_wrap=True),
        referensi=f(**border),
        row_unlocked=f(locked=False),
        bands=tuple(wb.add_format({"bg_color": c}) for c in L.BAND_COLORS),
        band_incomplete=wb.add_format({"bg_color": "#EDEDED", "font_color": "#595959"}),
        required_empty=wb.add_format({"bg_color": "#FFC7CE"}),
    )


def row_height(text: str, width: float) -> float:
    """Row height (points) for wrapped text, never below the default row."""
    return max(15.0, text_height(text, width, L.FONT_SIZE))
