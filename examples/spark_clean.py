"""Cleans web crawls on Apache Spark with dechaff: `dechaff corpus`, spread
over a cluster.

Every input (a WARC or JSONL file, plain or compressed) is one task: the
list of inputs is cut into partitions, each partition builds one
`dechaff.Extractor` and reads its inputs in turn, and each input yields the
records that `dechaff corpus` writes for it, byte for byte (the same Rust
code makes them). JSONL output is a directory of `part-NNNNN` files in
input order: `cat OUT/part-*` is what `dechaff corpus INPUTS -o -` prints.
Parquet output holds the same records, one row each, with the same fields.

Locally (inputs on this machine):

    spark-submit --master 'local[*]' examples/spark_clean.py \
        'crawl/*.warc.gz' -o out/clean --format parquet

On a cluster, every executor needs dechaff (see crates/python/README.md,
"Spark") and must reach the inputs: a filesystem mounted on every node, or
URLs (s3://, gs://, hdfs://, https://...) that executors fetch with fsspec.

Run `python examples/spark_clean.py --help` for every option.
"""

import argparse
import glob
import json
import os
import shutil
import sys
import tempfile

INPUT_SUFFIXES = (".warc", ".warc.gz", ".warc.zst", ".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson")


def parse_args(argv=None):
    p = argparse.ArgumentParser(
        description="Extract the main text of WARC/JSONL crawls on Spark, "
        "writing the records of `dechaff corpus`."
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="WARC or JSONL files, glob patterns, directories (their WARC and "
        "JSONL files, in name order) or URLs read with fsspec",
    )
    p.add_argument("-o", "--output", required=True, help="output directory")
    p.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    p.add_argument(
        "--compress",
        choices=["none", "gzip"],
        default="none",
        help="JSONL part files compression",
    )
    p.add_argument(
        "--partitions",
        type=int,
        default=None,
        help="partitions (default: one per input, at most spark.default.parallelism x 4)",
    )
    p.add_argument("--master", default=None, help="Spark master, when not run by spark-submit")
    # The flags of `dechaff corpus`, with its defaults.
    p.add_argument("--preset", choices=["precision", "balanced", "recall"], default="balanced")
    p.add_argument("--markdown", action="store_true")
    p.add_argument("--min-length", type=int, default=0)
    p.add_argument("--lang", default=None, help="comma-separated primary subtags, e.g. en,fr")
    p.add_argument("--only-ok", action="store_true")
    p.add_argument("--keep-non-200", action="store_true")
    p.add_argument("--html-field", default="html")
    p.add_argument("--id-field", default="id")
    p.add_argument("--url-field", default="url")
    p.add_argument("--input-format", choices=["warc", "jsonl"], default=None)
    return p.parse_args(argv)


def is_url(path):
    return "://" in path and not path.startswith("file://")


def expand_inputs(args):
    """The inputs, in order: globs and directories expanded (sorted), URLs
    kept as they are. Fails on a local path that matches nothing, before
    any work is done, as `dechaff corpus` does."""
    out = []
    for arg in args:
        if is_url(arg):
            out.append(arg)
        elif os.path.isdir(arg):
            found = []
            for root, dirs, files in os.walk(arg):
                dirs.sort()
                found += [os.path.join(root, f) for f in sorted(files) if f.lower().endswith(INPUT_SUFFIXES)]
            if not found:
                sys.exit(f"{arg}: no WARC or JSONL file in this directory")
            out += found
        elif os.path.exists(arg):
            out.append(arg)
        else:
            matches = sorted(glob.glob(arg))
            if not matches:
                sys.exit(f"{arg}: no such file, and no file matches it as a pattern")
            out += matches
    return out


def corpus_options(args):
    """`Extractor.corpus_records` keyword arguments from the command line."""
    return dict(
        markdown=args.markdown,
        min_length=args.min_length,
        lang=args.lang,
        only_ok=args.only_ok,
        keep_non_200=args.keep_non_200,
        html_field=args.html_field,
        id_field=args.id_field,
        url_field=args.url_field,
        input_format=args.input_format,
    )


def fetch(url, directory):
    """Copies a remote input to a local file (the reader needs a file: it
    seeks back over corrupt gzip members)."""
    import fsspec  # only executors that read URLs need it

    name = url.rstrip("/").rsplit("/", 1)[-1] or "input"
    local = os.path.join(directory, name)
    with fsspec.open(url, "rb") as src, open(local, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    return local


def clean_partition(preset, options):
    """The function run on each partition: one Extractor for all of the
    partition's inputs, then each input's records in order."""

    def run(paths):
        import dechaff

        extractor = dechaff.Extractor(preset=preset)
        for path in paths:
            if is_url(path):
                with tempfile.TemporaryDirectory(prefix="dechaff-") as tmp:
                    local = fetch(path, tmp)
                    yield from extractor.corpus_records(local, name=path, **options)
            else:
                yield from extractor.corpus_records(path, **options)

    return run


def parquet_schema():
    from pyspark.sql.types import LongType, StringType, StructField, StructType, ArrayType

    s = lambda name: StructField(name, StringType(), True)  # noqa: E731
    metadata = StructType(
        [
            StructField("authors", ArrayType(StringType()), True),
            s("published"),
            s("modified"),
            s("site_name"),
            s("description"),
            s("canonical_url"),
            s("image"),
            StructField("tags", ArrayType(StringType()), True),
            s("page_type"),
        ]
    )
    source = StructType([s("file"), StructField("offset", LongType(), True)])
    return StructType(
        [
            s("id"),
            s("url"),
            s("status"),
            s("reason"),
            s("title"),
            s("lang"),
            s("encoding"),
            s("text"),
            StructField("metadata", metadata, True),
            StructField("source", source, True),
        ]
    )


def main(argv=None):
    args = parse_args(argv)
    from pyspark.sql import SparkSession

    inputs = expand_inputs(args.inputs)
    builder = SparkSession.builder.appName("dechaff-clean")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    partitions = args.partitions or max(1, min(len(inputs), sc.defaultParallelism * 4))
    # parallelize keeps the list's order across partitions, and both writers
    # write partition i to part i: the output is in input order.
    paths = sc.parallelize(inputs, partitions)
    lines = paths.mapPartitions(clean_partition(args.preset, corpus_options(args)))
    if args.format == "jsonl":
        codec = "org.apache.hadoop.io.compress.GzipCodec" if args.compress == "gzip" else None
        lines.saveAsTextFile(args.output, compressionCodecClass=codec)
    else:
        rows = lines.map(json.loads)
        spark.createDataFrame(rows, parquet_schema()).write.parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
