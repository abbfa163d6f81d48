"""examples/spark_clean.py on Spark in local mode (local[2]) against
`dechaff corpus` on the same generated crawl."""

import glob
import json
import os
import subprocess
import sys

import pytest

import corpus_gen

SCRIPT = os.path.join(corpus_gen.REPO, "examples", "spark_clean.py")


def spark_env():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        if os.environ.get("DECHAFF_REQUIRE_SPARK") == "1":
            pytest.fail("pyspark is not installed")
        pytest.skip("pyspark is not installed (pip install pyspark)")
    env = dict(os.environ)
    # Workers must run this interpreter, the one with dechaff installed.
    env["PYSPARK_PYTHON"] = sys.executable
    env["PYSPARK_DRIVER_PYTHON"] = sys.executable
    env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return env


def run_job(inputs, out, *flags):
    cmd = [sys.executable, SCRIPT, "--master", "local[2]", *inputs, "-o", out, *flags]
    r = subprocess.run(cmd, env=spark_env(), capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-4000:]


def test_spark_jsonl_equals_dechaff_corpus(crawl, dechaff_cli, tmp_path):
    expected = dechaff_cli(crawl, str(tmp_path / "cli.jsonl"))
    out = str(tmp_path / "spark")
    # More partitions than inputs would leave some empty: 3 spreads the 4
    # inputs unevenly over the 2 workers, as a real run does.
    run_job(crawl, out, "--partitions", "3")
    parts = sorted(glob.glob(os.path.join(out, "part-*")))
    assert len(parts) == 3
    got = b"".join(open(p, "rb").read() for p in parts)
    assert got.count(b"\n") == expected.count(b"\n") > 20
    assert got == expected


def test_spark_parquet_has_the_same_records(crawl, dechaff_cli, tmp_path):
    flags = ["--markdown", "--preset", "recall"]
    expected = [json.loads(line) for line in dechaff_cli(crawl, str(tmp_path / "cli.jsonl"), *flags).splitlines()]
    out = str(tmp_path / "spark.parquet")
    run_job(crawl, out, "--format", "parquet", *flags)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[1]").appName("dechaff-test-read").getOrCreate()
    try:
        rows = [r.asDict(recursive=True) for r in spark.read.parquet(out).collect()]
    finally:
        spark.stop()
    key = lambda r: (r["source"]["file"], r["source"]["offset"] or 0, r["id"] or "")  # noqa: E731
    assert len(rows) == len(expected)
    assert sorted(rows, key=key) == sorted(expected, key=key)
