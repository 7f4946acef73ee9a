"""CSV cells that a spreadsheet would run as a formula are written as text (OWASP CSV injection)."""

import csv
import io

import pytest

from cms.csv_safety import neutralise, writer


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        (
            '=HYPERLINK("http://evil.example/","Klik")',
            '\'=HYPERLINK("http://evil.example/","Klik")',
        ),
        ("+31 6 1234", "'+31 6 1234"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Meer taallessen", "Meer taallessen"),
        ("a = b", "a = b"),
        ("", ""),
        (12, 12),
        (None, None),
    ],
)
def test_cells_that_start_like_a_formula_get_a_quote(cell, written):
    assert neutralise(cell) == written


def test_the_writer_neutralises_every_cell_of_every_row():
    out = io.StringIO()
    safe = writer(out)
    safe.writerow(["=1+1", 3, "ok"])
    safe.writerows([["@x", "-y"]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=1+1", "3", "ok"], ["'@x", "'-y"]]
