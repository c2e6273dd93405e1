"""The nightly DAG under real Airflow: it imports cleanly and cheaply, has the intended shape, renders
the spark-submit command line a cluster will see (under Airflow 3 and 2.10), and runs end to end with
PySpark's spark-submit (under Airflow 3: the tests marked end_to_end)."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import timedelta
from pathlib import Path

import pendulum
import pytest
from airflow_compat import dag_bag, run_for_date, schedule, state_readers, variable_accessor
from conftest import REPO, hlsforge

DAGS = REPO / "airflow" / "dags"


def built_jar() -> Path:
    """The job jar the end-to-end run submits; a missing build fails the test that needs it, with
    what to do, instead of crashing collection of the whole module."""
    jars = sorted((REPO / "jobs" / "target").glob("hlsforge-jobs-*-all.jar"))
    if not jars:
        pytest.fail("no jobs/target/hlsforge-jobs-*-all.jar: build it first (mvn -B -DskipTests install)")
    return jars[0]


def hosted_checksums(hosting: Path) -> dict[str, str]:
    return {str(f.relative_to(hosting)): hashlib.sha256(f.read_bytes()).hexdigest()
            for f in sorted(hosting.rglob("*")) if f.is_file()}


@pytest.fixture
def dag():
    """A freshly parsed DAG per test (rendering templates changes the task objects in place)."""
    bag = dag_bag(str(DAGS))
    assert bag.import_errors == {}
    return bag.dags["hlsforge_nightly"]  # (get_dag would read the metadata database)


def test_dag_contract_shape_nightly_schedule_and_retry_policy(dag):
    # These literals are the DAG's contract with operators (02:00 nightly, 3 retries with backoff).
    assert [t.task_id for t in dag.topological_sort()] == ["probe", "package", "publish"]
    assert dag.get_task("probe").downstream_task_ids == {"package"}
    assert dag.get_task("package").downstream_task_ids == {"publish"}
    assert schedule(dag) == "0 2 * * *"
    assert dag.max_active_runs == 1
    assert dag.catchup is False
    for task in dag.tasks:
        assert task.retries == 3
        assert task.retry_exponential_backoff is True
        assert task.retry_delay == timedelta(minutes=5)
        assert task.max_retry_delay == timedelta(hours=1)


def test_importing_the_dag_file_does_no_work(monkeypatch):
    """No Variable, connection or database access at import: parsing happens every few seconds."""

    def forbidden(*args, **kwargs):
        raise AssertionError("the DAG file touched Airflow state at import time")

    for cls, method in state_readers():
        monkeypatch.setattr(cls, method, forbidden)
    bag = dag_bag(str(DAGS))
    assert bag.import_errors == {}
    assert "hlsforge_nightly" in bag.dag_ids


def test_rendered_spark_submit_command(dag, airflow_db, monkeypatch):
    # Variables override params; the rest comes from the params' defaults.
    monkeypatch.setenv("AIRFLOW_VAR_HLSFORGE_OUTPUT", "hdfs://nn:8020/media/work")
    monkeypatch.setenv("AIRFLOW_VAR_HLSFORGE_JAR", "/srv/jobs/hlsforge-test.jar")
    monkeypatch.setenv("AIRFLOW_VAR_HLSFORGE_SPARK_CONN_ID", "hlsforge_cluster")
    monkeypatch.setenv("AIRFLOW_CONN_HLSFORGE_CLUSTER", json.dumps({"conn_type": "spark", "host": "spark://master", "port": 7077,
                                                                    "extra": {"deploy-mode": "client"}}))
    task = dag.get_task("probe")
    params = {k: dag.params[k] for k in dag.params}
    context = {"ds": "2026-11-25", "ds_nodash": "20261125", "params": params,
               "var": {"value": variable_accessor(False), "json": variable_accessor(True)}}
    task.render_template_fields(context)
    command = task._get_hook()._build_spark_submit_command(task.application)
    assert command == [
        "spark-submit", "--master", "spark://master:7077",
        "--conf", "spark.task.maxFailures=4",
        "--files", params["config"],
        "--name", "hlsforge-probe-2026-11-25",
        "--class", "io.hlsforge.cli.Main",
        "--deploy-mode", "client",
        "/srv/jobs/hlsforge-test.jar",
        "probe", "--config", params["config"], "--output", "hdfs://nn:8020/media/work",
        "--run-date", "2026-11-25", "--run-id", "nightly-20261125", "--catalogue", params["catalogue"],
    ]
    # Not overridden by a Variable: the param; overridden: the Variable, never the param.
    assert params["output"] not in command and params["jar"] not in command


@pytest.mark.end_to_end
def test_a_dag_run_packages_and_publishes_with_real_spark_submit(dag, airflow_db, tiny_catalogue, tmp_path, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_HLSFORGE_LOCAL", json.dumps({"conn_type": "spark", "host": "local[2]"}))
    out, hosting = tmp_path / "output", tmp_path / "hosting"
    for task in dag.tasks:  # a failure should fail the test now, not after exponential backoff
        monkeypatch.setattr(task, "retries", 0)
    conf = {"jar": str(built_jar()), "config": str(tiny_catalogue / "tiny.conf"), "catalogue": str(tiny_catalogue / "catalogue.csv"),
            "output": str(out), "hosting": str(hosting), "spark_conn_id": "hlsforge_local"}
    run = run_for_date(dag, pendulum.datetime(2026, 11, 25, tz="UTC"), conf)
    assert run.state == "success", [(ti.task_id, ti.state) for ti in run.get_task_instances()]
    for asset in ("a", "b"):
        master = (hosting / asset / "master.m3u8").read_text()
        assert "#EXT-X-STREAM-INF" in master and "RESOLUTION=320x180" in master
    assert not (hosting / "broken").exists()
    report = json.loads((out / "runs" / "nightly-20261125" / "report.json").read_text())
    assert report["assets_failed"] == 1 and report["failures_by_reason"] == {"INPUT_CORRUPT": 1}

    # The same date again: idempotent, nothing encoded or published twice.
    hosted_before = hosted_checksums(hosting)
    # (A later logical time on the same day: same {{ ds }}, a new DAG run rather than a cleared one.)
    again = run_for_date(dag, pendulum.datetime(2026, 11, 25, 1, tz="UTC"), conf)
    assert again.state == "success"
    assert hosted_checksums(hosting) == hosted_before, "every hosted object as it was"
    summary = hlsforge("sql", "SELECT stage, assets_succeeded, assets_skipped FROM runs WHERE run_id = 'nightly-20261125' "
                       "ORDER BY started_at_ms DESC LIMIT 2", "--output", str(out), "--format", "csv").stdout
    assert summary.splitlines()[1:] == ["publish,0,2", "package,0,2"]
