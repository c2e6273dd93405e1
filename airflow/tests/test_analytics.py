"""Every ready query of docs/analytics.md gives the same answer through `hlsforge sql` (Spark SQL)
and through DuckDB reading the Parquet files directly: the manifests are plain Parquet."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path

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


def bursty_clip(ffmpeg: str, path: Path) -> Path:
    """6 s: 4 s of flat grey, then 2 s of noise — one segment carries most of the bits, so its
    rendition's peak is far above twice its average (the ready query's case)."""
    subprocess.run(
        [ffmpeg, "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
         "nullsrc=s=320x180:r=25:d=6,geq=lum='if(lt(T,4),128,random(1)*255)':cb=128:cr=128,format=yuv420p",
         "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "6", "-c:v", "libx264", "-preset", "ultrafast",
         "-g", "50", "-c:a", "aac", "-shortest", str(path)],
        check=True,
    )
    return path


@pytest.fixture(scope="module")
def output(tiny_catalogue, ffmpeg, tmp_path_factory):
    out = tmp_path_factory.mktemp("analytics") / "output"
    bursty = bursty_clip(ffmpeg, out.parent / "bursty.mp4")
    catalogue = out.parent / "catalogue.csv"
    catalogue.write_text((tiny_catalogue / "catalogue.csv").read_text() + f"bursty,{bursty}\n")
    common = ["--catalogue", str(catalogue), "--config", str(tiny_catalogue / "tiny.conf"), "--output", str(out),
              # Picture quality for the quality queries (loudness is always measured).
              "--set", "hlsforge.quality.metrics=[psnr, ssim]"]
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
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{output}/manifests/{table}/*.parquet', union_by_name = true)")
    return [["" if v is None else str(v) for v in row] for row in con.execute(sql).fetchall()]


@pytest.mark.parametrize("title,sql", queries(), ids=[q[0] for q in queries()])
def test_spark_sql_and_duckdb_agree(output, title, sql):
    spark = list(csv.reader(io.StringIO(hlsforge("sql", sql, "--output", str(output), "--format", "csv").stdout)))
    header, spark_rows = spark[0], spark[1:]
    assert header, title
    # Two engines that both return nothing would agree without proving anything.
    assert spark_rows, f"{title}: no rows on the test manifests"
    assert normalize(spark_rows) == normalize(duckdb_answer(output, sql)), title


def test_the_queries_see_real_data(output):
    rows = duckdb_answer(output, "SELECT COUNT(*) FROM segments")
    assert int(rows[0][0]) > 0
    assert duckdb_answer(output, "SELECT reason FROM failures") == [["INPUT_CORRUPT"], ["INPUT_CORRUPT"]]
