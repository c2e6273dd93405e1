"""Every ready query of docs/analytics.md gives the same answer through `hlsforge sql` (Spark SQL)
and through DuckDB reading the Parquet files directly: the manifests are plain Parquet."""

from __future__ import annotations

import csv
import io
import re

import duckdb
import pytest
from conftest import REPO, hlsforge

TABLES = ("probes", "renditions", "segments", "failures", "runs")


def queries() -> list[tuple[str, str]]:
    doc = (REPO / "docs" / "analytics.md").read_text()
    ready = doc[doc.index("## Ready queries"):]
    found = re.findall(r"### (.+?)\n.*?```sql\n(.*?)```", ready, re.S)
    assert len(found) >= 6, "docs/analytics.md should hold at least six ready queries"
    return found


@pytest.fixture(scope="module")
def output(tiny_catalogue, tmp_path_factory):
    out = tmp_path_factory.mktemp("analytics") / "output"
    common = ["--catalogue", str(tiny_catalogue / "catalogue.csv"), "--config", str(tiny_catalogue / "tiny.conf"), "--output", str(out)]
    hlsforge("run", *common, "--hosting", str(out.parent / "hosting"), "--run-date", "2026-11-24")
    # A second, incremental run on another day: runs and skipped counts for the per-day queries.
    hlsforge("run", *common, "--hosting", str(out.parent / "hosting"), "--run-date", "2026-11-25")
    return out


def normalize(rows: list[list[str]]) -> list[tuple]:
    def cell(v: str):
        if v == "":
            return None
        try:
            return round(float(v), 6)
        except ValueError:
            return v

    return [tuple(cell(v) for v in row) for row in rows]


def duckdb_answer(output, sql: str) -> list[list[str]]:
    con = duckdb.connect()
    for table in TABLES:
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{output}/manifests/{table}/*.parquet')")
    return [["" if v is None else str(v) for v in row] for row in con.execute(sql).fetchall()]


@pytest.mark.parametrize("title,sql", queries(), ids=[q[0] for q in queries()])
def test_spark_sql_and_duckdb_agree(output, title, sql):
    spark = list(csv.reader(io.StringIO(hlsforge("sql", sql, "--output", str(output), "--format", "csv").stdout)))
    header, spark_rows = spark[0], spark[1:]
    assert header, title
    assert normalize(spark_rows) == normalize(duckdb_answer(output, sql)), title


def test_the_queries_see_real_data(output):
    rows = duckdb_answer(output, "SELECT COUNT(*) FROM segments")
    assert int(rows[0][0]) > 0
    assert duckdb_answer(output, "SELECT reason FROM failures") == [["INPUT_CORRUPT"], ["INPUT_CORRUPT"]]
