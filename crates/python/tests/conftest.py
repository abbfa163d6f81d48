"""Shared fixtures: the sample pages, a generated crawl, and the
`dechaff` command line to compare with."""

import os
import shutil
import subprocess

import pytest

import corpus_gen


def pytest_collection_modifyitems(config, items):
    # An empty run must not pass: ci.sh also checks, this says why here.
    if not items:
        raise pytest.UsageError("no tests collected")


@pytest.fixture(scope="session")
def sample_pages():
    return corpus_gen.pages()


@pytest.fixture(scope="session")
def crawl(tmp_path_factory):
    """Paths of a small generated crawl (WARC.gz, WARC, JSONL, JSONL.gz)."""
    return corpus_gen.write_corpus(str(tmp_path_factory.mktemp("crawl")))


def find_cli():
    """The `dechaff` binary: $DECHAFF_CLI, else a release or debug build
    in $CARGO_TARGET_DIR or the repository's target/."""
    if os.environ.get("DECHAFF_CLI"):
        return os.environ["DECHAFF_CLI"]
    dirs = [os.environ.get("CARGO_TARGET_DIR"), os.path.join(corpus_gen.REPO, "target")]
    for d in filter(None, dirs):
        for profile in ("release", "debug"):
            p = os.path.join(d, profile, "dechaff")
            if os.access(p, os.X_OK):
                return p
    return shutil.which("dechaff")


@pytest.fixture(scope="session")
def dechaff_cli():
    """Runs `dechaff corpus`; skips when there is no binary, unless
    DECHAFF_REQUIRE_CLI=1 (CI), where that is a failure."""
    exe = find_cli()
    if exe is None:
        msg = (
            "no dechaff binary: build it (cargo build --release -p dechaff-cli) "
            "or set DECHAFF_CLI to compare with `dechaff corpus`"
        )
        if os.environ.get("DECHAFF_REQUIRE_CLI") == "1":
            pytest.fail(msg)
        pytest.skip(msg)

    def corpus(inputs, output, *flags):
        subprocess.run([exe, "corpus", *inputs, "-o", output, "--quiet", *flags], check=True, stderr=subprocess.DEVNULL)
        with open(output, "rb") as f:
            return f.read()

    return corpus
