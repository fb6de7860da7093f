"""Roster import: reading and checking a spreadsheet (`parsing`) and comparing it with the database (`preview`)."""

from .parsing import (
    ALL_COLUMNS,
    NIP_COLUMNS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    SAMPLE_ROWS,
    Problem,
    RosterFileError,
    RosterRow,
    file_digest,
    missing_columns,
    parse_row,
    read_table,
    sample_csv,
)
from .preview import COMPARED_FIELDS, RosterPreview, build_preview, preview_file

__all__ = [
    "ALL_COLUMNS",
    "COMPARED_FIELDS",
    "NIP_COLUMNS",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "SAMPLE_ROWS",
    "Problem",
    "RosterFileError",
    "RosterPreview",
    "RosterRow",
    "build_preview",
    "file_digest",
    "missing_columns",
    "parse_row",
    "preview_file",
    "read_table",
    "sample_csv",
]
