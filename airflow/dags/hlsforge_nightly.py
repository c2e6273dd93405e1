"""hlsforge nightly packaging: probe → package → publish, each a spark-submit of the hlsforge job jar.

Everything site-specific comes from DAG params, which Airflow Variables override:

    hlsforge_jar            path or URI of hlsforge-jobs-<version>-all.jar
    hlsforge_config         hlsforge HOCON config file (shipped with --files)
    hlsforge_catalogue      catalogue URI (CSV / JSON Lines / Parquet / directory)
    hlsforge_output         output URI (media + manifests)
    hlsforge_hosting        hosting URI (s3://bucket/prefix, hdfs://…, file://…)
    hlsforge_spark_conn_id  Airflow connection of type "spark" (master, deploy mode)

`--run-date {{ ds }}` ties each run to its data interval; re-running a date is idempotent (hlsforge
skips encodings it already committed and masters already live). The file does no work at import.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

try:  # Airflow 3: the Task SDK is the DAG authoring interface.
    from airflow.sdk import DAG, Param
except ImportError:  # Airflow 2.10, for teams that have not moved yet.
    from airflow import DAG
    from airflow.models.param import Param


def setting(name: str) -> str:
    """A Jinja expression: the Airflow Variable hlsforge_<name> if set, else the DAG param <name>."""
    return "{{ var.value.get('hlsforge_%s', params.%s) }}" % (name, name)


class HlsforgeSubmit(SparkSubmitOperator):
    """SparkSubmitOperator whose Spark connection id is templated too (so a Variable can choose it)."""

    template_fields = (*SparkSubmitOperator.template_fields, "_conn_id")


def stage(name: str, *extra: str) -> HlsforgeSubmit:
    return HlsforgeSubmit(
        task_id=name,
        conn_id=setting("spark_conn_id"),
        application=setting("jar"),
        java_class="io.hlsforge.cli.Main",
        name=f"hlsforge-{name}-{{{{ ds }}}}",
        files=setting("config"),
        conf={"spark.task.maxFailures": "4"},
        application_args=[
            name,
            "--config", setting("config"),
            "--output", setting("output"),
            "--run-date", "{{ ds }}",
            "--run-id", "nightly-{{ ds_nodash }}",
            *extra,
        ],
    )


with DAG(
    dag_id="hlsforge_nightly",
    description="Package the media catalogue into HLS and publish it (hlsforge on Spark).",
    schedule="0 2 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={
        "retries": 3,
        "retry_delay": timedelta(minutes=5),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(hours=1),
    },
    params={
        "jar": Param("/opt/hlsforge/hlsforge-jobs-0.1.0-SNAPSHOT-all.jar", type="string"),
        "config": Param("/opt/hlsforge/conf/nightly.conf", type="string"),
        "catalogue": Param("hdfs:///media/catalogue.csv", type="string"),
        "output": Param("hdfs:///media/hls-work", type="string"),
        "hosting": Param("s3://cdn-origin/vod", type="string"),
        "spark_conn_id": Param("spark_default", type="string"),
    },
    tags=["hlsforge", "media"],
) as dag:
    probe = stage("probe", "--catalogue", setting("catalogue"))
    package = stage("package")
    publish = stage("publish", "--hosting", setting("hosting"))
    probe >> package >> publish
