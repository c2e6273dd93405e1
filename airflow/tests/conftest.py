"""Shared setup: an isolated AIRFLOW_HOME (SQLite), the repository's DAG folder, and helpers that
run the real hlsforge launcher and the bundled ffmpeg. Environment is set before Airflow is imported."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_home = Path(tempfile.mkdtemp(prefix="hlsforge-airflow-"))
os.environ.update(
    {
        "AIRFLOW_HOME": str(_home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "airflow" / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{_home}/airflow.db",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        "SPARK_LOCAL_IP": "127.0.0.1",
        # PySpark's spark-submit (a dependency of the Spark provider) lives next to this interpreter.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
)


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "end_to_end: runs the DAG with real spark-submit (Airflow 3 only)")


@pytest.fixture(scope="session")
def airflow_db() -> None:
    subprocess.run([str(Path(sys.executable).parent / "airflow"), "db", "migrate"], check=True, capture_output=True)


def hlsforge(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Runs bin/hlsforge (the jar is built by the Maven phase of bin/test)."""
    result = subprocess.run([str(REPO / "bin" / "hlsforge"), *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"hlsforge {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr[-4000:]}")
    return result


@pytest.fixture(scope="session")
def ffmpeg() -> str:
    out = subprocess.run(
        ["bash", "-c", '. bin/java-env; java -cp "$(ls $jar_glob | head -1):$(cat $spark_cp)" io.hlsforge.media.FfmpegBinaries'],
        cwd=REPO, check=True, capture_output=True, text=True,
    ).stdout.split("\n")
    os.environ["LD_LIBRARY_PATH"] = out[2] + os.pathsep + os.environ.get("LD_LIBRARY_PATH", "")
    return out[0]


def clip(ffmpeg: str, path: Path, seconds: int, size: str = "320x180") -> Path:
    subprocess.run(
        [ffmpeg, "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25", "-f", "lavfi", "-i",
         "sine=frequency=440:sample_rate=48000", "-t", str(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-g", "50",
         "-c:a", "aac", "-shortest", str(path)],
        check=True,
    )
    return path


TINY_CONFIG = """hlsforge {
  segment-seconds = 2
  video.preset = "ultrafast"
  max-failure-ratio = 0.5
  ladder = [{ name = "180p", height = 180, video-kbps = 250 }, { name = "90p", height = 90, video-kbps = 100 }]
}
"""


@pytest.fixture(scope="session")
def tiny_catalogue(ffmpeg, tmp_path_factory) -> Path:
    """Two clips and a broken upload, with a catalogue.csv next to them."""
    d = tmp_path_factory.mktemp("catalogue")
    a = clip(ffmpeg, d / "a.mp4", 4)
    b = clip(ffmpeg, d / "b.mp4", 6)
    broken = d / "broken.mp4"
    broken.write_bytes(b"this is not a video")
    (d / "catalogue.csv").write_text(f"asset_id,source_uri\na,{a}\nb,{b}\nbroken,{broken}\n")
    (d / "tiny.conf").write_text(TINY_CONFIG)
    return d
