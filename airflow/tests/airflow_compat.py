"""What differs between the Airflow majors the DAG supports (3.x, and 2.10 for parse and render):
where DagBag lives, how a DAG names its schedule and a test run's date, where Variables are read."""

from __future__ import annotations

import airflow

AIRFLOW_3 = int(airflow.__version__.split(".")[0]) >= 3


def dag_bag(folder: str):
    if AIRFLOW_3:
        from airflow.dag_processing.dagbag import DagBag

        return DagBag(dag_folder=folder)
    from airflow.models import DagBag

    return DagBag(dag_folder=folder, include_examples=False)


def schedule(dag) -> str:
    return dag.schedule if AIRFLOW_3 else dag.schedule_interval


def variable_accessor(deserialize_json: bool):
    if AIRFLOW_3:
        from airflow.sdk.execution_time.context import VariableAccessor
    else:
        from airflow.utils.context import VariableAccessor
    return VariableAccessor(deserialize_json=deserialize_json)


def state_readers():
    """The (class, method name) pairs a DAG file could read Variables and Connections through."""
    from airflow.models import Connection, Variable

    pairs = [(Variable, "get"), (Connection, "get_connection_from_secrets")]
    if AIRFLOW_3:
        from airflow import sdk

        pairs += [(sdk.Variable, "get"), (sdk.Connection, "get")]
    return pairs


def run_for_date(dag, when, conf):
    """dag.test() for one logical date (Airflow 3 calls it logical_date, 2.10 execution_date)."""
    if AIRFLOW_3:
        return dag.test(logical_date=when, run_conf=conf)
    return dag.test(execution_date=when, run_conf=conf)
